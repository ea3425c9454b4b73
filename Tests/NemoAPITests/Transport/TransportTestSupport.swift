import Foundation
import NemoAPI
import NemoMock
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Paths of the repository's fixtures, found from this file's own path.
enum TransportPaths {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// `Fixtures/`.
    static let fixtures = root.appendingPathComponent("Fixtures")
    /// A fixture file.
    static func fixture(_ path: String) -> URL { fixtures.appendingPathComponent(path) }

    /// A new empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "nemo-transport-\(getpid())-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// Runs `body` against an in-process mock on 127.0.0.1, port 0, stopping it afterwards.
func withMock<T>(
    scenario: String = "default", timeScale: Double = 0, _ body: (MockAPI) async throws -> T
) async throws -> T {
    let server = try MockServer(
        configuration: MockConfiguration(
            fixtures: TransportPaths.fixtures, seed: 42, timeScale: timeScale, defaultScenario: scenario))
    let url = try await server.start()
    do {
        let result = try await body(MockAPI(base: url))
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// The documented API steps, spoken through ``CurlTransport``, against a mock at `base`.
struct MockAPI: Sendable {
    let base: URL
    var transport = CurlTransport()
    static let attribution: HTTPHeaders = [
        "X-Skill-Source": "create-video-from-images", "X-Skill-Version": "1.0.0", "X-Skill-Platform": "unknown",
    ]

    func url(_ path: String) -> URL { URL(string: base.absoluteString + path)! }

    /// Headers with attribution and the bearer token.
    func headers(token: String?) -> HTTPHeaders {
        var headers = Self.attribution
        if let token { headers.setBearerToken(token) }
        return headers
    }

    /// Step 1: an anonymous token.
    func token() async throws -> String {
        let response = try await transport.send(
            HTTPRequest(
                method: .post, url: url("/api/auth/anonymous-token"),
                headers: ["X-Client-Id": "3f8c1a52-9d1e-4c1b-8f5e-1b2c3d4e5f60"]))
        return try #require(JSONTree(response.body)["data"]["token"].string, "no token: \(response.text)")
    }

    /// Step 2: a session.
    func session(token: String) async throws -> String {
        let response = try await transport.send(
            HTTPRequest(
                method: .post, url: url("/api/tasks/me/with-session/nemo_agent"), headers: headers(token: token),
                body: .json(text: #"{"task_name":"project","language":"en"}"#)))
        return try #require(JSONTree(response.body)["data"]["session_id"].string, "no session: \(response.text)")
    }

    /// The `/run_sse` request for `text`.
    func messageRequest(token: String, session: String, text: String) -> HTTPRequest {
        var headers = headers(token: token)
        headers["Accept"] = "text/event-stream"
        let body =
            #"{"app_name":"nemo_agent","user_id":"me","session_id":"\#(session)","#
            + #""new_message":{"parts":[{"text":"\#(text)"}]}}"#
        return HTTPRequest(method: .post, url: url("/run_sse"), headers: headers, body: .json(text: body))
    }

    /// Submits an export of the session's draft and polls until completed; returns the output URL.
    func renderOutput(token: String, session: String) async throws -> URL {
        let state = try await transport.send(
            HTTPRequest(url: url("/api/state/nemo_agent/me/\(session)/latest"), headers: headers(token: token)))
        let draft = try #require(JSONTree(state.body)["data"]["state"]["draft"].jsonText)
        let submit = try await transport.send(
            HTTPRequest(
                method: .post, url: url("/api/render/proxy/lambda"), headers: headers(token: token),
                body: .json(
                    text: #"{"id":"render_1","sessionId":"\#(session)","draft":\#(draft),"output":{"format":"mp4"}}"#)))
        #expect(submit.status == 200, "\(submit.text)")
        for _ in 0..<20 {
            let poll = try await transport.send(
                HTTPRequest(url: url("/api/render/proxy/lambda/render_1"), headers: headers(token: token)))
            let data = JSONTree(poll.body)["data"]
            if data["status"].string == "completed", let output = data["outputUrl"].string {
                return try #require(URL(string: output))
            }
        }
        throw LoopbackError("the render did not complete")
    }

    /// The mock's request journal.
    func journal() async throws -> [JSONTree] {
        let response = try await transport.send(HTTPRequest(url: url("/_mock/journal")))
        return JSONTree(response.body)["entries"].array
    }
}

/// Read-only access into `JSONSerialization` output for assertions.
struct JSONTree: @unchecked Sendable {
    // JSONSerialization returns Foundation containers; they are only read, never mutated.
    let raw: Any?

    init(_ bytes: [UInt8]) { raw = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) }
    init(raw: Any?) { self.raw = raw }

    subscript(key: String) -> JSONTree { JSONTree(raw: (raw as? [String: Any])?[key]) }
    subscript(index: Int) -> JSONTree {
        guard let array = raw as? [Any], array.indices.contains(index) else { return JSONTree(raw: nil) }
        return JSONTree(raw: array[index])
    }
    var string: String? { raw as? String }
    var int: Int? { (raw as? NSNumber)?.intValue }
    var array: [JSONTree] { (raw as? [Any])?.map { JSONTree(raw: $0) } ?? [] }
    var jsonText: String? {
        guard let raw, JSONSerialization.isValidJSONObject(raw),
            let data = try? JSONSerialization.data(withJSONObject: raw)
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The value of header `name` in a journal entry's `headers` (pairs), case-insensitive.
    func header(_ name: String) -> String? {
        self["headers"].array.first { $0[0].string?.lowercased() == name.lowercased() }?[1].string
    }
}

/// Peak and current resident memory of this process, from `/proc/self/status`.
enum ProcessMemory {
    /// `VmHWM` (peak resident set) in bytes.
    static var peak: Int { field("VmHWM") }
    /// `VmRSS` (current resident set) in bytes.
    static var current: Int { field("VmRSS") }

    /// Resets the peak to the current resident size (`/proc/self/clear_refs` value 5); false when not allowed.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    private static func field(_ name: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let digits = line.split(separator: " ").compactMap { Int($0) }
            return (digits.first ?? 0) * 1024
        }
        return 0
    }
}

/// Creates a sparse file of `size` bytes (no disk blocks used) with `ftruncate`.
func makeSparseFile(at url: URL, size: Int64) throws {
    let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw LoopbackError("open \(url.path): \(errno)") }
    defer { close(fd) }
    guard ftruncate(fd, off_t(size)) == 0 else { throw LoopbackError("ftruncate: \(errno)") }
}

/// A port on 127.0.0.1 where nothing listens (bound once, then closed).
func closedPort() throws -> Int {
    let server = try LoopbackServer(accepting: false) { _ in }
    let port = server.port
    server.stop()
    return port
}

/// Collects progress reports from the transfer thread.
final class ProgressLog: Sendable {
    private let reports = Mutex<[(ContinuousClock.Instant, TransferProgress)]>([])

    func record(_ progress: TransferProgress) {
        reports.withLock { $0.append((.now, progress)) }
    }

    var all: [(ContinuousClock.Instant, TransferProgress)] { reports.withLock { $0 } }
    var last: TransferProgress? { all.last?.1 }
}
