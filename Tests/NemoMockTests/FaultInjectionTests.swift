import Foundation
import NemoMock
import Testing

/// The request faults: injected body codes, a token that expires mid-run, a session lost mid-run.
@Suite struct FaultInjectionTests {
    @Test("the spellings parse, and wrong ones do not", arguments: [
        ("code 2001 /run_sse always", Fault.request(.code(2001), path: "/run_sse", once: false)),
        ("code 1001 * once", Fault.request(.code(1001), path: "*", once: true)),
        ("expire-token /api/credits once", Fault.request(.expireToken, path: "/api/credits", once: true)),
        ("lose-session /api/state always", Fault.request(.loseSession, path: "/api/state", once: false)),
    ])
    func spellings(text: String, fault: Fault) {
        #expect(Fault.parse(text) == fault)
    }

    @Test("invalid request-fault spellings are refused", arguments: [
        "code 1003 * once", "code 2001 *", "expire-token /api once twice", "lose-session sometimes", "code x * once",
    ])
    func invalidSpellings(text: String) {
        #expect(Fault.parse(text) == nil)
    }

    @Test("code N answers that body code in its envelope; 2001 carries the user's bind; once fires once")
    func injectedCodes() async throws {
        try await MockHarness.with { mock in
            let token = try await mock.token()
            let fault = [("X-Mock-Fault", "code 2001 /api/credits once")]
            let first = try await mock.get("/api/credits/balance/simple", token: token, extra: fault)
            #expect(first.status == 403)
            #expect(try first.json()["code"].int == 2001)
            #expect(try first.json()["data"]["bind"].string?.hasPrefix("bind_") == true)
            let second = try await mock.get("/api/credits/balance/simple", token: token, extra: fault)
            #expect(second.status == 200, "a once fault fires a single time")
            for (code, status) in [(4001, 415), (4002, 413), (1002, 404), (1001, 401)] {
                let answer = try await mock.get(
                    "/api/credits/balance/simple", token: token, extra: [("X-Mock-Fault", "code \(code) * always")])
                #expect(answer.status == status)
                #expect(try answer.json()["code"].int == code)
            }
        }
    }

    @Test("expire-token: the token is refused with 1001 from then on; the same client gets a new one for the same user")
    func tokenExpiresMidRun() async throws {
        try await MockHarness.with { mock in
            let token = try await mock.token(clientId: "client-a")
            let session = try await mock.session(token: token)
            let expire = [("X-Mock-Fault", "expire-token /api/state once")]
            let expired = try await mock.get("/api/state/nemo_agent/me/\(session)/latest", token: token, extra: expire)
            #expect(expired.status == 401)
            #expect(try expired.json()["code"].int == 1001)
            #expect(try expired.json()["message"].string?.contains("expired") == true)
            let again = try await mock.get("/api/credits/balance/simple", token: token)
            #expect(again.status == 401, "the token stays expired")
            let renewed = try await mock.token(clientId: "client-a")
            #expect(renewed != token)
            let state = try await mock.get("/api/state/nemo_agent/me/\(session)/latest", token: renewed)
            #expect(state.status == 200, "the new token reaches the same user's session")
            let balance = try await mock.get("/api/credits/balance/simple", token: renewed).json()
            #expect(balance["data"]["available"].int == 100, "credits are kept, not granted again")
            let third = try await mock.send(
                "POST", "/api/auth/anonymous-token", headers: [("X-Client-Id", "client-a")])
            #expect(third.status == 429, "the 7-day rule holds again for the renewed token")
        }
    }

    @Test("lose-session: the session named in the path or the /run_sse body is answered 1002")
    func sessionLostMidRun() async throws {
        try await MockHarness.with { mock in
            let token = try await mock.token()
            let first = try await mock.session(token: token)
            let lost = try await mock.message(
                token: token, session: first, text: "hello", extra: [("X-Mock-Fault", "lose-session /run_sse once")])
            #expect(lost.status == 404)
            #expect(try lost.json()["code"].int == 1002)
            let state = try await mock.get("/api/state/nemo_agent/me/\(first)/latest", token: token)
            #expect(state.status == 404, "the session is gone for good")
            let second = try await mock.session(token: token)
            let fault = [("X-Mock-Fault", "lose-session /api/state always")]
            let read = try await mock.get("/api/state/nemo_agent/me/\(second)/latest", token: token, extra: fault)
            #expect(read.status == 404)
        }
    }

    @Test("request faults are also read from a scenario's fault lines")
    func scenarioFaultLine() throws {
        let text = "about: test\nfault: expire-token /api/credits once\nfault: code 4002 /api/upload-video always\n"
        let scenario = try Scenario.parse(text, file: "test.scenario")
        #expect(scenario.faults == [
            .request(.expireToken, path: "/api/credits", once: true),
            .request(.code(4002), path: "/api/upload-video", once: false),
        ])
    }
}
