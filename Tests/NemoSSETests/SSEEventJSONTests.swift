import NemoSSE
import Testing

@Suite("SSEEventJSON")
struct SSEEventJSONTests {
    @Test("a plain event omits an empty id and a nil retry")
    func plain() {
        #expect(SSEEventJSON.line(for: SSEEvent(data: "hi")) == #"{"type":"message","data":"hi"}"#)
    }

    @Test("id and retry are written when in effect")
    func idAndRetry() {
        let event = SSEEvent(type: "update", data: "x", lastEventID: "42", retry: 3000)
        #expect(SSEEventJSON.line(for: event) == #"{"type":"update","data":"x","id":"42","retry":3000}"#)
    }

    @Test(
        "strings are escaped per RFC 8259",
        arguments: [
            ("quote \" and backslash \\", #""quote \" and backslash \\""#),
            ("\n\r\t\u{8}\u{C}", #""\n\r\t\b\f""#),
            ("\u{0}\u{1}\u{1F}\u{7F}", #""\u0000\u0001\u001f"# + "\u{7F}\""),
            ("/ slash stays", #""/ slash stays""#),
            ("中文 🎬 \u{2028}", "\"中文 🎬 \u{2028}\""),
            ("", #""""#),
        ]
    )
    func escaping(_ input: String, _ expected: String) {
        var bytes: [UInt8] = []
        SSEEventJSON.appendString(input, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test("a recorded ADK event renders its JSON data as an escaped string")
    func recordedEvent() throws {
        var parser = SSEParser()
        let events = parser.parse(try ADKRecordings.bytes("scenario-draft.sse"))
        let line = SSEEventJSON.line(for: try #require(events.first))
        #expect(line.hasPrefix(#"{"type":"message","data":"{\"modelVersion\":\"scripted-nemo-1\","#))
        #expect(line.hasSuffix(#"\"timestamp\":1795249385.2540555}"}"#))
        #expect(!line.contains("\n"))
    }
}
