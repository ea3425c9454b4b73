import Testing

@testable import NemoMock

/// Plans: templates, ADK → simple conversion, faults placed at event boundaries.
@Suite struct StreamPlanTests {
    static func transcript(_ chunks: [String], template: Bool = false) -> Transcript {
        var transcript = Transcript(name: "t")
        transcript.template = template
        transcript.steps = chunks.enumerated().map { .chunk(at: Double($0.offset), bytes: Array($0.element.utf8)) }
        transcript.steps.append(.end(at: Double(chunks.count)))
        return transcript
    }

    static func plan(
        _ transcript: Transcript, events: Transcript.EventShape = .adk, faults: [Fault] = []
    ) throws
        -> StreamPlan
    {
        var context = TemplateContext(runStart: 100, sessionId: "s1", text: "hi \"you\"", uploads: [], seed: 1)
        return try StreamPlan.build(transcript: transcript, context: &context, events: events, faults: faults)
    }

    @Test func eventBlocksAcrossLineEnds() {
        #expect(EventBlocks.ends(Array("a\n\nb\r\n\r\n: c\r\r\n\n".utf8)) == [3, 8, 14])
    }

    @Test(arguments: [1, 3, 7])
    func dropAfterSplitsInsideAChunk(k: Int) throws {
        let stream = (1...8).map { "data: \($0)\n\n" }.joined()
        let plan = try Self.plan(Self.transcript([stream]), faults: [.dropAfter(events: k)])
        #expect(plan.clientBytes == Array((1...k).map { "data: \($0)\n\n" }.joined().utf8))
        #expect(plan.items.contains(.drop))
    }

    @Test func stallDelaysLaterItems() throws {
        let plan = try Self.plan(
            Self.transcript(["data: 1\n\n", "data: 2\n\n"]), faults: [.stall(seconds: 30, afterEvents: 1, real: false)])
        #expect(plan.items.compactMap(\.time) == [0, 31, 32])
    }

    @Test func malformedInsertedAfterEvent() throws {
        let plan = try Self.plan(Self.transcript(["data: 1\n\ndata: 2\n\n"]), faults: [.malformed(afterEvents: 1)])
        let text = String(decoding: plan.clientBytes, as: UTF8.self)
        #expect(text.hasPrefix("data: 1\n\ndata: {\"content\""))
        #expect(text.hasSuffix("data: 2\n\n"))
    }

    @Test func templatesExpandKeepingSplitBytes() throws {
        var transcript = Self.transcript(
            ["data: {{ts}} {{text}} {{session}} {{invocation}} {{call:a}} {{call:a}} {{nope}}\n\n"], template: true)
        transcript.steps.insert(.chunk(at: 0, bytes: [0xE4, 0xBD]), at: 0)
        let plan = try Self.plan(transcript)
        let bytes = plan.clientBytes
        #expect(Array(bytes.prefix(2)) == [0xE4, 0xBD])
        let text = String(decoding: bytes.dropFirst(2), as: UTF8.self)
        let words = text.split(separator: " ")
        #expect(words[1] == "100.000000")
        #expect(words[2] == #"hi"#)
        #expect(text.contains(#"hi \"you\" s1 e-"#))
        #expect(words[6] == words[7] && words[6].hasPrefix("adk-"))
        #expect(text.contains("{{nope}}"))
    }

    @Test func adkToSimpleConversion() throws {
        let partial = #"data: {"content":{"parts":[{"text":"He"}]},"partial":true}"#
        let partial2 = #"data: {"content":{"parts":[{"text":"llo"}]},"partial":true}"#
        let final = #"data: {"content":{"parts":[{"text":"Hello"}]},"partial":false}"#
        let call = #"data: {"content":{"parts":[{"functionCall":{"id":"1","args":{"a":1},"name":"f"}}]}}"#
        let response =
            #"data: {"content":{"parts":[{"functionResponse":{"id":"1","name":"f","response":{"ok":true}}}]}}"#
        let lone = #"data: {"content":{"parts":[{"text":"Bye"}]},"partial":false}"#
        let chunks = [
            call + "\n\n" + response + "\n", "\n: hb\n\n" + partial + "\n\n", partial2 + "\n\n" + final + "\n\n",
            "data:\n\n" + lone + "\n\n" + #"data: {"actions":{}}"# + "\n\n",
        ]
        let plan = try Self.plan(Self.transcript(chunks), events: .simple)
        #expect(
            SSE.events(plan.clientBytes) == [
                #"{"type":"tool_call","name":"f","args":{"a":1}}"#,
                #"{"type":"tool_result","name":"f","result":{"ok":true}}"#,
                #"{"type":"heartbeat"}"#, #"{"type":"text","content":"He"}"#, #"{"type":"text","content":"llo"}"#,
                "", #"{"type":"text","content":"Bye"}"#,
            ])
    }
}
