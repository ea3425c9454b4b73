/// Writes events and comments in `text/event-stream` framing (for servers and mocks).
///
/// Data is split on every line break (CRLF, LF or CR) into several `data:` lines, so that a parser
/// gets the same text back with each line break turned into LF. Events end with a blank line.
public struct SSEEncoder: Sendable, Equatable {
    /// The line ending written after each line.
    public enum LineEnding: Sendable, Hashable {
        /// LF, as most servers (and ADK) write.
        case lf
        /// CRLF.
        case crlf
        /// A lone CR, legal but rare: useful to test clients.
        case cr

        /// The bytes of the line ending.
        public var bytes: [UInt8] {
            switch self {
            case .lf: [0x0A]
            case .crlf: [0x0D, 0x0A]
            case .cr: [0x0D]
            }
        }
    }

    /// The line ending written after each line.
    public var lineEnding: LineEnding

    /// Creates an encoder that ends lines with `lineEnding`.
    public init(lineEnding: LineEnding = .lf) {
        self.lineEnding = lineEnding
    }

    /// The bytes of one event: optional `event`, `id` and `retry` fields, the data lines, a blank line.
    public func encodeEvent(
        data: String,
        event: String? = nil,
        id: String? = nil,
        retry: Int? = nil
    ) throws(SSEEncodingError) -> [UInt8] {
        var bytes: [UInt8] = []
        try appendEvent(data: data, event: event, id: id, retry: retry, to: &bytes)
        return bytes
    }

    /// Appends one event to `bytes` (see ``encodeEvent(data:event:id:retry:)``); nothing is appended on error.
    public func appendEvent(
        data: String,
        event: String? = nil,
        id: String? = nil,
        retry: Int? = nil,
        to bytes: inout [UInt8]
    ) throws(SSEEncodingError) {
        if let event, Self.containsLineBreak(event) {
            throw SSEEncodingError(
                code: .lineBreakInField,
                message: "The event name contains a line break: remove CR and LF from event names."
            )
        }
        if let id {
            if Self.containsLineBreak(id) {
                throw SSEEncodingError(
                    code: .lineBreakInField,
                    message: "The event id contains a line break: remove CR and LF from ids."
                )
            }
            if id.utf8.contains(0) {
                throw SSEEncodingError(
                    code: .nullInID,
                    message: "The event id contains U+0000, so clients would ignore it: remove the NUL character."
                )
            }
        }
        if let retry, retry < 0 {
            throw SSEEncodingError(
                code: .negativeRetry,
                message: "The retry value \(retry) is negative: use a reconnection time of 0 ms or more."
            )
        }
        if let event {
            appendLines(field: "event", text: event, to: &bytes)
        }
        if let id {
            appendLines(field: "id", text: id, to: &bytes)
        }
        if let retry {
            appendLines(field: "retry", text: String(retry), to: &bytes)
        }
        appendLines(field: "data", text: data, to: &bytes)
        appendLineEnding(to: &bytes)
    }

    /// The bytes of one comment line, `: text` (`:` alone for empty text); text is split on line breaks.
    public func encodeComment(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        appendComment(text, to: &bytes)
        return bytes
    }

    /// Appends a comment (see ``encodeComment(_:)``) to `bytes`.
    public func appendComment(_ text: String, to bytes: inout [UInt8]) {
        appendLines(field: "", text: text, to: &bytes)
    }

    /// Appends one `field: line` per line of `text` (split on CRLF, LF and CR; `field:` for an empty line).
    func appendLines(field: StaticString, text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else {
                appendLine(field: field, value: UnsafeBufferPointer(start: nil, count: 0), to: &bytes)
                return
            }
            let raw = UnsafeRawPointer(base)
            var start = 0
            while true {
                let lineEnd = LineBreakScanner.firstLineBreak(in: raw, from: start, to: utf8.count)
                appendLine(field: field, value: UnsafeBufferPointer(rebasing: utf8[start..<lineEnd]), to: &bytes)
                guard lineEnd < utf8.count else {
                    return
                }
                let isCRLF = utf8[lineEnd] == 0x0D && lineEnd + 1 < utf8.count && utf8[lineEnd + 1] == 0x0A
                start = lineEnd + (isCRLF ? 2 : 1)
            }
        }
    }

    /// Appends `field: value` (or `field:` for an empty value) and the line ending.
    func appendLine(field: StaticString, value: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: field.utf8Start, count: field.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: ":"))
        if !value.isEmpty {
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: value)
        }
        appendLineEnding(to: &bytes)
    }

    /// Appends the line ending.
    func appendLineEnding(to bytes: inout [UInt8]) {
        switch lineEnding {
        case .lf: bytes.append(0x0A)
        case .crlf: bytes.append(contentsOf: [0x0D, 0x0A])
        case .cr: bytes.append(0x0D)
        }
    }

    /// Whether `text` contains CR or LF.
    static func containsLineBreak(_ text: String) -> Bool {
        text.utf8.contains { $0 == 0x0A || $0 == 0x0D }
    }
}
