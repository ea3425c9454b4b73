import Foundation
import NemoMock

/// Where the repository's fixtures are, found from this file's own path.
enum Paths {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `Fixtures/`.
    static let fixtures = root.appendingPathComponent("Fixtures")
    /// The real ADK recordings (byte-exact copies of `shared/fixtures/adk` kept in `Fixtures/adk`).
    static let adkRecordings = root.appendingPathComponent("Fixtures/adk")

    /// The bytes of a file under `Fixtures/`.
    static func fixture(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(path)))
    }
}

/// A running mock server plus helpers that speak the documented API, step by step.
struct MockHarness: Sendable {
    let server: MockServer
    let url: URL
    let client: TestHTTPClient
    /// The attribution headers of a profile.
    var attribution: [(String, String)] = Self.attribution("create-video-from-images")

    /// Starts a server on 127.0.0.1, port 0.
    static func start(
        seed: UInt64 = 42, timeScale: Double = 0, scenario: String = "default", credits: Int = 100,
        tokensPerIP: Int = 10, maxJSONBytes: Int = 4 * 1_048_576, maxUploadBytes: Int = 256 * 1_048_576,
        draftRenderer: DraftRenderer? = nil
    ) async throws -> MockHarness {
        let server = try MockServer(
            configuration: MockConfiguration(
                fixtures: Paths.fixtures, seed: seed, timeScale: timeScale, defaultScenario: scenario,
                creditsPerToken: credits, tokensPerIP: tokensPerIP, maxJSONBytes: maxJSONBytes,
                maxUploadBytes: maxUploadBytes, draftRenderer: draftRenderer))
        let url = try await server.start()
        return MockHarness(server: server, url: url, client: TestHTTPClient(url: url))
    }

    /// Runs `body` against a fresh server and stops it afterwards.
    static func with<T: Sendable>(
        seed: UInt64 = 42, timeScale: Double = 0, scenario: String = "default", credits: Int = 100,
        tokensPerIP: Int = 10, maxJSONBytes: Int = 4 * 1_048_576, maxUploadBytes: Int = 256 * 1_048_576,
        draftRenderer: DraftRenderer? = nil, _ body: (MockHarness) async throws -> T
    ) async throws -> T {
        let harness = try await start(
            seed: seed, timeScale: timeScale, scenario: scenario, credits: credits, tokensPerIP: tokensPerIP,
            maxJSONBytes: maxJSONBytes, maxUploadBytes: maxUploadBytes, draftRenderer: draftRenderer)
        do {
            let result = try await body(harness)
            await harness.server.stop()
            return result
        } catch {
            await harness.server.stop()
            throw error
        }
    }

    static func attribution(_ slug: String) -> [(String, String)] {
        [("X-Skill-Source", slug), ("X-Skill-Version", "1.0.0"), ("X-Skill-Platform", "unknown")]
    }

    func send(
        _ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) async throws -> TestResponse {
        try await client.send(method, path, headers: headers, body: body)
    }

    func json(
        _ method: String, _ path: String, token: String?, body: String, extra: [(String, String)] = []
    ) async throws -> TestResponse {
        var headers = [("Content-Type", "application/json")] + attribution + extra
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        return try await send(method, path, headers: headers, body: Array(body.utf8))
    }

    func get(_ path: String, token: String?, extra: [(String, String)] = []) async throws -> TestResponse {
        var headers = attribution + extra
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        return try await send("GET", path, headers: headers)
    }

    /// Step 1: an anonymous token for `clientId`.
    func token(clientId: String = "3f8c1a52-9d1e-4c1b-8f5e-1b2c3d4e5f60") async throws -> String {
        let response = try await send("POST", "/api/auth/anonymous-token", headers: [("X-Client-Id", clientId)])
        guard let token = try response.json()["data"]["token"].string else {
            throw TestHTTPClient.Failure(description: "no token: \(response.status) \(response.text)")
        }
        return token
    }

    /// Step 2: a session.
    func session(token: String, extra: [(String, String)] = []) async throws -> String {
        let response = try await json(
            "POST", "/api/tasks/me/with-session/nemo_agent", token: token,
            body: #"{"task_name":"project","language":"en"}"#, extra: extra)
        guard let id = try response.json()["data"]["session_id"].string else {
            throw TestHTTPClient.Failure(description: "no session: \(response.status) \(response.text)")
        }
        return id
    }

    /// Step 3: uploads files as multipart field `files`.
    func upload(
        token: String, session: String, files: [(name: String, bytes: [UInt8])], field: String = "files",
        extra: [(String, String)] = []
    ) async throws -> TestResponse {
        let (contentType, body) = Multipart.body(files: files, field: field)
        var headers = [("Content-Type", contentType), ("Authorization", "Bearer \(token)")] + attribution + extra
        headers += []
        return try await send("POST", "/api/upload-video/nemo_agent/me/\(session)", headers: headers, body: body)
    }

    /// Step 4: sends a message and reads the whole stream.
    func message(
        token: String, session: String, text: String, extra: [(String, String)] = []
    ) async throws -> TestResponse {
        let body = JSONValue.object([
            ("app_name", .string("nemo_agent")), ("user_id", .string("me")), ("session_id", .string(session)),
            ("new_message", .object([("parts", .array([.object([("text", .string(text))])]))])),
        ])
        return try await json(
            "POST", "/run_sse", token: token, body: body.jsonText, extra: [("Accept", "text/event-stream")] + extra)
    }

    /// The session's state (`data.state`).
    func state(token: String, session: String) async throws -> JSONValueBox {
        try await get("/api/state/nemo_agent/me/\(session)/latest", token: token).json()["data"]["state"]
    }

    /// Step 6: submits an export of `draft` (JSON text).
    func export(
        token: String, session: String, id: String, draft: String, extra: [(String, String)] = []
    ) async throws -> TestResponse {
        try await json(
            "POST", "/api/render/proxy/lambda", token: token,
            body:
                #"{"id":"\#(id)","sessionId":"\#(session)","draft":\#(draft),"output":{"format":"mp4","quality":"high"}}"#,
            extra: extra)
    }

    /// The draft of the session's state as JSON text.
    func draftText(token: String, session: String) async throws -> String {
        let response = try await get("/api/state/nemo_agent/me/\(session)/latest", token: token)
        let value = try NemoMock.JSONParser.parse(response.body)
        return value["data"]?["state"]?["draft"]?.jsonText ?? "null"
    }

    /// Path part of an absolute URL served by this mock.
    func path(of absolute: String) -> String {
        URL(string: absolute).map { $0.path + ($0.query.map { "?\($0)" } ?? "") } ?? absolute
    }
}

/// Builds multipart/form-data bodies.
enum Multipart {
    static func body(files: [(name: String, bytes: [UInt8])], field: String) -> (String, [UInt8]) {
        let boundary = "----nemo-test-boundary-7MA4YWxkTrZu0gW"
        var body: [UInt8] = []
        for file in files {
            let quoted = file.name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
                of: "\"", with: "\\\"")
            body += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(quoted)\"\r\n".utf8)
            body += Array("Content-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.bytes
            body += Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return ("multipart/form-data; boundary=\(boundary)", body)
    }
}

/// SSE helpers for assertions.
enum SSE {
    /// The `data` of each event of a stream (any line ends), in order.
    static func events(_ bytes: [UInt8]) -> [String] {
        var events: [String] = []
        var data: [String] = []
        var sawData = false
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        {
            if line.isEmpty {
                if sawData { events.append(data.joined(separator: "\n")) }
                data = []
                sawData = false
            } else if line.hasPrefix("data") {
                var value = line.dropFirst(4)
                if value.hasPrefix(":") { value = value.dropFirst() }
                if value.hasPrefix(" ") { value = value.dropFirst() }
                data.append(String(value))
                sawData = true
            }
        }
        return events
    }

    /// The texts of ADK text parts, with their `partial` flags.
    static func adkTexts(_ bytes: [UInt8]) -> [(text: String, partial: Bool)] {
        events(bytes).compactMap { data in
            guard let event = try? NemoMock.JSONParser.parse(data),
                let text = event["content"]?["parts"]?.arrayValue?.first?["text"]?.stringValue
            else { return nil }
            return (text, event["partial"] == .bool(true))
        }
    }
}
