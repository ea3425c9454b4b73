import Foundation
import NemoMock
import Testing

/// Scenario selection, admin endpoints, the journal, and determinism.
@Suite struct ControlTests {
    @Test func scenarioPerRequestHeader() async throws {
        try await MockHarness.with { mock in
            let token = try await mock.token()
            let limited = try await mock.get(
                "/api/credits/balance/simple", token: token, extra: [("X-Mock-Scenario", "rate-limited")])
            #expect(limited.status == 429)
            #expect(limited.header("retry-after") == "30")
            #expect(try await mock.get("/api/credits/balance/simple", token: token).status == 200)
            let unknown = try await mock.get(
                "/api/credits/balance/simple", token: token, extra: [("X-Mock-Scenario", "nope")])
            #expect(unknown.status == 400)
        }
    }

    @Test func scenarioPerSessionSticks() async throws {
        try await MockHarness.with(credits: 1000) { mock in
            let token = try await mock.token()
            let fromCreation = try await mock.session(token: token, extra: [("X-Mock-Scenario", "silent-edit")])
            let first = try await mock.message(token: token, session: fromCreation, text: "hello")
            #expect(SSE.adkTexts(first.body).isEmpty)
            let fromFirstMessage = try await mock.session(token: token)
            _ = try await mock.message(
                token: token, session: fromFirstMessage, text: "hello", extra: [("X-Mock-Scenario", "crlf")])
            let later = try await mock.message(token: token, session: fromFirstMessage, text: "hello again")
            #expect(later.body.contains(0x0D))
            let plain = try await mock.session(token: token)
            let answer = try await mock.message(token: token, session: plain, text: "hello")
            #expect(SSE.adkTexts(answer.body).last?.text.hasPrefix("Got it: \"hello\".") == true)
        }
    }

    @Test func scenarioThroughAdminEndpoint() async throws {
        try await MockHarness.with { mock in
            let json = [("Content-Type", "application/json")]
            let list = try await mock.send("GET", "/_mock/scenarios").json()
            #expect(list["current"].string == "default")
            #expect(list["scenarios"].array.compactMap { $0["name"].string }.contains("render-failed"))
            #expect(
                try await mock.send("POST", "/_mock/scenario", headers: json, body: Array(#"{"name":"nope"}"#.utf8))
                    .status == 400)
            let set = try await mock.send(
                "POST", "/_mock/scenario", headers: json, body: Array(#"{"name":"rate-limited"}"#.utf8))
            #expect(try set.json()["current"].string == "rate-limited")
            #expect(
                try await mock.send("POST", "/api/auth/anonymous-token", headers: [("X-Client-Id", "a")]).status == 429)
            _ = try await mock.send("POST", "/_mock/scenario", headers: json, body: Array(#"{"name":null}"#.utf8))
            #expect(
                try await mock.send("POST", "/api/auth/anonymous-token", headers: [("X-Client-Id", "a")]).status == 200)
        }
    }

    @Test func serverErrorOnce() async throws {
        try await MockHarness.with(scenario: "server-error-once") { mock in
            let first = try await mock.send("POST", "/api/auth/anonymous-token", headers: [("X-Client-Id", "a")])
            #expect(first.status == 503)
            #expect(try first.json()["code"].int == 503)
            #expect(
                try await mock.send("POST", "/api/auth/anonymous-token", headers: [("X-Client-Id", "a")]).status == 200)
        }
    }

    @Test(arguments: [
        "/api/auth/anonymous-token", "/api/credits/balance/simple", "/run_sse",
        "/api/render/proxy/lambda/x", "/media/renders/x.mp4",
    ])
    func rateLimitedOnAnyEndpoint(path: String) async throws {
        try await MockHarness.with(scenario: "rate-limited") { mock in
            let method =
                path.hasPrefix("/api/render") || path.hasPrefix("/api/credits") || path.hasPrefix("/media")
                ? "GET" : "POST"
            let response = try await mock.send(method, path, headers: [("X-Client-Id", "a")])
            #expect(response.status == 429)
            #expect(response.header("retry-after") == "30")
            #expect(try await mock.send("GET", "/_mock/health").status == 200)
        }
    }

    @Test func faultHeaderOnOnePath() async throws {
        try await MockHarness.with { mock in
            let token = try await mock.token()
            let fault = [("X-Mock-Fault", "status 502 /api/credits always")]
            #expect(try await mock.get("/api/credits/balance/simple", token: token, extra: fault).status == 502)
            #expect(try await mock.get("/api/state/nemo_agent/me/1/latest", token: token, extra: fault).status == 404)
            let bad = try await mock.get(
                "/api/credits/balance/simple", token: token, extra: [("X-Mock-Fault", "explode")])
            #expect(bad.status == 400)
        }
    }

    @Test func resetForgetsEverythingAndRewinds() async throws {
        try await MockHarness.with { mock in
            let token = try await mock.token()
            _ = try await mock.send(
                "POST", "/_mock/clock/advance", headers: [("Content-Type", "application/json")],
                body: Array(#"{"seconds":3600}"#.utf8))
            #expect(try await mock.send("GET", "/_mock/clock").json()["iso"].string == "2026-11-21T01:00:00.000Z")
            #expect(try await mock.send("POST", "/_mock/reset").status == 200)
            #expect(try await mock.get("/api/credits/balance/simple", token: token).status == 401)
            #expect(try await mock.send("GET", "/_mock/clock").json()["iso"].string == "2026-11-21T00:00:00.000Z")
            #expect(try await mock.token() == token)
            #expect(try await mock.send("GET", "/_mock/journal").json()["entries"].array.count == 2)
        }
    }

    @Test func journalKeepsRequestsWithoutSecrets() async throws {
        try await MockHarness.with { mock in
            let token = try await mock.token()
            let session = try await mock.session(token: token)
            _ = try await mock.upload(
                token: token, session: session, files: [("a.png", TestImages.png(width: 4, height: 4))])
            let raw = try await mock.send("GET", "/_mock/journal")
            #expect(!raw.text.contains(token))
            #expect(!raw.text.contains(String(token.dropFirst(8))))
            let entries = try raw.json()["entries"].array
            #expect(
                entries.map { $0["path"].string ?? "" } == [
                    "/api/auth/anonymous-token", "/api/tasks/me/with-session/nemo_agent",
                    "/api/upload-video/nemo_agent/me/\(session)",
                ])
            let headers = entries[1]["headers"].array.map { ($0[0].string ?? "", $0[1].string ?? "") }
            #expect(headers.contains { $0.0 == "authorization" && $0.1 == "Bearer <redacted>" })
            #expect(entries[1]["body"].string == #"{"task_name":"project","language":"en"}"#)
            #expect(entries[2]["body"].string?.hasPrefix("<") == true)
            #expect(entries.map { $0["seq"].int } == [1, 2, 3])
        }
    }

    /// The same scripted requests against a server with `seed`.
    static func script(seed: UInt64) async throws -> [String] {
        try await MockHarness.with(seed: seed, credits: 1000) { mock in
            var outputs: [String] = []
            func keep(_ response: TestResponse) {
                outputs.append(
                    "\(response.status) "
                        + response.text.replacingOccurrences(of: "127.0.0.1:\(mock.url.port!)", with: "HOST"))
            }
            keep(try await mock.send("POST", "/api/auth/anonymous-token", headers: [("X-Client-Id", "c")]))
            let token = try await mock.token(clientId: "d")
            let session = try await mock.session(token: token)
            keep(
                try await mock.upload(
                    token: token, session: session, files: [("a.jpg", TestImages.jpeg(width: 9, height: 7))]))
            for text in [
                "combine these photos into a 30-second video with transitions and background music", "add a title",
                "something else", "中文",
            ] {
                keep(try await mock.message(token: token, session: session, text: text))
            }
            keep(try await mock.get("/api/state/nemo_agent/me/\(session)/latest", token: token))
            let draft = try await mock.draftText(token: token, session: session)
            keep(try await mock.export(token: token, session: session, id: "render_1", draft: draft))
            for _ in 0..<5 { keep(try await mock.get("/api/render/proxy/lambda/render_1", token: token)) }
            keep(try await mock.get("/api/credits/balance/simple", token: token))
            keep(try await mock.send("GET", "/_mock/journal"))
            return outputs
        }
    }

    @Test func sameSeedSameBytes() async throws {
        let first = try await Self.script(seed: 42)
        let second = try await Self.script(seed: 42)
        #expect(first.count == 15)
        for (a, b) in zip(first, second) where a != b { Issue.record("differs:\n\(a.prefix(3000))\n\(b.prefix(3000))") }
        #expect(first == second)
        let other = try await Self.script(seed: 7)
        #expect(other[0] != first[0])
        #expect(other.count == first.count)
    }
}
