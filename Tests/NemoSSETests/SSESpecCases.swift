import NemoSSE

/// The event-stream spec as a table of cases, grouped by clause.
enum SSESpecCases {
    /// Byte order mark and line endings.
    static let framing: [SSESpecCase] = [
        SSESpecCase("LF line ends", "data: hello\n\n", [event("hello")]),
        SSESpecCase("CRLF line ends", "data: hello\r\n\r\n", [event("hello")]),
        SSESpecCase("CR line ends", "data: a\r\rdata: b\r\r", [event("a"), event("b")]),
        SSESpecCase("mixed line ends in one event", "data: a\r\ndata: b\rdata: c\n\r\n", [event("a\nb\nc")]),
        SSESpecCase("CRLF then LF is a blank line", "data: a\r\n\n", [event("a")]),
        SSESpecCase("LF CR is two line ends", "data: a\n\rdata: b\n\n", [event("a"), event("b")]),
        SSESpecCase("CR CR LF is two line ends", "data: a\r\r\ndata: b\r\n\r\n", [event("a"), event("b")]),
        SSESpecCase("blank lines alone dispatch nothing", "\n\r\n\r\n\n", []),
        SSESpecCase("BOM at the start is skipped", "\u{FEFF}data: a\n\n", [event("a")]),
        SSESpecCase("BOM then a blank line", "\u{FEFF}\ndata: a\n\n", [event("a")]),
        SSESpecCase("only one BOM is skipped", "\u{FEFF}\u{FEFF}data: a\n\ndata: b\n\n", [event("b")]),
        SSESpecCase(
            "BOM mid-stream is not skipped", "data: a\n\n\u{FEFF}data: b\n\ndata: c\n\n", [event("a"), event("c")]),
        SSESpecCase("BOM inside a value is kept", "data: \u{FEFF}x\n\n", [event("\u{FEFF}x")]),
        SSESpecCase("several events", "data: 1\n\ndata: 2\n\ndata: 3\n\n", [event("1"), event("2"), event("3")]),
    ]

    /// Comments, field parsing and data.
    static let fields: [SSESpecCase] = [
        SSESpecCase(
            "comments are reported, one leading space removed",
            ": ping\n:\n:  two spaces\n::colon\ndata: x\n\n",
            [.comment("ping"), .comment(""), .comment(" two spaces"), .comment(":colon"), event("x")]
        ),
        SSESpecCase(
            "comment inside an event", "data: a\n: keep-alive\ndata: b\n\n", [.comment("keep-alive"), event("a\nb")]),
        SSESpecCase("multi-line data", "data: a\ndata: b\ndata: c\n\n", [event("a\nb\nc")]),
        SSESpecCase("one empty data line dispatches empty data", "data:\n\n", [event("")]),
        SSESpecCase("two empty data lines give one LF", "data:\ndata:\n\n", [event("\n")]),
        SSESpecCase("empty data line between values", "data: a\ndata:\ndata: b\n\n", [event("a\n\nb")]),
        SSESpecCase("data with no colon", "data\n\n", [event("")]),
        SSESpecCase("data with no colon twice", "data\ndata\n\n", [event("\n")]),
        SSESpecCase("leading space removed only once", "data:  two\n\n", [event(" two")]),
        SSESpecCase("no space after the colon", "data:x\n\n", [event("x")]),
        SSESpecCase("a lone space is an empty value", "data: \n\n", [event("")]),
        SSESpecCase("tab is not removed", "data:\tx\n\n", [event("\tx")]),
        SSESpecCase("trailing spaces are kept", "data: x  \n\n", [event("x  ")]),
        SSESpecCase("split at the first colon only", "data: a:b: c\n\n", [event("a:b: c")]),
        SSESpecCase("space before the colon makes another field", "data : x\n\n", []),
        SSESpecCase("field names are case-sensitive", "DATA: a\nData: b\ndata: c\n\n", [event("c")]),
        SSESpecCase(
            "unknown fields are ignored", "foo: bar\ndata: a\nx\nlongfieldname: v\ndatadata: y\n\n", [event("a")]),
        SSESpecCase("NUL in data is kept", "data: a\u{0}b\n\n", [event("a\u{0}b")]),
        SSESpecCase("event name", "event: add\ndata: 1\n\n", [event("1", type: "add")]),
        SSESpecCase(
            "event name resets after dispatch",
            "event: add\ndata: 1\n\nevent: remove\ndata: 2\n\ndata: 3\n\n",
            [event("1", type: "add"), event("2", type: "remove"), event("3")]
        ),
        SSESpecCase("last event name wins", "event: a\nevent: b\ndata: x\n\n", [event("x", type: "b")]),
        SSESpecCase("event with no value means message", "event: a\nevent\ndata: x\n\n", [event("x")]),
        SSESpecCase("event with empty value means message", "event:\ndata: x\n\n", [event("x")]),
        SSESpecCase("event name resets when nothing is dispatched", "event: x\n\ndata: y\n\n", [event("y")]),
        SSESpecCase("only event: not dispatched", "event: x\n\n", []),
        SSESpecCase("only id and event: not dispatched", "event: x\nid: 1\n\n", [], lastEventID: "1"),
    ]

    /// `id` and `retry`.
    static let idAndRetry: [SSESpecCase] = [
        SSESpecCase(
            "id carries over to later events",
            "id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\n",
            [event("a", id: "1"), event("b", id: "1"), event("c", id: "2")],
            lastEventID: "2"
        ),
        SSESpecCase(
            "empty id resets the last event id",
            "id: 1\ndata: a\n\nid\ndata: b\n\nid: 3\ndata: c\n\nid:\ndata: d\n\n",
            [event("a", id: "1"), event("b"), event("c", id: "3"), event("d")]
        ),
        SSESpecCase(
            "id with NUL is ignored",
            "id: 1\ndata: a\n\nid: 2\u{0}x\ndata: b\n\n",
            [event("a", id: "1"), event("b", id: "1")],
            lastEventID: "1"
        ),
        SSESpecCase(
            "id alone updates the last event id without dispatching",
            "id: 7\n\ndata: a\n\n",
            [event("a", id: "7")],
            lastEventID: "7"
        ),
        SSESpecCase(
            "id after data in the same event applies to it",
            "data: a\nid: 9\n\n",
            [event("a", id: "9")],
            lastEventID: "9"
        ),
        SSESpecCase(
            "id of an undispatched final event is not the event source's",
            "id: 1\ndata: a\n\nid: 2\ndata: b\n",
            [event("a", id: "1")],
            lastEventID: "1"
        ),
        SSESpecCase("unicode id", "id: 事件-🎬\ndata: a\n\n", [event("a", id: "事件-🎬")], lastEventID: "事件-🎬"),
        SSESpecCase(
            "retry sets the reconnection time", "retry: 1000\ndata: a\n\n", [event("a", retry: 1000)],
            reconnectionTime: 1000),
        SSESpecCase("retry with leading zeros", "retry: 007\ndata: a\n\n", [event("a", retry: 7)], reconnectionTime: 7),
        SSESpecCase("retry zero", "retry:0\ndata: a\n\n", [event("a", retry: 0)], reconnectionTime: 0),
        SSESpecCase("retry +50 is ignored", "retry: +50\ndata: a\n\n", [event("a")]),
        SSESpecCase("retry 5a is ignored", "retry: 5a\ndata: a\n\n", [event("a")]),
        SSESpecCase("retry -1 is ignored", "retry: -1\ndata: a\n\n", [event("a")]),
        SSESpecCase("empty retry is ignored", "retry:\ndata: a\n\nretry\ndata: b\n\n", [event("a"), event("b")]),
        SSESpecCase("retry with a second space is ignored", "retry:  5\ndata: a\n\n", [event("a")]),
        SSESpecCase("retry 1.5 is ignored", "retry: 1.5\ndata: a\n\n", [event("a")]),
        SSESpecCase("retry too large for Int is ignored", "retry: 99999999999999999999999\ndata: a\n\n", [event("a")]),
        SSESpecCase(
            "retry carries over and an invalid one keeps it",
            "retry: 10\ndata: a\n\nretry: x\ndata: b\n\nretry: 20\n\ndata: c\n\n",
            [event("a", retry: 10), event("b", retry: 10), event("c", retry: 20)],
            reconnectionTime: 20
        ),
        SSESpecCase("retry applies even without dispatch", "retry: 42\n", [], reconnectionTime: 42),
    ]

    /// End of stream, Unicode and invalid bytes.
    static let endAndText: [SSESpecCase] = [
        SSESpecCase("unfinished event at EOF is not dispatched", "data: a\n", []),
        SSESpecCase("unterminated line at EOF is not dispatched", "data: a", []),
        SSESpecCase("event before an unfinished one is dispatched", "data: a\n\ndata: b\n", [event("a")]),
        SSESpecCase("CR at EOF without a blank line", "data: a\r", []),
        SSESpecCase("CRLF at EOF without a blank line", "data: a\r\n", []),
        SSESpecCase("Chinese text", "data: 你好，世界\n\n", [event("你好，世界")]),
        SSESpecCase("emoji with ZWJ and variation selector", "data: 🎬🎞️👩‍👩‍👧\n\n", [event("🎬🎞️👩‍👩‍👧")]),
        SSESpecCase("Chinese event name", "event: 进度\ndata: 50%\n\n", [event("50%", type: "进度")]),
        SSESpecCase(
            "invalid bytes are replaced",
            bytes: Array("data: ".utf8) + [0xFF, 0xFE] + Array("ok".utf8) + [0xC3, 0x0A, 0x0A],
            [event("\u{FFFD}\u{FFFD}ok\u{FFFD}")]
        ),
        SSESpecCase(
            "a truncated character is one replacement",
            bytes: Array("data: ".utf8) + [0xE4, 0xBD, 0x0A, 0x0A],
            [event("\u{FFFD}")]
        ),
        SSESpecCase(
            "surrogates and overlong forms are replaced per byte",
            bytes: Array("data: ".utf8) + [0xED, 0xA0, 0x80, 0xC0, 0xAF, 0x0A, 0x0A],
            [event(String(repeating: "\u{FFFD}", count: 5))]
        ),
        SSESpecCase(
            "a truncated character before a CR",
            bytes: Array("data: ".utf8) + [0xF0, 0x9F, 0x8E, 0x0D, 0x0D],
            [event("\u{FFFD}")]
        ),
        SSESpecCase(
            "an invalid byte in a field name makes it unknown",
            bytes: Array("data".utf8) + [0xFF] + Array(": x\ndata: y\n\n".utf8),
            [event("y")]
        ),
        SSESpecCase(
            "a truncated BOM is not a BOM",
            bytes: [0xEF, 0xBB] + Array("data: a\n\ndata: b\n\n".utf8),
            [event("b")]
        ),
    ]

    /// Every case.
    static let all = framing + fields + idAndRetry + endAndText
}
