import NemoAPI
import NemoSSE
import Testing

@Suite("AgentEventDecoder")
struct AgentEventDecoderTests {
    private let decoder = AgentEventDecoder()

    @Test(
        "the service's own shape",
        arguments: [
            (#"{"type":"text","content":"Hello"}"#, AgentEvent.text("Hello", isPartial: true)),
            (#"{"type":"text","content":"Done.","partial":false}"#, .text("Done.", isPartial: false)),
            (#"{"type":"text","content":"你好 \ud83c\udfac"}"#, .text("你好 🎬", isPartial: true)),
            (#"{"type":"text","content":"你好 🎬"}"#, .text("你好 🎬", isPartial: true)),
            (
                #"{"type":"tool_call","name":"add_bgm","args":{"style":"lo-fi","volume":0.35}}"#,
                .toolCall(AgentToolCall(name: "add_bgm", arguments: ["style": "lo-fi", "volume": 0.35]))
            ),
            (#"{"type":"tool_call","name":"noop"}"#, .toolCall(AgentToolCall(name: "noop"))),
            (
                #"{"type":"tool_result","name":"add_bgm","result":{"ok":true,"tracks":[1,2]}}"#,
                .toolResult(AgentToolResult(name: "add_bgm", result: ["ok": true, "tracks": [1, 2]]))
            ),
            (
                #"{"type":"tool_result","name":"x","result":"done"}"#,
                .toolResult(AgentToolResult(name: "x", result: "done"))
            ),
            (#"{"type":"heartbeat"}"#, .heartbeat),
        ]
    )
    func serviceShape(_ data: String, _ expected: AgentEvent) {
        let batch = decoder.decode(data: data)
        #expect(batch.shape == .service)
        #expect(batch.events == [expected])
        #expect(batch.metadata == nil)
    }

    @Test("empty data is a heartbeat", arguments: ["", " ", "\n", "\t \n"])
    func emptyData(_ data: String) {
        #expect(decoder.decode(SSEEvent(data: data)) == AgentEventBatch(shape: .empty, events: [.heartbeat]))
    }

    @Test(
        "odd payloads become unknown with the raw payload, never an error",
        arguments: [
            "not json", "{", "[1,2]", "42", "null", "\"text\"", "{}", #"{"foo":1}"#,
            #"{"type":"text"}"#, #"{"type":"text","content":5}"#, #"{"type":"tool_call","args":{}}"#,
            #"{"type":"tool_result"}"#, #"{"type":"video","url":"x"}"#, #"{"type":7}"#,
            #"{"type":"text","content":"a"} trailing"#, "data: {\"type\":\"heartbeat\"}",
        ]
    )
    func oddPayloads(_ data: String) {
        let batch = decoder.decode(data: data)
        #expect(batch.shape == .unrecognized)
        #expect(batch.events == [.unknown(data)])
    }

    @Test("an ADK event with several parts of every kind, an unknown part and a thought")
    func adkParts() {
        let data = """
            {"content":{"parts":[{"text":"thinking...","thought":true},{"text":"Adding music."},\
            {"functionCall":{"id":"c1","name":"add_bgm","args":{"style":"lo-fi"}}},\
            {"inlineData":{"mimeType":"image/png","data":"AAAA"}},\
            {"functionResponse":{"id":"c1","name":"add_bgm","response":{"status":"ok"}}},\
            {"functionCall":{"args":{}}}],"role":"model"},\
            "partial":false,"author":"nemo_agent","invocationId":"e-1","id":"ev-1","timestamp":12.5,\
            "actions":{"stateDelta":{"draft":{"t":[]}},"artifactDelta":{}},"someFutureKey":{"x":1}}
            """
        let batch = decoder.decode(data: data)
        #expect(batch.shape == .adk)
        #expect(batch.metadata == AgentEventMetadata(
            author: "nemo_agent", invocationID: "e-1", eventID: "ev-1", timestamp: 12.5, role: "model", partial: false))
        #expect(batch.events == [
            .text("Adding music.", isPartial: false),
            .toolCall(AgentToolCall(id: "c1", name: "add_bgm", arguments: ["style": "lo-fi"])),
            .unknown(#"{"inlineData":{"data":"AAAA","mimeType":"image/png"}}"#),
            .toolResult(AgentToolResult(id: "c1", name: "add_bgm", result: ["status": "ok"])),
            .unknown(#"{"functionCall":{"args":{}}}"#),
            .stateDelta(["draft": ["t": []]]),
        ])
    }

    @Test("an ADK event with nothing for the client yields no events")
    func adkNothing() {
        let batch = decoder.decode(data: #"{"author":"nemo_agent","actions":{"stateDelta":{},"artifactDelta":{}}}"#)
        #expect(batch.shape == .adk && batch.events.isEmpty)
        #expect(batch.metadata?.author == "nemo_agent")
    }

    @Test("an ADK event carrying errorCode and errorMessage")
    func adkErrorFields() {
        let batch = decoder.decode(data: #"{"author":"nemo_agent","errorCode":"MAX_TOKENS","errorMessage":"too long"}"#)
        let failure = AgentFailure(message: "too long", kind: "MAX_TOKENS", detail: "MAX_TOKENS: too long")
        #expect(batch.events == [.error(failure)])
    }

    @Test("error lines of other forms still give a message")
    func errorLineForms() {
        let plain = decoder.decode(data: #"{"error": "Session expired"}"#)
        #expect(plain.events == [.error(AgentFailure(message: "Session expired"))])
        let nested = decoder.decode(data: #"{"error": {"message": "quota", "code": 429}}"#)
        #expect(nested.events == [.error(AgentFailure(message: "quota"))])
        let empty = decoder.decode(data: #"{"error": ""}"#)
        guard case .error(let failure) = empty.events.first else {
            Issue.record("no error event: \(empty.events)")
            return
        }
        #expect(failure.message == "The agent failed without a message.")
    }
}
