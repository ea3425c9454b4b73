import Foundation
import NemoAPI
import NemoCore
import NemoTestSupport
import Testing

@Suite("NemoClient against nemo-mock: the documented flow and its recovery rules")
struct ClientFlowTests {
    static let photos = ["beach.jpg", "city.webp"].map { ClientHarness.fixtures.appendingPathComponent("images/\($0)").path }

    @Test("the whole flow: token, session, upload, message, state, export, download")
    func wholeFlow() async throws {
        try await ClientHarness.with { harness in
            let client = harness.client
            let uploaded = try await client.upload(files: Self.photos)
            #expect(uploaded.map(\.filename) == ["beach.jpg", "city.webp"])
            let updates = try await harness.say(ProductProfile.createVideoFromImages.exampleRequest)
            #expect(updates.first == .accepted)
            let outcome = try #require(updates.outcome)
            #expect(!outcome.text.isEmpty)
            #expect(outcome.streamCompleted)
            #expect(outcome.timelineSummary?.hasPrefix("Timeline (") == true)
            let state = try await client.state()
            #expect(state.isReadyForExport)
            let result = try await client.export(to: harness.output("video.mp4"))
            let expected = Checksum.sha256(fileAt: ClientHarness.fixtures.appendingPathComponent("media/render.mp4").path)
            #expect(Checksum.sha256(fileAt: result.path) == expected)
            #expect(try await client.pendingRenders().isEmpty)

            let journal = try await harness.journal()
            #expect(journal.filter { $0.path == "/run_sse" }.count == 1)
            for entry in journal {
                #expect(entry.header("X-Skill-Source") == "create-video-from-images", "\(entry.path)")
                #expect(entry.header("X-Skill-Version") != nil && entry.header("X-Skill-Platform") != nil)
                #expect(!entry.path.contains("nmv_"), "no token in a URL: \(entry.path)")
            }
        }
    }

    @Test("a token and a session are cached and reused between clients")
    func tokenCachedWithPrivatePermissions() async throws {
        try await ClientHarness.with { harness in
            _ = try await harness.client.credits()
            let cache = harness.stateFolder + "/" + TokenCache.fileName
            let mode = try FileManager.default.attributesOfItem(atPath: cache)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let second = NemoClient(configuration: await harness.client.configuration)
            _ = try await second.credits()
            let tokens = try await harness.journal().filter { $0.path == "/api/auth/anonymous-token" }
            #expect(tokens.count == 1)
        }
    }

    @Test("a silent edit is reported as the change in the draft")
    func silentCompletion() async throws {
        try await ClientHarness.with(scenario: "silent-edit") { harness in
            let updates = try await harness.say("add a title Paradise Found")
            let outcome = try #require(updates.outcome)
            #expect(outcome.silent)
            #expect(outcome.text.isEmpty)
            #expect(outcome.change?.contains("Title") == true, "\(outcome.change ?? "no change")")
        }
    }

    @Test("a dropped stream is reconciled from the state and the message is never sent twice")
    func droppedStreamReconciled() async throws {
        try await ClientHarness.with(scenario: "drop-after-2") { harness in
            let updates = try await harness.say(ProductProfile.createVideoFromImages.exampleRequest)
            #expect(updates.contains { if case .reconciling = $0 { true } else { false } })
            let outcome = try #require(updates.outcome)
            #expect(!outcome.streamCompleted)
            #expect(outcome.change != nil)
            #expect(harness.sleeper.recorded.first == .seconds(30), "the documented first wait")
            #expect(try await harness.journal().filter { $0.path == "/run_sse" }.count == 1)
        }
    }

    @Test("an expired or unknown token (1001) is replaced once and the request replayed")
    func reauthentication() async throws {
        try await ClientHarness.with { harness in
            try TokenCache(folder: harness.stateFolder).store(
                CachedToken(token: BearerToken("nmv_usr_not_a_real_token"), expiresAt: Date().addingTimeInterval(3600)))
            let balance = try await harness.client.credits()
            #expect(balance.available == 100)
            let journal = try await harness.journal()
            #expect(journal.map(\.path) == [
                "/api/credits/balance/simple", "/api/auth/anonymous-token", "/api/credits/balance/simple",
            ])
        }
    }

    @Test("a lost session (1002) is replaced once and the request replayed")
    func sessionReplaced() async throws {
        try await ClientHarness.with { harness in
            await harness.client.use(
                session: LastSession(sessionID: "1234567890123456789", taskID: nil, profile: "x", savedAt: Date()))
            let state = try await harness.client.state()
            #expect(state.draft == nil || !state.isReadyForExport)
            let paths = try await harness.journal().map(\.path)
            #expect(paths.filter { $0 == "/api/tasks/me/with-session/nemo_agent" }.count == 1)
            #expect(paths.filter { $0.hasPrefix("/api/state/") }.count == 2)
        }
    }

    @Test("429 waits Retry-After and retries once, then stops with the wait")
    func rateLimited() async throws {
        try await ClientHarness.with(scenario: "rate-limited") { harness in
            await #expect(throws: NemoAPIError.self) { try await harness.client.credits() }
            #expect(harness.sleeper.recorded == [.seconds(30)])
            let tokenRequests = try await harness.journal().filter { $0.path == "/api/auth/anonymous-token" }
            #expect(tokenRequests.count == 2)
        }
    }

    @Test("out of credits (2001) stops with the registration link")
    func outOfCredits() async throws {
        try await ClientHarness.with(credits: 40) { harness in
            do {
                _ = try await harness.say(ProductProfile.createVideoFromImages.exampleRequest)
                Issue.record("expected 2001")
            } catch let error as NemoAPIError {
                #expect(error.code == .outOfCredits)
                #expect(error.registrationURL?.contains("bind=") == true)
            }
            #expect(try await harness.journal().filter { $0.path == "/run_sse" }.count == 1)
        }
    }

    @Test("export blocked by the plan (402) says it is a plan issue")
    func exportBlocked() async throws {
        try await ClientHarness.with(scenario: "export-blocked") { harness in
            _ = try await harness.say(ProductProfile.createVideoFromImages.exampleRequest)
            do {
                _ = try await harness.client.export(to: harness.output("x.mp4"))
                Issue.record("expected 402")
            } catch let error as NemoAPIError {
                #expect(error.code == .exportBlocked)
            }
            #expect(!FileManager.default.fileExists(atPath: harness.output("x.mp4")))
        }
    }

    @Test("a failed render is submitted once more with a new id, then reported")
    func renderFailed() async throws {
        try await ClientHarness.with(scenario: "render-failed") { harness in
            _ = try await harness.say(ProductProfile.createVideoFromImages.exampleRequest)
            await #expect(throws: NemoAPIError.self) { try await harness.client.export(to: harness.output("x.mp4")) }
            let submits = try await harness.journal().filter { $0.method == "POST" && $0.path == "/api/render/proxy/lambda" }
            #expect(submits.count == 2)
        }
    }

    @Test("a download cut mid-body resumes with Range and completes", arguments: ["download-cut", "poll-top-level"])
    func downloadResumesAndBothPollShapes(scenario: String) async throws {
        try await ClientHarness.with(scenario: scenario) { harness in
            _ = try await harness.say(ProductProfile.createVideoFromImages.exampleRequest)
            let result = try await harness.client.export(to: harness.output("video.mp4"))
            let expected = Checksum.sha256(fileAt: ClientHarness.fixtures.appendingPathComponent("media/render.mp4").path)
            #expect(Checksum.sha256(fileAt: result.path) == expected)
        }
    }

    @Test("an orphaned render is finished by a later client from the job store")
    func orphanedRenderResumed() async throws {
        // The first client gives up after one poll of a slow render, as a closed client would leave it.
        try await ClientHarness.with(scenario: "render-slow", maximumPolls: 1) { harness in
            _ = try await harness.say(ProductProfile.createVideoFromImages.exampleRequest)
            await #expect(throws: NemoAPIError.self) { try await harness.client.export(to: harness.output("first.mp4")) }
            #expect(!FileManager.default.fileExists(atPath: harness.output("first.mp4")))
            var configuration = await harness.client.configuration
            configuration.polling = RenderPolling.Configuration(interval: .seconds(30), maximumPolls: 20)
            let later = NemoClient(configuration: configuration)
            let job = try #require(try await later.pendingRenders().first)
            let result = try await later.resumeExport(renderID: job.id, to: harness.output("resumed.mp4"))
            #expect(result.renderID == job.id)
            #expect(FileManager.default.fileExists(atPath: harness.output("resumed.mp4")))
            #expect(try await later.pendingRenders().isEmpty)
            let submits = try await harness.journal().filter { $0.method == "POST" && $0.path == "/api/render/proxy/lambda" }
            #expect(submits.count == 1, "resuming never submits again")
        }
    }

    @Test("both stream payload shapes give the same kind of answer", arguments: ["default", "simple-events"])
    func payloadShapes(scenario: String) async throws {
        try await ClientHarness.with(scenario: scenario) { harness in
            let updates = try await harness.say(ProductProfile.imageToVideoLTX.exampleRequest)
            #expect(updates.contains { if case .partialText = $0 { true } else { if case .finalText = $0 { true } else { false } } })
            #expect(updates.outcome?.text.isEmpty == false)
        }
    }

    @Test("heartbeats only: 'still working' notices, then the documented timeout")
    func livenessTimeout() async throws {
        // Heartbeats every 150 ms (15 virtual seconds at scale 100); limits far apart so a busy machine's hiccups
        // cannot be mistaken for silence.
        let liveness = LivenessPolicy.Configuration(
            noticeInterval: TestTiming.stretched(.milliseconds(200)),
            idleTimeout: TestTiming.stretched(.milliseconds(1500)), hardLimit: TestTiming.stretched(.seconds(20)))
        try await ClientHarness.with(
            scenario: "heartbeat-timeout", timeScale: TestTiming.timeScale(100), liveness: liveness
        ) { harness in
            var notices = 0
            do {
                for try await update in harness.client.send(message: "make a long video") {
                    if case .stillWorking(let text) = update {
                        #expect(text == LivenessPolicy.stillWorking)
                        notices += 1
                    }
                }
                Issue.record("expected a timeout")
            } catch let error as NemoAPIError {
                #expect(error.code == .streamTimedOut)
            }
            #expect(notices >= 1)
        }
    }

    @Test("cancelling a long stream returns promptly")
    func cancellation() async throws {
        try await ClientHarness.with(scenario: "heartbeat-timeout", timeScale: 1) { harness in
            let task = Task { try await harness.say("make a long video") }
            try await Task.sleep(for: .milliseconds(500))
            let start = ContinuousClock.now
            task.cancel()
            _ = await task.result
            #expect(ContinuousClock.now - start < TestTiming.stretched(.seconds(10)))  // the stream runs 15 minutes
        }
    }

    @Test("a caller that stops (cancelled, as on Ctrl-C) sees the updates end only once the message's work has stopped")
    func cancelledCallerOutlastsNothing() async throws {
        let sleeper = SlowToStopSleeper()
        // The stream drops after two events; the client then waits (the sleeper) before reading the state.
        try await ClientHarness.with(scenario: "drop-after-2", sleeper: sleeper) { harness in
            let client = harness.client
            let caller = Task { for try await _ in client.send(message: "make me a video") {} }
            var waits = sleeper.started.makeAsyncIterator()
            _ = await waits.next()
            caller.cancel()
            _ = await caller.result
            #expect(sleeper.stopped, "the caller's loop ended while the message's work was still going on")
        }
    }

    @Test("files are checked before upload: type and the profile's size limit")
    func uploadValidation() async throws {
        try await ClientHarness.with(profile: .imageToVideoLTX) { harness in
            let text = harness.output("notes.txt")
            try Data("hello".utf8).write(to: URL(fileURLWithPath: text))
            await #expect(throws: NemoAPIError.self) { try await harness.client.upload(files: [text]) }
            let big = harness.output("big.png")
            #expect(FileManager.default.createFile(atPath: big, contents: nil))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
            try handle.truncate(atOffset: 25_000_000)
            try handle.close()
            do {
                _ = try await harness.client.upload(files: [big])
                Issue.record("expected 4002")
            } catch let error as NemoAPIError {
                #expect(error.code == .fileTooLarge)
                #expect(error.message.contains("nemo prep"))
            }
            #expect(try await harness.journal().allSatisfy { !$0.path.hasPrefix("/api/upload") })
        }
    }
}
