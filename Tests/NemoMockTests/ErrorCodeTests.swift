import Foundation
import NemoMock
import Testing

/// Every documented error, with its status and body shape.
@Suite struct ErrorCodeTests {
    @Test func missingClientIdIs400() async throws {
        try await MockHarness.with { mock in
            let response = try await mock.send("POST", "/api/auth/anonymous-token")
            #expect(response.status == 400)
            #expect(try response.json()["message"].string?.contains("X-Client-Id") == true)
        }
    }

    @Test func secondTokenForSameClientIs429WithRetryAfter() async throws {
        try await MockHarness.with { mock in
            _ = try await mock.token(clientId: "same")
            let again = try await mock.send("POST", "/api/auth/anonymous-token", headers: [("X-Client-Id", "same")])
            #expect(again.status == 429)
            #expect(again.header("retry-after") == "604800")
            _ = try await mock.send(
                "POST", "/_mock/clock/advance", headers: [("Content-Type", "application/json")],
                body: Array(#"{"seconds":604800}"#.utf8))
            _ = try await mock.token(clientId: "same")
        }
    }

    @Test func perIPCapIs429() async throws {
        try await MockHarness.with(tokensPerIP: 3) { mock in
            for index in 0..<3 { _ = try await mock.token(clientId: "client-\(index)") }
            let capped = try await mock.send(
                "POST", "/api/auth/anonymous-token", headers: [("X-Client-Id", "client-9")])
            #expect(capped.status == 429)
            #expect(capped.header("retry-after").flatMap(Int.init) ?? 0 > 0)
        }
    }

    @Test func unknownTokenIs1001() async throws {
        try await MockHarness.with { mock in
            for headers in [[("Authorization", "Bearer nmv_usr_forged")], []] {
                let response = try await mock.send("GET", "/api/credits/balance/simple", headers: headers)
                #expect(response.status == 401)
                #expect(try response.json()["code"].int == 1001)
            }
        }
    }

    @Test func tokenExpiresAfterSevenDays() async throws {
        try await MockHarness.with { mock in
            let token = try await mock.token()
            #expect(try await mock.get("/api/credits/balance/simple", token: token).status == 200)
            _ = try await mock.send(
                "POST", "/_mock/clock/advance", headers: [("Content-Type", "application/json")],
                body: Array(#"{"seconds":604801}"#.utf8))
            let expired = try await mock.get("/api/credits/balance/simple", token: token)
            #expect(try expired.json()["code"].int == 1001)
            #expect(try expired.json()["message"].string?.contains("expired") == true)
        }
    }

    @Test func unknownSessionIs1002() async throws {
        try await MockHarness.with { mock in
            let token = try await mock.token()
            let state = try await mock.get("/api/state/nemo_agent/me/123456789012345/latest", token: token)
            #expect(state.status == 404)
            #expect(try state.json()["code"].int == 1002)
            let message = try await mock.message(token: token, session: "123456789012345", text: "hello")
            #expect(try message.json()["code"].int == 1002)
            let upload = try await mock.upload(
                token: token, session: "123456789012345", files: [("a.png", TestImages.jpeg(width: 640, height: 480))])
            #expect(try upload.json()["code"].int == 1002)
        }
    }

    @Test func noCreditsIs2001WithBindId() async throws {
        try await MockHarness.with { mock in
            let token = try await mock.token()
            let session = try await mock.session(token: token)
            let first = try await mock.message(
                token: token, session: session, text: "animate this image into a 5-second video clip with smooth motion"
            )
            #expect(first.status == 200)
            let second = try await mock.message(token: token, session: session, text: "add a title")
            #expect(second.status == 403)
            let body = try second.json()
            #expect(body["code"].int == 2001)
            let bind = try #require(body["data"]["bind"].string)
            #expect(bind.hasPrefix("bind_"))
            #expect(body["data"]["register_url"].string?.hasSuffix("?bind=\(bind)") == true)
            let credits = try await mock.get("/api/credits/balance/simple", token: token).json()["data"]
            #expect(credits["available"].int == 0)
        }
    }

    @Test func unsupportedTypeIs4001() async throws {
        try await MockHarness.with { mock in
            let token = try await mock.token()
            let session = try await mock.session(token: token)
            let cases: [(String, [UInt8])] = [
                ("notes.txt", Array("hello".utf8)),
                ("fake.jpg", Array("not really a jpeg".utf8)),
                ("beach.png", TestImages.jpeg(width: 640, height: 480)),
                ("run.exe", [0x4D, 0x5A, 0x90, 0x00]),
            ]
            for (name, bytes) in cases {
                let response = try await mock.upload(token: token, session: session, files: [(name, bytes)])
                #expect(response.status == 415, "\(name)")
                let body = try response.json()
                #expect(body["code"].int == 4001)
                #expect(body["data"]["accepted"].array.compactMap(\.string).contains("webp"))
            }
            #expect(try await mock.state(token: token, session: session)["video_infos"].array.isEmpty)
        }
    }

    @Test func fileOverProfileLimitIs4002() async throws {
        try await MockHarness.with { base in
            var mock = base
            mock.attribution = MockHarness.attribution("image-to-video-ltx")
            let token = try await mock.token()
            let session = try await mock.session(token: token)
            var big = TestImages.jpeg(width: 640, height: 480)
            big += [UInt8](repeating: 0, count: 20 * 1_048_576)
            let response = try await mock.upload(token: token, session: session, files: [("big.jpg", big)])
            #expect(response.status == 413)
            #expect(try response.json()["code"].int == 4002)
            var roomy = mock
            roomy.attribution = MockHarness.attribution("create-video-from-images")
            #expect(try await roomy.upload(token: token, session: session, files: [("big.jpg", big)]).status == 200)
        }
    }

    @Test func uploadBodyOverServerLimitIs4002() async throws {
        try await MockHarness.with(maxUploadBytes: 64 * 1024) { mock in
            let token = try await mock.token()
            let session = try await mock.session(token: token)
            let padded = TestImages.jpeg(width: 640, height: 480) + [UInt8](repeating: 0, count: 100_000)
            let response = try await mock.upload(token: token, session: session, files: [("beach.jpg", padded)])
            #expect(response.status == 413)
            #expect(try response.json()["code"].int == 4002)
        }
    }

    @Test func exportWithoutAttributionIs402() async throws {
        try await MockHarness.with { base in
            var mock = base
            let token = try await mock.token()
            let session = try await mock.session(token: token)
            mock.attribution = [("X-Skill-Source", "image-to-free")]
            let response = try await mock.export(token: token, session: session, id: "render_1", draft: Self.draft)
            #expect(response.status == 402)
            #expect(try response.json()["success"].bool == false)
            #expect(try response.json()["error"]["code"].string == "attribution_required")
        }
    }

    @Test func freePlanBlocksExportWith402() async throws {
        try await MockHarness.with(scenario: "export-blocked") { mock in
            let token = try await mock.token()
            let session = try await mock.session(token: token)
            let response = try await mock.export(token: token, session: session, id: "render_1", draft: Self.draft)
            #expect(response.status == 402)
            #expect(try response.json()["error"]["code"].string == "export_blocked")
        }
    }

    @Test func bodyCodesTravelWithHTTP200InErrors200Scenario() async throws {
        try await MockHarness.with(scenario: "errors-200") { mock in
            let response = try await mock.get("/api/credits/balance/simple", token: "nope")
            #expect(response.status == 200)
            #expect(try response.json()["code"].int == 1001)
        }
    }

    static let draft = #"{"t":[{"tt":0,"sg":[{"d":5000,"m":{"name":"clip"}}]}]}"#
}
