import Foundation
import NemoAPI
import NemoMock

/// libcurl through NemoAPI's `CurlTransport` against an in-process nemo-mock on 127.0.0.1: per iteration a GET,
/// a multipart upload, a download to a file, and a streamed transfer cancelled after its first chunk.
///
/// Every 100 iterations the mock is reset (`POST /_mock/reset`) so that its journal and upload records, which live
/// in this process too, stay small and do not blur the resident-memory figures.
final class CurlWorkload: Workload {
    let name = "curl"
    let operationsPerIteration = 4
    private let fixtures: URL
    private let folder: URL
    private var server: MockServer?
    private var base = URL(fileURLWithPath: "/")
    private var headers: HTTPHeaders = [:]
    private var session = ""
    /// A small stream buffer, so the cancelled transfer is still running when it is cancelled.
    private let transport = CurlTransport(configuration: .init(streamBufferBytes: 16_384))

    /// Creates the workload; `fixtures` is the repository's `Fixtures` folder, `folder` a scratch folder.
    init(fixtures: URL, folder: URL) {
        self.fixtures = fixtures
        self.folder = folder
    }

    func start() async throws {
        let server = try MockServer(configuration: MockConfiguration(fixtures: fixtures))
        self.server = server
        base = try await server.start()
        try Data(TinyMedia.png(width: 32, height: 24)).write(to: folder.appendingPathComponent("upload.png"))
        try await signIn()
    }

    func stop() async {
        await server?.stop()
    }

    func iterate(_ index: Int) async throws {
        if index > 0, index % 100 == 0 {
            try await expect(200, "reset", HTTPRequest(method: .post, url: url("_mock/reset")))
            try await signIn()
        }
        try await expect(200, "get", HTTPRequest(url: url("api/credits/balance/simple"), headers: headers))
        let upload = HTTPBody.multipart([MultipartFile(url: folder.appendingPathComponent("upload.png"))])
        try await expect(
            200, "upload",
            HTTPRequest(
                method: .post, url: url("api/upload-video/nemo_agent/me/\(session)"), headers: headers, body: upload))
        let destination = folder.appendingPathComponent("download.m4a")
        let result = try await transport.download(HTTPRequest(url: url("media/fixtures/bgm.m4a")), to: destination)
        guard result.bytes > 0, FileManager.default.fileExists(atPath: destination.path) else {
            throw LeakFailure("curl.download", "the download wrote \(result.bytes) bytes")
        }
        try FileManager.default.removeItem(at: destination)
        try await cancelledStream()
    }

    /// Streams the 370 KB fixture, reads one chunk and cancels: the next read must report the cancellation.
    private func cancelledStream() async throws {
        let response = try await transport.stream(HTTPRequest(url: url("media/fixtures/bgm-demo.m4a")))
        var chunks = response.body.makeAsyncIterator()
        guard let first = try await chunks.next(), !first.isEmpty else {
            throw LeakFailure("curl.cancel", "the stream ended before its first chunk")
        }
        response.body.cancel()
        do {
            while try await chunks.next() != nil {}
            throw LeakFailure("curl.cancel", "the cancelled stream read to its end")
        } catch let error as TransportError where error.code == .cancelled {
            return
        }
    }

    /// Gets an anonymous token and a session (after a start or a reset).
    private func signIn() async throws {
        let attribution: HTTPHeaders = [
            "X-Client-Id": "7c1e0a53-3c4b-4a8e-9d5f-0b1a2c3d4e5f", "X-Skill-Source": "create-video-from-images",
            "X-Skill-Version": "1.0.0", "X-Skill-Platform": "unknown",
        ]
        let token = try await expect(
            200, "token", HTTPRequest(method: .post, url: url("api/auth/anonymous-token"), headers: attribution))
        guard let value = token["data"]?["token"]?.stringValue else {
            throw LeakFailure("curl.token", "the mock's token answer has no data.token")
        }
        headers = attribution
        headers["Authorization"] = "Bearer \(value)"
        let created = try await expect(
            200, "session",
            HTTPRequest(
                method: .post, url: url("api/tasks/me/with-session/nemo_agent"), headers: headers,
                body: .json(text: #"{"task_name":"leaks","language":"en"}"#)))
        guard let id = created["data"]?["session_id"]?.stringValue else {
            throw LeakFailure("curl.session", "the mock's session answer has no data.session_id")
        }
        session = id
    }

    /// Sends `request` and checks its status; returns the JSON body (or null when it is not JSON).
    @discardableResult
    private func expect(_ status: Int, _ what: String, _ request: HTTPRequest) async throws -> NemoAPI.JSONValue {
        let response = try await transport.send(request)
        guard response.head.status == status else {
            throw LeakFailure(
                "curl.\(what)",
                "\(request.method) \(request.url.path) answered \(response.head.status), expected \(status): "
                    + String(decoding: response.body.prefix(300), as: UTF8.self))
        }
        return (try? NemoAPI.JSONValue(parsingUTF8: response.body)) ?? NemoAPI.JSONValue.null
    }

    private func url(_ path: String) -> URL {
        base.appendingPathComponent(path)
    }
}
