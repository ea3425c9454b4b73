import Foundation
import NemoCore

/// Expands `{{...}}` placeholders of templated transcripts (see the README for the list).
struct TemplateContext {
    var runStart: Double
    var sessionId: String
    var baseURL: String = ""
    var text: String
    var uploads: [UploadedFile]
    var random: SeededRandom
    var invocation: String
    var callIds: [String: String] = [:]
    /// Resolved draft values of the transcript's `state draft` steps, by step index.
    var drafts: [(index: Int, json: String)] = []

    init(runStart: Double, sessionId: String, text: String, uploads: [UploadedFile], seed: UInt64) {
        self.runStart = runStart
        self.sessionId = sessionId
        self.text = text
        self.uploads = uploads
        self.random = SeededRandom(seed: seed)
        self.invocation = "e-" + random.uuid()
    }

    /// `template` with every known placeholder replaced, for a step at `at` seconds and `index`.
    mutating func expand(_ template: String, at: Double, index: Int) -> String {
        guard template.contains("{{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let token = String(rest[open.upperBound..<close.lowerBound])
            out += value(of: token, at: at, index: index) ?? "{{\(token)}}"
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// `bytes` with every known placeholder replaced; bytes outside placeholders are kept exactly
    /// (a chunk may end inside a UTF-8 character).
    mutating func expand(bytes: [UInt8], at: Double, index: Int) -> [UInt8] {
        let open: [UInt8] = [0x7B, 0x7B]
        let close: [UInt8] = [0x7D, 0x7D]
        var out: [UInt8] = []
        var cursor = 0
        while let start = MultipartParser.find(open, in: bytes, from: cursor),
            let end = MultipartParser.find(close, in: bytes, from: start + 2)
        {
            out += bytes[cursor..<start]
            let token = String(decoding: bytes[(start + 2)..<end], as: UTF8.self)
            if let value = value(of: token, at: at, index: index) {
                out += Array(value.utf8)
            } else {
                out += bytes[start..<(end + 2)]
            }
            cursor = end + 2
        }
        return out + bytes[cursor...]
    }

    private mutating func value(of token: String, at: Double, index: Int) -> String? {
        let parts = token.split(separator: ":", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1] : nil
        switch parts.first ?? "" {
        case "ts": return Timestamp.seconds(runStart + at)
        case "iso": return Timestamp.iso8601(runStart + at)
        case "id": return random.uuid()
        case "invocation": return invocation
        case "call":
            let key = argument ?? ""
            if let id = callIds[key] { return id }
            let id = "adk-" + random.uuid()
            callIds[key] = id
            return id
        case "session": return sessionId
        case "base": return baseURL
        case "text": return escaped(text)
        case "upload_names": return escaped(uploads.map(\.filename).joined(separator: ", "))
        case "upload_count": return String(uploads.count)
        case "uploads": return segments(duration: Int(argument ?? "") ?? 5000).jsonText
        case "uploads_total":
            return String(max(1, visualUploads.count) * (Int(argument ?? "") ?? 5000))
        case "draft":
            let next = drafts.first { $0.index >= index } ?? drafts.last
            return next?.json ?? "null"
        default: return nil
        }
    }

    private var visualUploads: [UploadedFile] { uploads.filter { $0.fileType != "audio" } }

    /// One video segment per uploaded image or video (a generated clip when there is none).
    private func segments(duration: Int) -> JSONValue {
        guard !visualUploads.isEmpty else {
            return .array([.object([("d", .int(duration)), ("m", .object([("name", .string("generated clip"))]))])])
        }
        return .array(
            visualUploads.map { file in
                var meta: [(String, JSONValue)] = [
                    ("name", .string(file.filename)), ("filename", .string(file.filename)),
                    ("cdn_url", .string(file.cdnURL)), ("file_type", .string(file.fileType)),
                ]
                if let width = file.width, let height = file.height {
                    meta += [("width", .int(width)), ("height", .int(height))]
                }
                return .object([("d", .int(duration)), ("m", .object(meta))])
            })
    }

    private func escaped(_ value: String) -> String {
        var out = ""
        JSONValue.writeString(value, into: &out)
        return String(out.dropFirst().dropLast())
    }
}
