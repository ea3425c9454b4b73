public import NemoSSE

/// A slow, obviously correct event-stream parser written straight from the WHATWG HTML text
/// ("9.2.5 Parsing an event stream" and "9.2.6 Interpreting an event stream"), one character at a time.
///
/// It reads a whole stream at once (no chunks): decode it with ``ReferenceUTF8Decoder``, cut it
/// into lines, process each line as the spec says, and drop whatever follows the last line end.
/// It is the oracle the fast ``SSEParser`` is compared with, by the tests and by the differential
/// fuzzer (Fuzz/fuzz-sse).
///
/// Two choices the spec leaves to the implementation, made the same way as ``SSEParser``:
/// a `retry` value too large for `Int` is ignored, and comments are reported with the text after
/// the colon with one leading space removed.
public struct ReferenceSSEParser: Sendable {
    /// Everything the stream produced, in order: events and comments.
    public private(set) var items: [SSEItem] = []
    /// The event source's last event ID string (set at each blank line).
    public private(set) var lastEventID = ""
    /// The event stream's reconnection time, if a valid `retry` field set it.
    public private(set) var reconnectionTime: Int?

    private var dataBuffer: [Unicode.Scalar] = []
    private var eventTypeBuffer: [Unicode.Scalar] = []
    private var lastEventIDBuffer: [Unicode.Scalar] = []

    /// Parses a complete stream.
    public init(stream: [UInt8]) {
        let characters = ReferenceUTF8Decoder.decode(stream)
        // stream = [ bom ] *event; event = *( comment / field ) end-of-line;
        // end-of-line = ( cr lf / cr / lf ). Collect lines; an unterminated last line is discarded.
        var line: [Unicode.Scalar] = []
        var position = 0
        while position < characters.count {
            let character = characters[position]
            position += 1
            if character == "\r" {
                if position < characters.count, characters[position] == "\n" {
                    position += 1
                }
                processLine(line)
                line = []
            } else if character == "\n" {
                processLine(line)
                line = []
            } else {
                line.append(character)
            }
        }
        // End of file: any pending data is discarded (the last line and any undispatched event).
    }

    private mutating func processLine(_ line: [Unicode.Scalar]) {
        // If the line is empty (a blank line): dispatch the event.
        if line.isEmpty {
            dispatchEvent()
            return
        }
        // If the line starts with a U+003A COLON character (:): ignore the line (reported here).
        if line[0] == ":" {
            items.append(.comment(Self.string(Self.removingOneLeadingSpace(Array(line.dropFirst())))))
            return
        }
        // If the line contains a U+003A COLON character: collect the characters before the first
        // colon as the field, the characters after it as the value, and if the value starts with a
        // U+0020 SPACE character, remove it from the value.
        if let colon = line.firstIndex(of: ":") {
            let field = Array(line[..<colon])
            let value = Self.removingOneLeadingSpace(Array(line[(colon + 1)...]))
            processField(field, value)
            return
        }
        // Otherwise, the string is not empty but does not contain a colon: the whole line is the
        // field name, and the empty string is the field value.
        processField(line, [])
    }

    private mutating func processField(_ field: [Unicode.Scalar], _ value: [Unicode.Scalar]) {
        switch Self.string(field) {
        case "event":
            // Set the event type buffer to the field value.
            eventTypeBuffer = value
        case "data":
            // Append the field value to the data buffer, then append a single U+000A LINE FEED.
            dataBuffer += value
            dataBuffer.append("\n")
        case "id":
            // If the field value does not contain U+0000 NULL, set the last event ID buffer to the
            // field value. Otherwise, ignore the field.
            if !value.contains("\u{0}") {
                lastEventIDBuffer = value
            }
        case "retry":
            // If the field value consists of only ASCII digits, interpret it as an integer in base
            // ten and set the reconnection time to it. Otherwise, ignore the field.
            if !value.isEmpty, value.allSatisfy({ ("0"..."9").contains($0) }) {
                if let number = Int(Self.string(value)) {
                    reconnectionTime = number
                }
            }
        default:
            // Otherwise: the field is ignored.
            break
        }
    }

    private mutating func dispatchEvent() {
        // 1. Set the last event ID string of the event source to the last event ID buffer.
        lastEventID = Self.string(lastEventIDBuffer)
        // 2. If the data buffer is an empty string, set the data buffer and the event type buffer
        //    to the empty string and return.
        if dataBuffer.isEmpty {
            dataBuffer = []
            eventTypeBuffer = []
            return
        }
        // 3. If the data buffer's last character is a U+000A LINE FEED (LF) character, remove it.
        if dataBuffer.last == "\n" {
            dataBuffer.removeLast()
        }
        // 4-5. The event's type is "message" unless the event type buffer is not empty; its data is
        //    the data buffer; its last event ID is the last event ID string.
        var type = "message"
        if !eventTypeBuffer.isEmpty {
            type = Self.string(eventTypeBuffer)
        }
        let event = SSEEvent(
            type: type, data: Self.string(dataBuffer), lastEventID: lastEventID, retry: reconnectionTime)
        // 6. Set the data buffer and the event type buffer to the empty string.
        dataBuffer = []
        eventTypeBuffer = []
        // 7. Dispatch the event.
        items.append(.event(event))
    }

    private static func removingOneLeadingSpace(_ value: [Unicode.Scalar]) -> [Unicode.Scalar] {
        value.first == " " ? Array(value.dropFirst()) : value
    }

    private static func string(_ scalars: [Unicode.Scalar]) -> String {
        var string = ""
        string.unicodeScalars.append(contentsOf: scalars)
        return string
    }
}
