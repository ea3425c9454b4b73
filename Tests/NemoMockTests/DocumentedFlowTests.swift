import NemoCore
import Foundation
import NemoMock
import NemoTestSupport
import Testing

/// Walks the whole documented flow with plain HTTP requests, the way the service's documents tell
/// a client to: token → session → upload → message (SSE) → credits → state → export → poll → download.
@Suite struct DocumentedFlowTests {
    @Test func wholeFlowStepByStep() async throws {
        try await MockHarness.with { mock in
            // Token: POST /api/auth/anonymous-token with X-Client-Id.
            let tokenResponse = try await mock.send(
                "POST", "/api/auth/anonymous-token", headers: [("X-Client-Id", "0c6f2f4e-4a43-4d5e-9a55-7a0f4f1d2c3b")])
            #expect(tokenResponse.status == 200)
            let tokenJSON = try tokenResponse.json()
            #expect(tokenJSON["code"].int == 0)
            let token = try #require(tokenJSON["data"]["token"].string)
            #expect(token.hasPrefix("nmv_usr_"))
            #expect(tokenJSON["data"]["credits"].int == 100)
            #expect(tokenJSON["data"]["expires_at"].string == "2026-11-28T00:00:00.000Z")

            // Session.
            let session = try await mock.session(token: token)
            #expect(session.count >= 16 && session.allSatisfy(\.isNumber))

            // Upload two photos in one multipart request.
            let beach = TestImages.jpeg(width: 1500, height: 1000)
            let city = TestImages.webp(width: 1600, height: 900)
            let upload = try await mock.upload(
                token: token, session: session, files: [("beach.jpg", beach), ("city.webp", city)])
            #expect(upload.status == 200)
            let files = try upload.json()["data"]["files"].array
            #expect(files.count == 2)
            #expect(files[0]["file_type"].string == "image")
            #expect(files[0]["width"].int == 1500 && files[0]["height"].int == 1000)
            #expect(files[1]["width"].int == 1600 && files[1]["height"].int == 900)
            #expect(files[0]["hash"].string?.count == 64)
            let cdn = try #require(files[0]["cdn_url"].string)
            let served = try await mock.get(mock.path(of: cdn), token: nil)
            #expect(served.body == beach)

            // Message: the profile's example request, streamed as ADK events.
            let stream = try await mock.message(
                token: token, session: session,
                text: "combine these photos into a 30-second video with transitions and background music")
            #expect(stream.status == 200)
            #expect(stream.header("content-type") == "text/event-stream; charset=utf-8")
            #expect(stream.header("transfer-encoding") == "chunked")
            #expect(!stream.truncated)
            let texts = SSE.adkTexts(stream.body)
            #expect(texts.first?.text == "Raw video ready (2 photos). ")
            #expect(texts.last?.partial == false)
            #expect(texts.last?.text.hasPrefix("All tracks are ready") == true)

            // Credits: the generation cost 100.
            let credits = try await mock.get("/api/credits/balance/simple", token: token).json()["data"]
            #expect(credits["available"].int == 0 && credits["frozen"].int == 0 && credits["total"].int == 0)

            // State: the draft refers to the uploads, one video segment each, plus BGM and a title.
            let state = try await mock.state(token: token, session: session)
            let tracks = state["draft"]["t"].array
            #expect(tracks.map { $0["tt"].int } == [0, 1, 7])
            #expect(tracks[0]["sg"].array.map { $0["m"]["filename"].string } == ["beach.jpg", "city.webp"])
            #expect(tracks[1]["sg"][0]["d"].int == 12000)
            #expect(state["draft_status"].string == "ready")
            #expect(state["video_infos"].array.count == 2)

            // Export the draft, poll until completed, download the MP4.
            let draft = try await mock.draftText(token: token, session: session)
            let submit = try await mock.export(token: token, session: session, id: "render_1795219258", draft: draft)
            #expect(submit.status == 200)
            #expect(try submit.json()["success"].bool == true)
            #expect(try submit.json()["data"]["status"].string == "pending")
            var statuses: [String] = []
            var outputURL: String?
            for _ in 0..<10 {
                let poll = try await mock.get("/api/render/proxy/lambda/render_1795219258", token: token).json()
                statuses.append(poll["data"]["status"].string ?? "?")
                if let url = poll["data"]["outputUrl"].string { outputURL = url; break }
            }
            #expect(statuses == ["processing", "processing", "processing", "completed"])
            let video = try await mock.get(mock.path(of: try #require(outputURL)), token: nil)
            #expect(video.status == 200)
            #expect(video.header("content-type") == "video/mp4")
            #expect(video.body.elementsEqual(try Paths.fixture("media/render.mp4")))
        }
    }

    @Test(arguments: ProductProfile.all)
    func exampleRequestOfEachProfile(profile: ProductProfile) async throws {
        try await MockHarness.with { base in
            var mock = base
            mock.attribution = MockHarness.attribution(profile.slug)
            let token = try await mock.token()
            let session = try await mock.session(token: token)
            let photo = TestImages.jpeg(width: 800, height: 600)
            #expect(try await mock.upload(token: token, session: session, files: [("beach.jpg", photo)]).status == 200)
            let stream = try await mock.message(token: token, session: session, text: profile.exampleRequest)
            #expect(stream.status == 200)
            let journal = try await mock.get("/_mock/journal", token: nil).json()["entries"].array
            #expect(journal.count == 4)
            let state = try await mock.state(token: token, session: session)
            let segments = state["draft"]["t"][0]["sg"].array
            #expect(segments.first?["m"]["filename"].string == "beach.jpg")
            #expect(state["draft_status"].string == "ready")
            let events = SSE.events(stream.body)
            #expect(events.count >= 4)
            if profile.slug == "pixverse-ai-image-to-video" {
                #expect(events.first?.hasPrefix(#"{"type":"tool_call","name":"generate_video""#) == true)
            } else {
                #expect(events.first?.contains(#""functionCall""#) == true)
            }
            let credits = try await mock.get("/api/credits/balance/simple", token: token).json()["data"]
            #expect(credits["available"].int == 0)
        }
    }

    @Test func uploadByURL() async throws {
        try await MockHarness.with { mock in
            let token = try await mock.token()
            let session = try await mock.session(token: token)
            let body =
                #"{"urls":["https://example.com/a/photo%201.jpg","https://example.com/song.mp3"],"source_type":"url"}"#
            let response = try await mock.json(
                "POST", "/api/upload-video/nemo_agent/me/\(session)", token: token, body: body)
            #expect(response.status == 200)
            let files = try response.json()["data"]["files"].array
            #expect(files.map { $0["filename"].string } == ["photo_1.jpg", "song.mp3"])
            #expect(files.map { $0["file_type"].string } == ["image", "audio"])
            #expect(files[0]["cdn_url"].string == "https://example.com/a/photo%201.jpg")
            let bad = try await mock.json(
                "POST", "/api/upload-video/nemo_agent/me/\(session)", token: token,
                body: #"{"urls":["file:///etc/passwd"]}"#)
            #expect(bad.status == 400)
            let badType = try await mock.json(
                "POST", "/api/upload-video/nemo_agent/me/\(session)", token: token,
                body: #"{"urls":["https://x.test/a.exe"]}"#)
            #expect(try badType.json()["code"].int == 4001)
            #expect(try await mock.state(token: token, session: session)["video_infos"].array.count == 2)
        }
    }

    @Test func creditsAreFrozenWhileARunIsInProgress() async throws {
        // Scale 5 keeps the run going for seconds, and the balance is read until the frozen credits show, so a busy
        // machine that starts the run late does not end the polling first.
        try await MockHarness.with(timeScale: TestTiming.timeScale(5)) { mock in
            let token = try await mock.token()
            let session = try await mock.session(token: token)
            let run = Task {
                try await mock.message(
                    token: token, session: session, text: "turn this image into a free downloadable video clip")
            }
            var frozen: [Int] = []
            let start = ContinuousClock.now
            while !frozen.contains(100), ContinuousClock.now - start < TestTiming.stretched(.seconds(30)) {
                try await Task.sleep(for: .milliseconds(50))
                frozen.append(
                    try await mock.get("/api/credits/balance/simple", token: token).json()["data"]["frozen"].int ?? -1)
            }
            #expect(try await run.value.truncated == false, "the whole stream was read: the run is over")
            #expect(frozen.contains(100))
            let after = try await mock.get("/api/credits/balance/simple", token: token).json()["data"]
            #expect(after["frozen"].int == 0 && after["available"].int == 0 && after["total"].int == 0)
        }
    }

    /// Every scenario in Fixtures answers a message (with an error status where it is meant to).
    @Test(
        arguments: (try? TranscriptLibrary.load(from: Paths.fixtures.appendingPathComponent("transcripts")))?
            .scenarios.keys.sorted() ?? ["<the fixtures did not load>"])
    func everyScenarioAnswersAMessage(scenario: String) async throws {
        try await MockHarness.with(credits: 1000) { mock in
            let token = try await mock.token()
            let session = try await mock.session(token: token)
            let stream = try await mock.message(
                token: token, session: session, text: "hello", extra: [("X-Mock-Scenario", scenario)])
            let expected = ["rate-limited": 429, "server-error-once": 503][scenario] ?? 200
            #expect(stream.status == expected)
            if expected == 200 {
                #expect(!stream.body.isEmpty)
                #expect(stream.header("content-type")?.hasPrefix("text/event-stream") == true)
            }
        }
    }
}
