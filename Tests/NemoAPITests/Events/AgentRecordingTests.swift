import Foundation
import NemoAPI
import Testing

@Suite("Agent events of the real ADK recordings")
struct AgentRecordingTests {
    @Test("video streaming: a tool call, its result, two partials and a final text")
    func videoStreaming() throws {
        let batches = try AgentFixtures.batches("scenario-video-streaming")
        #expect(batches.map(\.shape) == Array(repeating: .adk, count: 5))
        #expect(
            batches.map(\.events) == [
                [.toolCall(AgentToolCall(
                    id: "adk-316c884c-5821-4564-8b70-1e5059481100",
                    name: "generate_video",
                    arguments: ["prompt": "a 5 second city timelapse at dusk", "duration_s": 5, "resolution": "1080p"]
                ))],
                [.toolResult(AgentToolResult(
                    id: "adk-316c884c-5821-4564-8b70-1e5059481100",
                    name: "generate_video",
                    result: ["status": "ok", "media_id": "m_001", "duration_s": 5, "resolution": "1080p"]
                ))],
                [.text("Your video is ready. ", isPartial: true)],
                [.text("Click Export to download.", isPartial: true)],
                [.text("Your video is ready. Click Export to download.", isPartial: false)],
            ])
        let first = try #require(batches.first?.metadata)
        #expect(first.author == "nemo_agent")
        #expect(first.invocationID == "e-a0b9cfbf-d0e6-405b-8a47-9afc8e639ca3")
        #expect(first.eventID == "5547441a-cb86-41e2-a0fb-0268b7107406")
        #expect(first.timestamp == 1_795_249_384.5943375)
        #expect(first.role == "model" && first.partial == nil)
        #expect(batches[1].metadata?.role == "user")
        #expect(batches[2].metadata?.partial == true && batches[4].metadata?.partial == false)

        let transcript = try AgentFixtures.transcript("scenario-video-streaming")
        #expect(transcript.text == "Your video is ready. Click Export to download.")
        #expect(transcript.hasText && !transcript.isSilentCompletion)
        #expect(transcript.toolCalls.map(\.name) == ["generate_video"])
        #expect(transcript.failure == nil && transcript.state.isEmpty)
    }

    @Test("tools: two parts in one event, no text at all (silent completion)")
    func tools() throws {
        let batches = try AgentFixtures.batches("scenario-tools")
        #expect(batches.map(\.events.count) == [2, 2, 1, 1])
        let transcript = try AgentFixtures.transcript("scenario-tools")
        #expect(transcript.toolCalls.map(\.name) == ["trim_clip", "add_transition", "render_preview"])
        #expect(transcript.toolCalls[0].arguments == ["media_id": "m_001", "start_ms": 0, "end_ms": 4000])
        #expect(transcript.toolCalls[1].arguments == ["kind": "crossfade", "at_ms": 4000])
        #expect(transcript.toolResults.map(\.name) == ["trim_clip", "add_transition", "render_preview"])
        #expect(transcript.toolResults.map(\.id) == transcript.toolCalls.map(\.id))
        #expect(transcript.toolResults[2].result["preview_url"] == "nemo://preview/m_002")
        #expect(!transcript.hasText && transcript.isSilentCompletion && transcript.text.isEmpty)
    }

    @Test("draft: the state delta carries the timeline; the last event has no content")
    func draft() throws {
        let batches = try AgentFixtures.batches("scenario-draft")
        #expect(batches[3].events == [.stateDelta(["draft_status": "ready", "draft_rev": 2])])
        #expect(batches[3].metadata?.role == nil)
        guard case .stateDelta(let delta) = try #require(batches[1].events.last) else {
            Issue.record("the tool result event has no state delta: \(batches[1].events)")
            return
        }
        #expect(delta["draft_rev"] == 1)

        let transcript = try AgentFixtures.transcript("scenario-draft")
        #expect(transcript.toolCalls.map(\.name) == ["update_timeline"])
        #expect(transcript.text == "I drafted a timeline: video, lo-fi music and a title 🎞️.")
        #expect(transcript.state["draft_rev"] == 2 && transcript.state["draft_status"] == "ready")
        let draft = try #require(transcript.draft)
        #expect(draft["t"]?.arrayValue?.compactMap { $0["tt"]?.intValue } == [0, 1, 7])
        #expect(draft["t"]?[1]?["sg"]?[0]?["m"]?["volume"] == 0.35)
        #expect(draft["t"]?[2]?["sg"]?[0]?["m"]?["text"] == "Urban Dreams")
        // The same draft the session read afterwards holds.
        let sessionText = String(decoding: try AgentFixtures.data("session-draft.json"), as: UTF8.self)
        let session = try JSONValue(parsing: sessionText)
        #expect(session["state"]?["draft"] == draft)
        #expect(session["state"]?["draft_rev"] == transcript.state["draft_rev"])
    }

    @Test("error while streaming: the text before it is kept and the message is decoded")
    func errorStreaming() throws {
        let batches = try AgentFixtures.batches("scenario-error-streaming")
        #expect(batches.map(\.shape) == [.adk, .adk, .adk, .errorLine])
        let transcript = try AgentFixtures.transcript("scenario-error-streaming")
        #expect(transcript.text == "Rendering your video… ⏳ ")
        let failure = try #require(transcript.failure)
        #expect(failure.message == "render backend crashed: 渲染失败 💥 (GPU out of memory)")
        #expect(failure.kind == "RuntimeError")
        #expect(failure.detail == "RuntimeError: render backend crashed: 渲染失败 💥 (GPU out of memory)")
        #expect(transcript.hasText && !transcript.isSilentCompletion)
    }
}
