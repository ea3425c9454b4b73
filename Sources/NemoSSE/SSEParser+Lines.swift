/// Byte values the event-stream grammar uses.
@usableFromInline
enum SSEByte {
    @usableFromInline static let lineFeed = UInt8(ascii: "\n")
    @usableFromInline static let carriageReturn = UInt8(ascii: "\r")
    @usableFromInline static let colon = UInt8(ascii: ":")
    @usableFromInline static let space = UInt8(ascii: " ")
}

extension SSEParser {
    /// Splits contiguous bytes into lines and processes each complete one; keeps an unfinished line.
    @usableFromInline
    mutating func parseBytes(_ chunk: UnsafeRawBufferPointer, _ body: (SSEItem) throws -> Void) rethrows {
        guard let base = chunk.baseAddress, !chunk.isEmpty else {
            return
        }
        let end = chunk.count
        var start = 0
        if skipsLeadingLineFeed {
            skipsLeadingLineFeed = false
            if base.load(as: UInt8.self) == SSEByte.lineFeed {
                start = 1
            }
        }
        while start < end {
            let lineEnd = LineBreakScanner.firstLineBreak(in: base, from: start, to: end)
            if lineEnd == end {
                pendingLine.append(contentsOf: UnsafeRawBufferPointer(start: base + start, count: end - start))
                return
            }
            let line = UnsafeRawBufferPointer(start: base + start, count: lineEnd - start)
            if pendingLine.isEmpty {
                try processLine(line, body)
            } else {
                try processPendingLine(completedBy: line, body)
            }
            if base.load(fromByteOffset: lineEnd, as: UInt8.self) == SSEByte.carriageReturn {
                if lineEnd + 1 == end {
                    skipsLeadingLineFeed = true
                    return
                }
                let next = base.load(fromByteOffset: lineEnd + 1, as: UInt8.self)
                start = next == SSEByte.lineFeed ? lineEnd + 2 : lineEnd + 1
            } else {
                start = lineEnd + 1
            }
        }
    }

    /// Completes the carried-over line with `tail` and processes it, keeping the buffer's capacity.
    @usableFromInline
    mutating func processPendingLine(
        completedBy tail: UnsafeRawBufferPointer,
        _ body: (SSEItem) throws -> Void
    ) rethrows {
        var line: [UInt8] = []
        swap(&line, &pendingLine)
        line.append(contentsOf: tail)
        defer {
            line.removeAll(keepingCapacity: true)
            swap(&line, &pendingLine)
        }
        try line.withUnsafeBytes { try processLine($0, body) }
    }

    /// Processes one complete line (without its line end).
    @usableFromInline
    mutating func processLine(_ fullLine: UnsafeRawBufferPointer, _ body: (SSEItem) throws -> Void) rethrows {
        var line = fullLine
        if atStreamStart {
            atStreamStart = false
            if line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF {
                line = UnsafeRawBufferPointer(rebasing: line[3...])
            }
        }
        let count = line.count
        if count == 0 {
            try dispatchEvent(body)
            return
        }
        if line[0] == SSEByte.colon {
            if reportsComments {
                try body(.comment(String(decoding: Self.value(of: line, from: 1), as: UTF8.self)))
            }
            return
        }
        // Known field names are at most 5 bytes long: look for the colon in the first 6 bytes only.
        var nameLength = 0
        while nameLength < count, nameLength < 6, line[nameLength] != SSEByte.colon {
            nameLength += 1
        }
        if nameLength < count, line[nameLength] != SSEByte.colon {
            return  // a field name of 6 bytes or more: unknown, ignored
        }
        let value = Self.value(of: line, from: nameLength + 1)
        processField(name: UnsafeRawBufferPointer(rebasing: line[..<nameLength]), value: value)
    }

    /// The value part of a line: the bytes from `start` with one leading space removed.
    @inline(__always)
    static func value(of line: UnsafeRawBufferPointer, from start: Int) -> UnsafeRawBufferPointer {
        var start = min(start, line.count)
        if start < line.count, line[start] == SSEByte.space {
            start += 1
        }
        return UnsafeRawBufferPointer(rebasing: line[start...])
    }

    /// Applies one field to the buffers; field names are compared as bytes.
    @usableFromInline
    mutating func processField(name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) {
        switch name.count {
        case 4 where Self.equals(name, "d", "a", "t", "a"):
            dataBuffer.append(contentsOf: value)
            dataBuffer.append(SSEByte.lineFeed)
        case 5 where Self.equals(name, "e", "v", "e", "n", "t"):
            eventTypeBuffer.removeAll(keepingCapacity: true)
            eventTypeBuffer.append(contentsOf: value)
        case 2 where Self.equals(name, "i", "d"):
            if !value.contains(0) {
                lastEventIDBuffer = String(decoding: value, as: UTF8.self)
            }
        case 5 where Self.equals(name, "r", "e", "t", "r", "y"):
            if let milliseconds = Self.decimalInteger(value) {
                reconnectionTime = milliseconds
            }
        default:
            break
        }
    }

    /// Whether `name` holds exactly the given ASCII characters (the caller has checked the length).
    @inline(__always)
    static func equals(_ name: UnsafeRawBufferPointer, _ expected: Unicode.Scalar...) -> Bool {
        for (index, scalar) in expected.enumerated() where name[index] != UInt8(ascii: scalar) {
            return false
        }
        return true
    }

    /// The value of a non-empty run of ASCII digits, or `nil` for anything else or on overflow.
    static func decimalInteger(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard !bytes.isEmpty else {
            return nil
        }
        var result = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                return nil
            }
            let (times10, overflow1) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else {
                return nil
            }
            result = sum
        }
        return result
    }

    /// Handles a blank line: dispatches the event if its data buffer is not empty, then resets the buffers.
    @usableFromInline
    mutating func dispatchEvent(_ body: (SSEItem) throws -> Void) rethrows {
        lastEventID = lastEventIDBuffer
        guard !dataBuffer.isEmpty else {
            eventTypeBuffer.removeAll(keepingCapacity: true)
            return
        }
        let type = eventTypeBuffer.isEmpty ? "message" : String(decoding: eventTypeBuffer, as: UTF8.self)
        // The buffer always ends with the LF appended after the last data value: leave it out.
        let data = dataBuffer.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0.dropLast()), as: UTF8.self)
        }
        Self.reset(&dataBuffer)
        Self.reset(&eventTypeBuffer)
        try body(.event(SSEEvent(type: type, data: data, lastEventID: lastEventIDBuffer, retry: reconnectionTime)))
    }

    /// Empties a buffer, keeping its capacity unless one huge event made it large.
    @inline(__always)
    static func reset(_ buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
    }
}
