import Foundation
import NemoMock
import NemoTestSupport
import Testing

/// `/run_sse` transcripts and stream faults, over real loopback HTTP.
@Suite struct StreamScenarioTests {
    /// A harness with a token and a session.
    static func session(_ mock: MockHarness, extra: [(String, String)] = []) async throws -> (String, String) {
        let token = try await mock.token()
        return (token, try await mock.session(token: token, extra: extra))
    }

    @Test(arguments: [
        ("scenario-video-streaming", "make a 5 second city timelapse at dusk"),
        ("scenario-tools", "trim the first clip to 4 seconds and add a crossfade"),
        ("scenario-draft", "draft: city timelapse with lo-fi music and a title"),
        ("scenario-error-streaming", "simulate a render backend crash"),
    ])
    func recordingsReplayByteExactWithTheirChunks(recording: String, text: String) async throws {
        let folder = Paths.adkRecordings
        let expected = [UInt8](try Data(contentsOf: folder.appendingPathComponent("\(recording).sse")))
        let timing = try String(contentsOf: folder.appendingPathComponent("\(recording).timing"), encoding: .utf8)
        try await MockHarness.with(credits: 1000) { mock in
            let (token, session) = try await Self.session(mock)
            let stream = try await mock.message(token: token, session: session, text: text)
            #expect(stream.status == 200)
            #expect(stream.body == expected)
            let wire = timing.split(separator: "\n").map {
                Int($0.split(separator: " ", omittingEmptySubsequences: true)[2])!
            }
            let framed = stream.chunks.map { $0.count + String($0.count, radix: 16).count + 4 } + [5]
            #expect(framed == wire)
        }
    }

    @Test func simpleEventsScenarioConvertsADKStreams() async throws {
        try await MockHarness.with(scenario: "simple-events") { mock in
            let (token, session) = try await Self.session(mock)
            let stream = try await mock.message(token: token, session: session, text: "a city timelapse at dusk")
            #expect(
                SSE.events(stream.body) == [
                    #"{"type":"tool_call","name":"generate_video","args":{"prompt":"a 5 second city timelapse at dusk","duration_s":5,"resolution":"1080p"}}"#,
                    #"{"type":"tool_result","name":"generate_video","result":{"status":"ok","media_id":"m_001","duration_s":5,"resolution":"1080p"}}"#,
                    #"{"type":"text","content":"Your video is ready. "}"#,
                    #"{"type":"text","content":"Click Export to download."}"#,
                ])
            let error = try await mock.message(token: token, session: session, text: "render backend crash")
            #expect(
                SSE.events(error.body).last?.hasPrefix(#"{"type":"error","message":"render backend crashed: 渲染失败 💥"#)
                    == true)
        }
    }

    @Test func silentEditChangesStateOnly() async throws {
        try await MockHarness.with(scenario: "silent-edit") { mock in
            let (token, session) = try await Self.session(mock)
            let before = try await mock.state(token: token, session: session)["draft"]["t"].array.count
            let stream = try await mock.message(token: token, session: session, text: "make it pop")
            #expect(stream.status == 200)
            #expect(SSE.adkTexts(stream.body).isEmpty)
            #expect(SSE.events(stream.body).count == 2)
            let after = try await mock.state(token: token, session: session)
            #expect(after["draft"]["t"].array.count == before + 1)
            #expect(after["draft"]["t"].array.last?["sg"][0]["m"]["text"].string == "Paradise Found")
            #expect(
                try await mock.get("/api/credits/balance/simple", token: token).json()["data"]["available"].int == 50)
        }
    }

    @Test func crlfLineEnds() async throws {
        try await MockHarness.with(scenario: "crlf") { mock in
            let (token, session) = try await Self.session(mock)
            let stream = try await mock.message(token: token, session: session, text: "anything")
            let lf = stream.body.enumerated().filter { $0.element == 0x0A }.map(\.offset)
            #expect(!lf.isEmpty)
            #expect(lf.allSatisfy { $0 > 0 && stream.body[$0 - 1] == 0x0D })
            #expect(
                SSE.adkTexts(stream.body).map(\.text) == [
                    "Made the video 20% brighter. ", "Made the video 20% brighter. ",
                ])
        }
    }

    @Test func chineseAndEmojiSplitInsideCharacters() async throws {
        try await MockHarness.with(scenario: "cjk-partials") { mock in
            let (token, session) = try await Self.session(mock)
            let stream = try await mock.message(token: token, session: session, text: "中文")
            #expect(String(validating: stream.body, as: UTF8.self) != nil)
            let brokenChunks = stream.chunks.filter { String(validating: $0, as: UTF8.self) == nil }
            #expect(brokenChunks.count >= 4)
            let texts = SSE.adkTexts(stream.body)
            #expect(texts.filter(\.partial).map(\.text).joined() == texts.last?.text)
            #expect(texts.last?.text == "好的！我把你的照片做成了一段视频 🎬✨，还加了背景音乐 🎵。")
        }
    }

    @Test func heartbeatsAsCommentsAndEmptyData() async throws {
        try await MockHarness.with(scenario: "heartbeats") { mock in
            let (token, session) = try await Self.session(mock)
            let stream = try await mock.message(token: token, session: session, text: "go")
            let text = stream.text
            #expect(text.components(separatedBy: ": heartbeat\n\n").count - 1 == 5)
            #expect(text.components(separatedBy: "\ndata:\n\n").count - 1 == 4)
            #expect(SSE.adkTexts(stream.body).last?.text == "Applied a warm film look to the whole video.")
        }
    }

    @Test func errorLineMidStream() async throws {
        try await MockHarness.with(scenario: "mid-stream-error") { mock in
            let (token, session) = try await Self.session(mock)
            let stream = try await mock.message(token: token, session: session, text: "go")
            #expect(stream.status == 200 && !stream.truncated)
            let last = try #require(SSE.events(stream.body).last)
            #expect(last.hasPrefix(#"{"error": "RuntimeError: render backend crashed"#))
        }
    }

    @Test func longGenerationReplaysInstantlyWithAdvancingTimestamps() async throws {
        try await MockHarness.with(scenario: "long-generation") { mock in
            let (token, session) = try await Self.session(mock)
            let start = ContinuousClock.now
            let stream = try await mock.message(token: token, session: session, text: "go")
            #expect(ContinuousClock.now - start < .seconds(60))  // 8 virtual minutes, not waited
            let events = SSE.events(stream.body)
            let stamps = events.compactMap { try? NemoMock.JSONParser.parse($0)["timestamp"]?.jsonText }.compactMap(
                Double.init)
            #expect(stamps.count == 3)
            #expect(stamps.last! - stamps.first! >= 490)
            #expect(stream.text.components(separatedBy: ": heartbeat").count - 1 == 32)
            let clock = try await mock.get("/_mock/clock", token: nil).json()
            #expect(clock["now"].double! >= 1_795_219_200 + 490)
        }
    }

    @Test func heartbeatOnlyTimeout() async throws {
        try await MockHarness.with(scenario: "heartbeat-timeout") { mock in
            let (token, session) = try await Self.session(mock)
            let stream = try await mock.message(token: token, session: session, text: "go")
            #expect(SSE.events(stream.body).isEmpty)
            #expect(stream.text.components(separatedBy: ": heartbeat\n\n").count - 1 == 60)
            let clock = try await mock.get("/_mock/clock", token: nil).json()
            #expect(clock["now"].double! >= 1_795_219_200 + 900)
        }
    }

    @Test func dropAfterTwoEventsAndRunGoesOn() async throws {
        try await MockHarness.with(scenario: "drop-after-2") { mock in
            let (token, session) = try await Self.session(mock)
            let stream = try await mock.message(token: token, session: session, text: "city timelapse at dusk")
            #expect(stream.truncated)
            #expect(SSE.events(stream.body).count == 2)
            var status: String?
            for _ in 0..<50 where status != "ready" {
                status = try await mock.state(token: token, session: session)["draft_status"].string
                if status != "ready" { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(status == "ready")
            let credits = try await mock.get("/api/credits/balance/simple", token: token).json()["data"]
            #expect(credits["available"].int == 0 && credits["frozen"].int == 0)
        }
    }

    @Test func malformedEventAfterFirst() async throws {
        try await MockHarness.with(scenario: "malformed-event") { mock in
            let (token, session) = try await Self.session(mock)
            let stream = try await mock.message(token: token, session: session, text: "city timelapse at dusk")
            let events = SSE.events(stream.body)
            #expect(events.count == 6)
            #expect((try? NemoMock.JSONParser.parse(events[0])) != nil)
            #expect((try? NemoMock.JSONParser.parse(events[1])) == nil)
            #expect((try? NemoMock.JSONParser.parse(events[2])) != nil)
        }
    }

    @Test func stallIsVirtualAtScaleZeroAndRealWhenAsked() async throws {
        try await MockHarness.with(scenario: "stall-30s") { mock in
            let (token, session) = try await Self.session(mock)
            let start = ContinuousClock.now
            let stream = try await mock.message(token: token, session: session, text: "city timelapse at dusk")
            #expect(ContinuousClock.now - start < TestTiming.stretched(.seconds(15)))  // the 30 s stall is virtual
            #expect(SSE.events(stream.body).count == 5)
            let clock = try await mock.get("/_mock/clock", token: nil).json()
            #expect(clock["now"].double! >= 1_795_219_200 + 30)
        }
        try await MockHarness.with { mock in
            let (token, session) = try await Self.session(mock)
            let start = ContinuousClock.now
            let stream = try await mock.message(
                token: token, session: session, text: "city timelapse at dusk",
                extra: [("X-Mock-Fault", "stall 0.6 after 1 real")])
            #expect(ContinuousClock.now - start >= .milliseconds(600))
            #expect(SSE.events(stream.body).count == 5)
        }
    }

    @Test func twoStageStateIsVisibleBetweenStages() async throws {
        try await MockHarness.with(timeScale: TestTiming.timeScale(20), scenario: "two-stage") { mock in
            let (token, session) = try await Self.session(mock)
            let message = Task { try await mock.message(token: token, session: session, text: "make my video") }
            var seen: [String] = []
            let start = ContinuousClock.now
            while seen.last != "ready", ContinuousClock.now - start < TestTiming.stretched(.seconds(60)) {
                let status = try await mock.state(token: token, session: session)["draft_status"].string ?? "?"
                if seen.last != status { seen.append(status) }
                try await Task.sleep(for: .milliseconds(40))
            }
            let stream = try await message.value
            #expect(seen == ["empty", "raw", "ready"])
            #expect(SSE.adkTexts(stream.body).filter { !$0.partial }.count == 2)
        }
    }

    @Test func timeScaleZeroVersusRealTime() async throws {
        for (scale, minimum, maximum) in [(0.0, 0.0, 60.0), (1000.0, 0.45, 120.0)] {
            try await MockHarness.with(timeScale: scale, scenario: "long-generation") { mock in
                let (token, session) = try await Self.session(mock)
                let start = ContinuousClock.now
                let stream = try await mock.message(token: token, session: session, text: "go")
                let elapsed = ContinuousClock.now - start
                #expect(elapsed >= .milliseconds(Int64(minimum * 1000)), "scale \(scale)")
                #expect(elapsed < .milliseconds(Int64(maximum * 1000)), "scale \(scale)")
                #expect(SSE.adkTexts(stream.body).count == 1)
            }
        }
    }
}
