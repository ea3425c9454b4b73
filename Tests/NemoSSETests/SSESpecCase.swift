import NemoSSE
import Testing

/// One clause of the event-stream spec as an input and the items it must produce.
struct SSESpecCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: [UInt8]
    let expected: [SSEItem]
    /// The parser's `lastEventID` after the stream (the event source's last event ID string).
    let lastEventID: String
    /// The parser's `reconnectionTime` after the stream.
    let reconnectionTime: Int?

    init(
        _ name: String,
        _ input: String,
        _ expected: [SSEItem],
        lastEventID: String = "",
        reconnectionTime: Int? = nil
    ) {
        self.init(
            name, bytes: Array(input.utf8), expected, lastEventID: lastEventID, reconnectionTime: reconnectionTime)
    }

    init(
        _ name: String,
        bytes: [UInt8],
        _ expected: [SSEItem],
        lastEventID: String = "",
        reconnectionTime: Int? = nil
    ) {
        self.name = name
        self.input = bytes
        self.expected = expected
        self.lastEventID = lastEventID
        self.reconnectionTime = reconnectionTime
    }

    var testDescription: String { name }

    var outcome: ParseOutcome {
        ParseOutcome(items: expected, lastEventID: lastEventID, reconnectionTime: reconnectionTime)
    }
}

/// Shorthand for an expected event.
func event(_ data: String, type: String = "message", id: String = "", retry: Int? = nil) -> SSEItem {
    .event(SSEEvent(type: type, data: data, lastEventID: id, retry: retry))
}
