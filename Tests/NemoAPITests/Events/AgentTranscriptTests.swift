import NemoAPI
import Testing

@Suite("AgentTranscript folding")
struct AgentTranscriptTests {
    private func fold(_ events: [AgentEvent]) -> AgentTranscript {
        var transcript = AgentTranscript()
        transcript.apply(events)
        return transcript
    }

    @Test("partials add up and a final text replaces them")
    func partialsThenFinal() {
        var transcript = AgentTranscript()
        transcript.apply(.text("Your video ", isPartial: true))
        transcript.apply(.text("is ready.", isPartial: true))
        #expect(transcript.text == "Your video is ready.")
        #expect(transcript.pendingText == "Your video is ready.")
        transcript.apply(.text("Your video is ready!", isPartial: false))
        #expect(transcript.text == "Your video is ready!")
        #expect(transcript.messages == ["Your video is ready!"] && transcript.pendingText.isEmpty)
    }

    @Test("several final messages are kept, joined by a blank line")
    func severalMessages() {
        let transcript = fold([
            .text("I'll generate ", isPartial: true), .text("I'll generate it now.", isPartial: false),
            .toolCall(AgentToolCall(name: "generate_video")),
            .text("Done: ", isPartial: true), .text("12 s.", isPartial: true),
        ])
        #expect(transcript.text == "I'll generate it now.\n\nDone: 12 s.")
    }

    @Test("a trailing temporary-issue notice after normal output is ignored")
    func trailingTemporaryIssueIgnored() {
        let separate = fold([
            .text("Title added.", isPartial: false),
            .text("I encountered a temporary issue. Please try again.", isPartial: false),
        ])
        #expect(separate.text == "Title added.")
        #expect(separate.ignoresTemporaryIssue && separate.hasText)

        let appended = fold([
            .text("Title added. ", isPartial: true),
            .text("I encountered a temporary issue, please retry.", isPartial: true),
        ])
        #expect(appended.text == "Title added.")
        #expect(appended.ignoresTemporaryIssue)

        let lowercase = fold([
            .text("Done.", isPartial: false), .text("i encountered a temporary issue", isPartial: true),
        ])
        #expect(lowercase.text == "Done.")
    }

    @Test("a temporary-issue notice alone, or followed by output, is kept")
    func temporaryIssueKept() {
        let alone = fold([.text("I encountered a temporary issue.", isPartial: false)])
        #expect(alone.text == "I encountered a temporary issue.")
        #expect(!alone.ignoresTemporaryIssue && alone.hasText && !alone.isSilentCompletion)

        let notTrailing = fold([
            .text("Done.", isPartial: false),
            .text("I encountered a temporary issue.", isPartial: false),
            .text("Retried: your video is ready.", isPartial: false),
        ])
        #expect(notTrailing.text == "Done.\n\nI encountered a temporary issue.\n\nRetried: your video is ready.")
    }

    @Test("tool calls, state deltas, heartbeats, unknowns and failure")
    func otherEvents() {
        let transcript = fold([
            .heartbeat,
            .toolCall(AgentToolCall(id: "1", name: "a")),
            .toolResult(AgentToolResult(id: "1", name: "a", result: 1)),
            .stateDelta(["draft": ["t": []], "draft_rev": 1]),
            .stateDelta(["draft_rev": 2, "draft_status": "ready"]),
            .unknown("?"), .heartbeat,
            .error(AgentFailure(message: "boom", kind: "RuntimeError")),
        ])
        #expect(transcript.heartbeatCount == 2 && transcript.unknownCount == 1)
        #expect(transcript.toolCalls.map(\.name) == ["a"] && transcript.toolResults.map(\.result) == [1])
        #expect(transcript.state == ["draft": ["t": []], "draft_rev": 2, "draft_status": "ready"])
        #expect(transcript.draft == ["t": []])
        #expect(transcript.failure?.message == "boom")
        #expect(!transcript.hasText && !transcript.isSilentCompletion)
    }

    @Test("whitespace-only text is no text: a silent completion")
    func whitespaceOnly() {
        let transcript = fold([.text("  \n", isPartial: false), .toolCall(AgentToolCall(name: "trim"))])
        #expect(!transcript.hasText && transcript.isSilentCompletion)
    }

    @Test("Chinese and emoji text folds unchanged")
    func chineseAndEmoji() {
        let transcript = fold([
            .text("视频已生成 ", isPartial: true), .text("🎬✨", isPartial: true),
            .text("视频已生成 🎬✨ 点击导出", isPartial: false),
        ])
        #expect(transcript.text == "视频已生成 🎬✨ 点击导出")
    }
}

@Suite("AgentTranscript limits")
struct AgentTranscriptLimitTests {
    @Test("a stream of ever more messages keeps only the most recent text, so memory stays bounded")
    func boundedText() {
        var transcript = AgentTranscript()
        let message = String(repeating: "a", count: 100_000)
        for index in 0..<200 { transcript.apply(.text(message + "\(index)", isPartial: false)) }
        let kept = transcript.messages.reduce(0) { $0 + $1.utf8.count }
        #expect(kept <= 2 * AgentTranscript.retainedTextLimit)
        #expect(transcript.messages.last?.hasSuffix("199") == true)
        #expect(transcript.droppedCount + transcript.messages.count == 200)
    }

    @Test("endless partial text keeps its tail; a normal answer is kept whole")
    func boundedPartials() {
        var transcript = AgentTranscript()
        let piece = String(repeating: "b", count: 1 << 20)
        for _ in 0..<12 { transcript.apply(.text(piece, isPartial: true)) }
        transcript.apply(.text("end", isPartial: true))
        #expect(transcript.pendingText.utf8.count <= 2 * AgentTranscript.retainedTextLimit)
        #expect(transcript.pendingText.hasSuffix("end"))
        var small = AgentTranscript()
        small.apply([.text("Hello ", isPartial: true), .text("Hello world.", isPartial: false)])
        #expect(small.text == "Hello world." && small.droppedCount == 0)
    }
}
