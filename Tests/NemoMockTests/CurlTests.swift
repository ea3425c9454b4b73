import Foundation
import NemoTestSupport
import Testing

/// The documented flow with curl itself, as the service's documents show it.
@Suite struct CurlTests {
    static let curl: URL? = ["/usr/bin/curl", "/bin/curl", "/usr/local/bin/curl"]
        .map { URL(fileURLWithPath: $0) }.first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// Runs curl with `arguments`; returns standard output.
    static func run(_ arguments: [String]) async throws -> String {
        let result = try await SpawnedProcess.run(curl!.path, ["-sS", "--max-time", "30"] + arguments)
        guard result.termination == .exited(0) else {
            throw TestHTTPClient.Failure(description: "curl: \(result.termination): \(result.stderr)")
        }
        return result.stdout
    }

    static func field(_ json: String, _ path: String...) throws -> String? {
        var value: Any? = try JSONSerialization.jsonObject(with: Data(json.utf8))
        for key in path { value = (value as? [String: Any])?[key] }
        return value as? String
    }

    @Test(.enabled(if: curl != nil, "curl is not installed"))
    func flowWithCurl() async throws {
        try await MockHarness.with { mock in
            let base = mock.url.absoluteString
            let tokenJSON = try await Self.run([
                "-X", "POST", "\(base)/api/auth/anonymous-token", "-H", "X-Client-Id: 7c1e0a53-3c4b-4a8e-9d5f-0b1a2c3d4e5f",
            ])
            let token = try #require(try Self.field(tokenJSON, "data", "token"))
            let auth = ["-H", "Authorization: Bearer \(token)", "-H", "X-Skill-Source: create-video-from-images",
                        "-H", "X-Skill-Version: 1.0.0", "-H", "X-Skill-Platform: unknown"]
            let sessionJSON = try await Self.run(auth + [
                "-X", "POST", "\(base)/api/tasks/me/with-session/nemo_agent", "-H", "Content-Type: application/json",
                "-d", #"{"task_name":"project","language":"en"}"#,
            ])
            let session = try #require(try Self.field(sessionJSON, "data", "session_id"))
            // Over 1 MB, so curl sends Expect: 100-continue.
            let photo = FileManager.default.temporaryDirectory.appendingPathComponent("curl-photo-\(session).jpg")
            try Data(TestImages.jpeg(width: 1200, height: 800) + [UInt8](repeating: 7, count: 1_500_000)).write(to: photo)
            defer { try? FileManager.default.removeItem(at: photo) }
            let start = ContinuousClock.now
            // curl waits --expect100-timeout for "100 Continue" before sending the body anyway: 20 s here (stretched
            // with the test's deadline under a sanitizer), so a server that does not answer it would take over 20 s.
            let upload = try await Self.run(auth + [
                "--expect100-timeout", "\(Int(20 * TestTiming.slowdown))",
                "-X", "POST", "\(base)/api/upload-video/nemo_agent/me/\(session)", "-F", "files=@\(photo.path)",
            ])
            #expect(ContinuousClock.now - start < TestTiming.stretched(.seconds(15)))
            #expect(upload.contains(#""width":1200,"height":800"#))
            let body = #"{"app_name":"nemo_agent","user_id":"me","session_id":"\#(session)","new_message":{"parts":[{"text":"combine these photos into a 30-second video with transitions and background music"}]}}"#
            let stream = try await Self.run(auth + [
                "-N", "-X", "POST", "\(base)/run_sse", "-H", "Accept: text/event-stream",
                "-H", "Content-Type: application/json", "-d", body,
            ])
            #expect(stream.hasPrefix("data: {"))
            #expect(stream.contains("All tracks are ready"))
            let credits = try await Self.run(auth + ["\(base)/api/credits/balance/simple"])
            #expect(credits.contains(#""available":0"#))
        }
    }
}
