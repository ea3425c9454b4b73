/// Writes a transcript in the text format: the inverse of ``TranscriptParser``, used to import
/// recordings (and by a future `record` mode) so that parsing the output gives back the same bytes.
public enum TranscriptWriter {
    /// The text of a stream transcript.
    public static func text(of transcript: Transcript) -> String {
        var out = "# nemo-mock transcript v1\n"
        out += "name: \(transcript.name)\n"
        if !transcript.about.isEmpty { out += "about: \(transcript.about)\n" }
        if !transcript.source.isEmpty { out += "source: \(transcript.source)\n" }
        if transcript.kind != .stream { out += "kind: \(transcript.kind.rawValue)\n" }
        for text in transcript.match.texts { out += "match: text \(text)\n" }
        for profile in transcript.match.profiles { out += "match: profile \(profile)\n" }
        for turn in transcript.match.turns { out += "match: turn \(turn)\n" }
        out += "cost: \(transcript.cost)\n"
        out += "shape: \(transcript.shape.rawValue)\n"
        out += "template: \(transcript.template ? "on" : "off")\n"
        if transcript.status != 200 { out += "status: \(transcript.status)\n" }
        for (name, value) in transcript.headers { out += "header: \(name): \(value)\n" }
        for state in transcript.renderStates {
            out += "\n@ \(seconds(state.at)) \(state.status) \(state.progress)"
            out += state.message.map { " \($0)" } ?? ""
        }
        if !transcript.renderStates.isEmpty { out += "\n" }
        for step in transcript.steps {
            switch step {
            case .chunk(let at, let bytes):
                out += "\n@ \(seconds(at))\n"
                out += bodyLines(bytes).joined(separator: "\n") + "\n"
            case .state(let at, let key, let json):
                out += "\n@ \(seconds(at)) state \(key) \(json)\n"
            case .append(let at, let path, let json):
                out += "\n@ \(seconds(at)) append \(path) \(json)\n"
            case .end(let at):
                out += "\n@ \(seconds(at)) end\n"
            }
        }
        return out
    }

    /// Seconds with millisecond precision, as the format writes them.
    static func seconds(_ value: Double) -> String {
        let millis = Int((value * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    /// The `|` lines that stand for `bytes`.
    public static func bodyLines(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                let crlf = byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A
                let marker = byte == 0x0A ? "|" : (crlf ? "|rn" : "|r")
                lines += segment(Array(bytes[start..<index]), terminator: marker)
                index += crlf ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        if start < bytes.count { lines += segment(Array(bytes[start...]), terminator: nil) }
        return lines
    }

    /// Lines for one line's content followed by `terminator` (nil: no line end).
    private static func segment(_ content: [UInt8], terminator: String?) -> [String] {
        var lead = 0
        while lead < content.count, lead < 3, content[lead] & 0xC0 == 0x80 { lead += 1 }
        var tail = content.count
        for cut in 0...min(3, content.count - lead) where isReadable(content[lead..<(content.count - cut)]) {
            tail = content.count - cut
            break
        }
        guard isReadable(content[lead..<tail]) else {
            return [hexLine(content[...])] + (terminator.map { [$0] } ?? [])
        }
        var lines: [String] = []
        if lead > 0 { lines.append(hexLine(content[0..<lead])) }
        let text = String(decoding: content[lead..<tail], as: UTF8.self)
        let trailing = content[tail...]
        if trailing.isEmpty, let terminator {
            lines.append(text.isEmpty ? terminator : "\(terminator) \(text)")
        } else {
            if !text.isEmpty { lines.append("|- \(text)") }
            if !trailing.isEmpty { lines.append(hexLine(trailing)) }
            if let terminator { lines.append(terminator) }
        }
        return lines
    }

    private static func isReadable(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let text = String(validating: bytes, as: UTF8.self) else { return false }
        return !text.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F || scalar.value == 0xFEFF
                || scalar.value == 0x2028 || scalar.value == 0x2029
        }
    }

    private static func hexLine(_ bytes: ArraySlice<UInt8>) -> String {
        "|x "
            + bytes.map { byte in
                let hex = String(byte, radix: 16)
                return hex.count == 1 ? "0" + hex : hex
            }.joined(separator: " ")
    }
}
