/// Finds event boundaries in SSE bytes, following the event-stream rules for line ends (LF, CR,
/// CRLF): a block is one or more non-empty lines closed by an empty line.
enum EventBlocks {
    /// The offsets just past each block's closing empty line.
    static func ends(_ bytes: [UInt8]) -> [Int] {
        var ends: [Int] = []
        var lineStart = 0
        var blockHasLines = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x0A || byte == 0x0D else { index += 1; continue }
            let lineEmpty = index == lineStart
            index += (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) ? 2 : 1
            if lineEmpty {
                if blockHasLines { ends.append(index) }
                blockHasLines = false
            } else {
                blockHasLines = true
            }
            lineStart = index
        }
        return ends
    }

    /// The lines of one block (without line ends), empty lines dropped.
    static func lines(_ block: ArraySlice<UInt8>) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        var previousCR = false
        for byte in block {
            if byte == 0x0A && previousCR { previousCR = false; continue }
            previousCR = byte == 0x0D
            if byte == 0x0A || byte == 0x0D {
                if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
                current = []
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
        return lines
    }

    /// The `data` of a block (data lines joined by LF) and whether it had any data line.
    static func data(of lines: [String]) -> (data: String, hasData: Bool) {
        var values: [String] = []
        for line in lines where !line.hasPrefix(":") {
            let colon = line.firstIndex(of: ":") ?? line.endIndex
            guard line[..<colon] == "data" else { continue }
            var value = colon == line.endIndex ? "" : line[line.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
            values.append(String(value))
        }
        return (values.joined(separator: "\n"), !values.isEmpty)
    }
}
