import Foundation
@testable import NemoAPI
import NemoCore
import Testing

@Suite("NemoClient: more policy rows against the mock's fault scenarios")
struct ClientPolicyTests {
    /// Switches the running mock's default scenario (admin endpoint).
    private func scenario(_ name: String, on harness: ClientHarness) async throws {
        var request = HTTPRequest(method: .post, url: harness.baseURL.appendingPathComponent("_mock/scenario"))
        request.body = .json(text: #"{"name":"\#(name)"}"#)
        let response = try await CurlTransport().send(request)
        #expect(response.status == 200)
    }

    @Test("a 5xx on a read is retried with backoff and succeeds")
    func serverErrorOnReadRetried() async throws {
        try await ClientHarness.with { harness in
            _ = try await harness.client.credits()  // token obtained before the fault is armed
            try await scenario("server-error-once", on: harness)
            let balance = try await harness.client.credits()
            #expect(balance.available == 100)
            let reads = try await harness.journal().filter { $0.path == "/api/credits/balance/simple" }
            #expect(reads.map(\.status) == [200, 503, 200])
            #expect(harness.sleeper.recorded.count == 1, "one backoff wait")
        }
    }

    @Test("a 5xx on a request that is not safe to repeat (the token) is not retried")
    func serverErrorOnTokenNotRetried() async throws {
        try await ClientHarness.with(scenario: "server-error-once") { harness in
            do {
                _ = try await harness.client.credits()
                Issue.record("expected a server error")
            } catch let error as NemoAPIError {
                #expect(error.code == .serverError)
            }
            #expect(try await harness.journal().filter { $0.path == "/api/auth/anonymous-token" }.count == 1)
        }
    }

    @Test("body codes sent with HTTP 200 are errors too (1002 → new session)")
    func errorsWithStatus200() async throws {
        try await ClientHarness.with(scenario: "errors-200") { harness in
            await harness.client.use(
                session: LastSession(sessionID: "1234567890123456789", taskID: nil, profile: "x", savedAt: Date()))
            _ = try await harness.client.state()
            let journal = try await harness.journal()
            #expect(journal.filter { $0.path.hasPrefix("/api/state/") }.map(\.status) == [200, 200])
            #expect(journal.filter { $0.path == "/api/tasks/me/with-session/nemo_agent" }.count == 1)
        }
    }

    @Test("the error line mid-stream is shown, the text before it kept, the state read once, the run reported failed")
    func midStreamError() async throws {
        try await ClientHarness.with(scenario: "mid-stream-error") { harness in
            var updates: [MessageUpdate] = []
            do {
                for try await update in harness.client.send(message: "make me a video") { updates.append(update) }
                Issue.record("expected the agent's failure")
            } catch let error as NemoAPIError {
                #expect(error.code == .streamFailed)
            }
            let errors = updates.compactMap { if case .agentError(let text) = $0 { text } else { nil } }
            #expect(errors.count == 1)
            #expect(updates.contains { if case .partialText = $0 { true } else { false } })
            #expect(harness.sleeper.recorded.isEmpty, "no recovery schedule for a run that failed")
            #expect(try await harness.journal().filter { $0.path == "/run_sse" }.count == 1)
        }
    }

    @Test("a malformed event never kills the stream")
    func malformedEvent() async throws {
        try await ClientHarness.with(scenario: "malformed-event") { harness in
            let updates = try await harness.say(ProductProfile.createVideoFromImages.exampleRequest)
            let outcome = try #require(updates.outcome)
            #expect(outcome.streamCompleted)
            #expect(!outcome.text.isEmpty)
        }
    }

    @Test("the service's own 4001 (content does not match the name) lists the accepted formats")
    func serverSideUnsupportedType() async throws {
        try await ClientHarness.with { harness in
            let disguised = harness.output("photo.jpg")
            try FileManager.default.copyItem(
                atPath: ClientHarness.fixtures.appendingPathComponent("images/logo.png").path, toPath: disguised)
            do {
                _ = try await harness.client.upload(files: [disguised])
                Issue.record("expected 4001")
            } catch let error as NemoAPIError {
                #expect(error.code == .unsupportedFileType)
                #expect(error.message.contains("png") || error.message.contains("PNG"))
            }
        }
    }
}

@Suite("NemoClient: the remaining export and upload paths")
struct ClientExportPathTests {
    @Test("URL upload puts the file in the session")
    func urlUpload() async throws {
        try await ClientHarness.with { harness in
            let files = try await harness.client.upload(urls: ["https://example.com/media/song.mp3"])
            #expect(files.count == 1)
            let uploads = try await harness.journal().filter { $0.path.hasPrefix("/api/upload-video/") }
            #expect(uploads.count == 1)
        }
    }

    @Test("when the output URL cannot be reached, the fallback download endpoint is used")
    func fallbackDownload() async throws {
        try await ClientHarness.with { harness in
            _ = try await harness.say(ProductProfile.createVideoFromImages.exampleRequest)
            let draft = try #require(try await harness.client.state().draft)
            let id = try await harness.client.submitRender(draft: draft, attempt: 0)
            var status = try await harness.client.pollRender(id: id)
            for _ in 0..<20 where status.status != .completed { status = try await harness.client.pollRender(id: id) }
            #expect(status.status == .completed)
            let result = try await harness.client.finish(
                renderID: id, outputURL: "http://127.0.0.1:1/unreachable.mp4", to: harness.output("fallback.mp4"),
                update: { _ in })
            let expected = Checksum.sha256(fileAt: ClientHarness.fixtures.appendingPathComponent("media/render.mp4").path)
            #expect(Checksum.sha256(fileAt: result.path) == expected)
            let journal = try await harness.journal()
            #expect(journal.contains { $0.path == "/api/render/proxy/\(id)/download" && $0.status == 200 })
        }
    }

    @Test("cancelling a render tells the service and forgets the job")
    func cancelRender() async throws {
        try await ClientHarness.with(scenario: "render-stuck") { harness in
            _ = try await harness.say(ProductProfile.createVideoFromImages.exampleRequest)
            let draft = try #require(try await harness.client.state().draft)
            let id = try await harness.client.submitRender(draft: draft, attempt: 0)
            try await harness.client.cancelRender(id: id)
            #expect(try await harness.client.pendingRenders().isEmpty)
            let status = try await harness.client.pollRender(id: id)
            #expect(status.status == .cancelled)
        }
    }
}
