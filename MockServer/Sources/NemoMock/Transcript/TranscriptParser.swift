/// Reads the transcript text format (see MockServer/README.md, "Transcript format").
public struct TranscriptParser {
    private let file: String
    private var transcript: Transcript
    private var sawHeaderLine = false
    private var currentChunk: (at: Double, every: Double?, until: Double?, bytes: [UInt8])?
    private var lastAt = 0.0

    /// Parses the text of one transcript; `file` names it in errors and is the default name.
    public static func parse(_ text: String, file: String) throws(TranscriptError) -> Transcript {
        var parser = TranscriptParser(file: file)
        var number = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            try parser.consume(line, number: number)
        }
        try parser.flushChunk(line: number)
        return try parser.finish()
    }

    private init(file: String) {
        self.file = file
        let base = file.split(separator: "/").last.map(String.init) ?? file
        self.transcript = Transcript(name: base.split(separator: ".").first.map(String.init) ?? base)
    }

    private func fail(_ line: Int, _ message: String) -> TranscriptError {
        TranscriptError(file: file, line: line, message: message)
    }

    private mutating func consume(_ line: Substring, number: Int) throws(TranscriptError) {
        if line.hasPrefix("|") {
            guard currentChunk != nil else { throw fail(number, "a '|' line must follow an '@ <seconds>' chunk line") }
            currentChunk!.bytes += try Self.bodyBytes(line, fail: { fail(number, $0) })
            return
        }
        if line.hasPrefix("@") {
            try flushChunk(line: number)
            try step(line.dropFirst(), number: number)
            return
        }
        try flushChunk(line: number)
        let trimmed = line.trimmingSpaces
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
        guard transcript.steps.isEmpty, transcript.renderStates.isEmpty else {
            throw fail(number, "header lines ('key: value') must come before the first '@' step")
        }
        try header(trimmed, number: number)
    }

    /// The bytes one `|` body line stands for.
    static func bodyBytes(_ line: Substring, fail: (String) -> TranscriptError) throws(TranscriptError) -> [UInt8] {
        let marker = line.prefix { $0 != " " }
        let text = marker.count == line.count ? "" : line.dropFirst(marker.count + 1)
        switch marker {
        case "|": return Array(text.utf8) + [0x0A]
        case "|r": return Array(text.utf8) + [0x0D]
        case "|rn": return Array(text.utf8) + [0x0D, 0x0A]
        case "|-": return Array(text.utf8)
        case "|x":
            var bytes: [UInt8] = []
            for pair in text.split(separator: " ") {
                guard pair.count == 2, let byte = UInt8(pair, radix: 16) else {
                    throw fail("'|x' takes hexadecimal byte pairs separated by spaces, got '\(pair)'")
                }
                bytes.append(byte)
            }
            return bytes
        default:
            throw fail("unknown body marker '\(marker)': use '|', '|r', '|rn', '|-' or '|x'")
        }
    }

    private mutating func header(_ line: Substring, number: Int) throws(TranscriptError) {
        guard let colon = line.firstIndex(of: ":") else { throw fail(number, "expected 'key: value'") }
        let key = line[..<colon].trimmingSpaces.lowercased()
        let value = String(line[line.index(after: colon)...].trimmingSpaces)
        switch key {
        case "name": transcript.name = value
        case "about": transcript.about = value
        case "source": transcript.source = value
        case "kind":
            guard let kind = Transcript.Kind(rawValue: value) else {
                throw fail(number, "kind is 'stream' or 'render'")
            }
            transcript.kind = kind
        case "shape":
            guard let shape = Transcript.EventShape(rawValue: value) else {
                throw fail(number, "shape is 'adk' or 'simple'")
            }
            transcript.shape = shape
        case "template":
            guard value == "on" || value == "off" else { throw fail(number, "template is 'on' or 'off'") }
            transcript.template = value == "on"
        case "cost":
            guard let cost = Int(value), cost >= 0 else { throw fail(number, "cost is a whole number of credits") }
            transcript.cost = cost
        case "status":
            guard let status = Int(value), (100...599).contains(status) else { throw fail(number, "bad status") }
            transcript.status = status
        case "header":
            guard let split = value.firstIndex(of: ":") else { throw fail(number, "expected 'header: Name: value'") }
            if !sawHeaderLine { transcript.headers = [] }
            sawHeaderLine = true
            let name = value[..<split].trimmingSpaces
            transcript.headers.append((String(name), String(value[value.index(after: split)...].trimmingSpaces)))
        case "match": try matchLine(value, number: number)
        default: throw fail(number, "unknown header '\(key)'")
        }
    }

    private mutating func matchLine(_ value: String, number: Int) throws(TranscriptError) {
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { throw fail(number, "expected 'match: text|profile|turn VALUE'") }
        let argument = String(parts[1]).trimmingSpaces
        switch parts[0] {
        case "text": transcript.match.texts.append(String(argument))
        case "profile": transcript.match.profiles.append(String(argument).lowercased())
        case "turn":
            guard let turn = Int(argument), turn > 0 else { throw fail(number, "turn is a message number from 1") }
            transcript.match.turns.append(turn)
        default: throw fail(number, "match on 'text', 'profile' or 'turn'")
        }
    }

    private mutating func step(_ rest: Substring, number: Int) throws(TranscriptError) {
        let words = rest.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first, let at = Double(first), at >= 0 else {
            throw fail(number, "expected '@ <seconds> ...'")
        }
        guard at >= lastAt else { throw fail(number, "steps must be in time order (\(at) < \(lastAt))") }
        lastAt = at
        if transcript.kind == .render { return try renderStep(at: at, words: Array(words.dropFirst()), number: number) }
        switch words.count > 1 ? String(words[1]) : "" {
        case "":
            currentChunk = (at, nil, nil, [])
        case "every":
            guard words.count == 5, words[3] == "until", let every = Double(words[2]), every > 0,
                let until = Double(words[4]), until >= at
            else { throw fail(number, "expected '@ <seconds> every <seconds> until <seconds>'") }
            currentChunk = (at, every, until, [])
            lastAt = until
        case "state":
            guard words.count >= 4 else { throw fail(number, "expected '@ <seconds> state <key> <json>'") }
            let key = String(words[2])
            let json = rest.droppingWords(3)
            if !transcript.template {
                do { _ = try JSONParser.parse(String(json)) } catch { throw fail(number, "state value: \(error)") }
            }
            transcript.steps.append(.state(at: at, key: key, json: String(json)))
        case "append":
            guard words.count >= 4 else { throw fail(number, "expected '@ <seconds> append <key.path> <json>'") }
            let json = rest.droppingWords(3)
            if !transcript.template {
                do { _ = try JSONParser.parse(String(json)) } catch { throw fail(number, "append value: \(error)") }
            }
            transcript.steps.append(.append(at: at, path: String(words[2]), json: String(json)))
        case "end":
            transcript.steps.append(.end(at: at))
        default:
            throw fail(
                number, "unknown step '\(words[1])': use '@ t', '@ t every d until u', 'state', 'append' or 'end'")
        }
    }

    private mutating func renderStep(at: Double, words: [Substring], number: Int) throws(TranscriptError) {
        let statuses = ["pending", "processing", "completed", "failed"]
        guard words.count >= 2, statuses.contains(String(words[0])), let progress = Int(words[1]),
            (0...100).contains(progress)
        else { throw fail(number, "expected '@ <seconds> pending|processing|completed|failed <progress> [message]'") }
        let message = words.count > 2 ? words[2...].joined(separator: " ") : nil
        transcript.renderStates.append(
            Transcript.RenderState(at: at, status: String(words[0]), progress: progress, message: message))
    }

    private mutating func flushChunk(line: Int) throws(TranscriptError) {
        guard let chunk = currentChunk else { return }
        currentChunk = nil
        guard !chunk.bytes.isEmpty else { throw fail(line, "chunk at \(chunk.at) s has no '|' lines") }
        guard let every = chunk.every, let until = chunk.until else {
            transcript.steps.append(.chunk(at: chunk.at, bytes: chunk.bytes))
            return
        }
        var time = chunk.at
        while time <= until + 1e-9 {
            transcript.steps.append(.chunk(at: (time * 1000).rounded() / 1000, bytes: chunk.bytes))
            time += every
        }
    }

    private func finish() throws(TranscriptError) -> Transcript {
        switch transcript.kind {
        case .stream
        where !transcript.steps.contains(where: { if case .chunk = $0 { true } else { false } })
            && transcript.status == 200:
            throw fail(0, "a stream transcript needs at least one chunk")
        case .render where transcript.renderStates.isEmpty:
            throw fail(0, "a render transcript needs at least one '@ <seconds> <status> <progress>' state")
        default:
            return transcript
        }
    }
}

extension Substring {
    /// The text after its first `count` space-separated words (and the spaces after them).
    func droppingWords(_ count: Int) -> Substring {
        var rest = self
        for _ in 0..<count {
            rest = rest.drop { $0 == " " }
            rest = rest.drop { $0 != " " }
        }
        return rest.drop { $0 == " " }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        let sub = self[...]
        let start = sub.firstIndex { $0 != " " && $0 != "\t" } ?? sub.endIndex
        let end = sub.lastIndex { $0 != " " && $0 != "\t" }.map { sub.index(after: $0) } ?? start
        return Substring(sub[start..<Swift.max(start, end)])
    }
}
