/// Renders dispatched events as one-line JSON objects, as `nemo sse decode` prints them.
///
/// The shape is `{"type":"...","data":"...","id":"...","retry":N}` with keys in that order:
/// - `id` is the last event ID in effect and is **omitted when empty** (no id was ever set, or it
///   was reset with an empty `id` field): a stream without ids, like ADK's, prints no `id` key;
/// - `retry` is omitted when no valid `retry` field has been seen.
///
/// Strings are escaped by hand per RFC 8259: `"` and `\` are backslash-escaped, U+0008, U+0009,
/// U+000A, U+000C and U+000D use their short escapes, other control characters below U+0020 use
/// `\u00XX`; everything else, non-ASCII included, is written as UTF-8.
public enum SSEEventJSON {
    /// The JSON object for `event`, without a trailing newline.
    public static func line(for event: SSEEvent) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(event.data.utf8.count + event.type.utf8.count + 32)
        append(event, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the JSON object for `event` (without a newline) as UTF-8 to `bytes`.
    public static func append(_ event: SSEEvent, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: #"{"type":"#.utf8)
        appendString(event.type, to: &bytes)
        bytes.append(contentsOf: #","data":"#.utf8)
        appendString(event.data, to: &bytes)
        if !event.lastEventID.isEmpty {
            bytes.append(contentsOf: #","id":"#.utf8)
            appendString(event.lastEventID, to: &bytes)
        }
        if let retry = event.retry {
            bytes.append(contentsOf: #","retry":"#.utf8)
            bytes.append(contentsOf: String(retry).utf8)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Appends `string` as a quoted, escaped JSON string to `bytes`.
    public static func appendString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x00..<0x20:
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(hexDigit(byte >> 4))
                bytes.append(hexDigit(byte & 0x0F))
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The lowercase hexadecimal digit for a value 0-15.
    static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
