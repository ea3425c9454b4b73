import Foundation
import NemoMock
import Testing

/// Malformed requests get the service's error shapes, never a crash.
@Suite struct BadRequestTests {
    @Test func malformedJSONIs400() async throws {
        try await MockHarness.with { mock in
            let token = try await mock.token()
            for body in ["{", "[1,2]", "{\"task_name\":}", "\u{0}"] {
                let response = try await mock.json(
                    "POST", "/api/tasks/me/with-session/nemo_agent", token: token, body: body)
                #expect(response.status == 400, "\(body)")
                #expect(try response.json()["code"].int == 400)
            }
        }
    }

    @Test func wrongContentTypeIs415() async throws {
        try await MockHarness.with { mock in
            let token = try await mock.token()
            let response = try await mock.send(
                "POST", "/api/tasks/me/with-session/nemo_agent",
                headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "text/plain")],
                body: Array(#"{"task_name":"project"}"#.utf8))
            #expect(response.status == 415)
            #expect(try response.json()["message"].string?.contains("application/json") == true)
        }
    }

    @Test func oversizedJSONBodyIs413() async throws {
        try await MockHarness.with(maxJSONBytes: 1024) { mock in
            let token = try await mock.token()
            let body = #"{"task_name":""# + String(repeating: "x", count: 4096) + #""}"#
            let response = try await mock.json(
                "POST", "/api/tasks/me/with-session/nemo_agent", token: token, body: body)
            #expect(response.status == 413)
            #expect(try response.json()["code"].int == 413)
        }
    }

    @Test func multipartWithoutFilesFieldIs400() async throws {
        try await MockHarness.with { mock in
            let token = try await mock.token()
            let session = try await mock.session(token: token)
            let response = try await mock.upload(
                token: token, session: session, files: [("a.jpg", TestImages.jpeg(width: 640, height: 480))],
                field: "file")
            #expect(response.status == 400)
            #expect(try response.json()["message"].string?.contains("files") == true)
            let broken = try await mock.send(
                "POST", "/api/upload-video/nemo_agent/me/\(session)",
                headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "multipart/form-data; boundary=xyz")],
                body: Array("--xyz\r\nContent-Disposition: form-data; name=\"files\"\r\n\r\nno end".utf8))
            #expect(broken.status == 400)
        }
    }

    @Test(arguments: [
        ("../../etc/passwd.png", "passwd.png"),
        ("..\\..\\win.ini.jpg", "win.ini.jpg"),
        (".hidden.jpg", "hidden.jpg"),
        ("my photo (1).jpg", "my_photo__1_.jpg"),
        ("/abs/path/ok.jpg", "ok.jpg"),
        ("旅行.jpg", "__.jpg"),
    ])
    func pathTricksInFileNamesAreSanitised(original: String, stored: String) async throws {
        try await MockHarness.with { mock in
            let token = try await mock.token()
            let session = try await mock.session(token: token)
            let jpeg = TestImages.jpeg(width: 640, height: 480)
            let png = TestImages.png(width: 32, height: 32)
            let bytes = original.hasSuffix(".png") ? png : jpeg
            let response = try await mock.upload(token: token, session: session, files: [(original, bytes)])
            #expect(response.status == 200)
            let file = try response.json()["data"]["files"][0]
            #expect(file["filename"].string == stored)
            let served = try await mock.get(mock.path(of: try #require(file["cdn_url"].string)), token: nil)
            #expect(served.body == bytes)
        }
    }

    @Test func unknownRoutesAndMethods() async throws {
        try await MockHarness.with { mock in
            let missing = try await mock.send("GET", "/api/nothing")
            #expect(missing.status == 404)
            #expect(try missing.json()["code"].int == 404)
            let wrongMethod = try await mock.send("GET", "/run_sse")
            #expect(wrongMethod.status == 405)
            let traversal = try await mock.send("GET", "/media/uploads/123456789/..%2F..%2Fetc%2Fpasswd")
            #expect(traversal.status == 404)
            let fixtureTraversal = try await mock.send("GET", "/media/fixtures/..%2Ftranscripts%2Fdefault.scenario")
            #expect(fixtureTraversal.status == 404)
        }
    }

    @Test func runSSEBodyErrors() async throws {
        try await MockHarness.with { mock in
            let token = try await mock.token()
            let noSession = try await mock.json(
                "POST", "/run_sse", token: token, body: #"{"new_message":{"parts":[]}}"#)
            #expect(noSession.status == 400)
            let session = try await mock.session(token: token)
            let noMessage = try await mock.json(
                "POST", "/run_sse", token: token, body: #"{"session_id":"\#(session)"}"#)
            #expect(noMessage.status == 400)
            let wrongApp = try await mock.json(
                "POST", "/run_sse", token: token,
                body: #"{"app_name":"other","session_id":"\#(session)","new_message":{"parts":[{"text":"x"}]}}"#)
            #expect(wrongApp.status == 404)
        }
    }
}
