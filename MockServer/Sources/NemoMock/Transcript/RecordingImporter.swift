/// Turns a raw recording (the body bytes, the response head, and a timing log of the chunked
/// transfer) into a byte-exact ``Transcript``. This is the first half of a `record` mode: whatever
/// captures real traffic writes these three pieces, and the importer writes the transcript.
public enum RecordingImporter {
    /// Builds a transcript from a recording.
    ///
    /// - Parameters:
    ///   - body: the response body exactly as received (`.sse` file).
    ///   - head: the response head (`.headers` file), or nil for the default SSE head.
    ///   - timing: lines `+ <seconds>s <n> bytes`, one per chunk as it arrived on the wire
    ///     (chunked framing included; the last 5-byte chunk is the terminator), or nil for one chunk.
    public static func transcript(
        name: String, body: [UInt8], head: String?, timing: String?
    ) throws(TranscriptError) -> Transcript {
        var transcript = Transcript(name: name)
        if let head { try readHead(head, into: &transcript) }
        guard let timing else {
            transcript.steps = [.chunk(at: 0, bytes: body), .end(at: 0)]
            return transcript
        }
        var entries: [(at: Double, size: Int)] = []
        for (index, line) in timing.split(whereSeparator: \.isNewline).enumerated() {
            let words = line.split(separator: " ")
            guard words.count == 4, words[0] == "+", words[1].hasSuffix("s"), let at = Double(words[1].dropLast()),
                let size = Int(words[2]), words[3] == "bytes"
            else { throw TranscriptError(file: name, line: index + 1, message: "expected '+ <seconds>s <n> bytes'") }
            entries.append((at, size))
        }
        var offset = 0
        for entry in entries {
            let hexDigits = String(max(0, entry.size - 4), radix: 16).count
            if entry.size == 5, offset == body.count {
                transcript.steps.append(.end(at: entry.at))
                continue
            }
            let payload = payloadSize(wire: entry.size, hexDigits: hexDigits)
            guard payload > 0, offset + payload <= body.count else {
                throw TranscriptError(
                    file: name, line: 0, message: "timing does not add up to the body's \(body.count) bytes")
            }
            transcript.steps.append(.chunk(at: entry.at, bytes: Array(body[offset..<offset + payload])))
            offset += payload
        }
        guard offset == body.count else {
            throw TranscriptError(file: name, line: 0, message: "timing covers \(offset) of \(body.count) body bytes")
        }
        if case .chunk(let at, _)? = transcript.steps.last { transcript.steps.append(.end(at: at)) }
        return transcript
    }

    /// The payload of a chunk of `wire` bytes: `<hex>\r\n<payload>\r\n`.
    private static func payloadSize(wire: Int, hexDigits: Int) -> Int {
        for digits in 1...8 {
            let payload = wire - digits - 4
            if payload > 0, String(payload, radix: 16).count == digits { return payload }
        }
        return -1
    }

    private static func readHead(_ head: String, into transcript: inout Transcript) throws(TranscriptError) {
        var lines = head.split(whereSeparator: \.isNewline)
        guard let status = lines.first?.split(separator: " "), status.count >= 2, let code = Int(status[1]) else {
            throw TranscriptError(file: transcript.name, line: 1, message: "expected 'HTTP/1.1 <status> <reason>'")
        }
        transcript.status = code
        lines.removeFirst()
        let kept: Set<String> = ["content-type", "cache-control", "x-accel-buffering"]
        transcript.headers = lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].lowercased()
            guard kept.contains(name) else { return nil }
            return (name, String(line[line.index(after: colon)...].trimmingSpaces))
        }
    }
}
