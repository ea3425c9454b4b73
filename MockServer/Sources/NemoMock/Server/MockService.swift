import Foundation
import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NemoCore
import Synchronization

/// Answers every request of a mock server: routing, body limits, journal, scenarios and faults.
final class MockService: Sendable {
    let configuration: MockConfiguration
    let library: TranscriptLibrary
    let clock: VirtualClock
    let store: MockStore
    let logger: Logger
    let uploadRoot: URL
    /// `Fixtures/media/render.mp4`, the output of every completed render.
    let renderVideoURL: URL
    let runs = Mutex<[Int: Task<Void, Never>]>([:])
    let runIds = Atomic<Int>(0)

    init(configuration: MockConfiguration, library: TranscriptLibrary, logger: Logger) throws {
        self.configuration = configuration
        self.library = library
        self.logger = logger
        self.clock = VirtualClock(start: configuration.epoch, scale: configuration.timeScale)
        self.store = MockStore(clock: clock, configuration: configuration)
        let video = configuration.fixtures.appendingPathComponent("media/render.mp4")
        guard MediaFile(path: video.path) != nil else {
            throw MockServer.StartError(message: "Missing \(video.path): the fixtures folder needs media/render.mp4")
        }
        // Read when served, not here: the file can be large (the benchmarks use a sparse multi-gigabyte one).
        self.renderVideoURL = video
        let root =
            configuration.uploadFolder
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "nemo-mock-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        self.uploadRoot = root
    }

    /// Deletes the upload folder when the server created it (no `uploadFolder` was configured).
    func removeOwnedUploads() {
        guard configuration.uploadFolder == nil else { return }
        try? FileManager.default.removeItem(at: uploadRoot)
    }

    /// Deletes every stored upload (at reset), keeping the folder.
    func clearUploads() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: uploadRoot.path)) ?? []
        for name in names where name.allSatisfy(\.isNumber) {
            try? FileManager.default.removeItem(at: uploadRoot.appendingPathComponent(name))
        }
    }

    /// Cancels every run in progress (at shutdown).
    func cancelRuns() {
        let tasks = runs.withLock { runs -> [Task<Void, Never>] in
            defer { runs = [:] }
            return Array(runs.values)
        }
        for task in tasks { task.cancel() }
    }

    /// Answers one request; never throws: every failure becomes a documented error shape.
    func respond(to request: Request, remote: String?) async -> Response {
        let arrival = clock.now()
        let path = request.uri.path
        let segments = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        let method = request.method.rawValue
        let route = Route.match(method: method, segments: segments)
        let isAdmin = segments.first == "_mock"
        let isUpload = route == .upload
        let limit = isUpload ? configuration.maxUploadBytes : configuration.maxJSONBytes
        var mock = MockRequest(
            method: method, path: request.uri.string, segments: segments, headers: request.headers,
            authority: request.head.authority, body: [],
            remoteIP: remote ?? "unknown", scenario: Scenario(name: configuration.defaultScenario), faults: [])
        var response: Response
        do {
            if isUpload, MultipartParser.boundary(contentType: mock.header("content-type") ?? "") != nil {
                mock.bodyStream = request.body
            } else {
                mock.body = try await Self.collect(request.body, limit: limit)
            }
            (mock.scenario, mock.faults) = try await scenario(for: mock)
            response = try await dispatch(route, mock)
        } catch let failure as APIFailure {
            response = Self.json(failure.body, status: failure.status(mock.scenario.errors), headers: failure.headers)
        } catch is BodyTooLarge {
            let failure =
                isUpload
                ? APIFailure.fileTooLarge("upload", limit: limit)
                : APIFailure(envelope: .http(413), message: "Request body over \(limit) bytes: send less")
            response = Self.json(
                failure.body, status: failure.status(mock.scenario.errors), headers: [("connection", "close")])
        } catch {
            let failure = APIFailure(envelope: .http(400), message: "Could not read the request: \(error)")
            response = Self.json(failure.body, status: 400, headers: [("connection", "close")])
        }
        if !isAdmin { await journal(mock, arrival: arrival, status: Int(response.status.code)) }
        logger.debug(
            "request",
            metadata: [
                "http.method": .string(method), "http.path": .string(path),
                "http.status": .stringConvertible(response.status.code), "mock.scenario": .string(mock.scenario.name),
            ])
        return response
    }

    private func dispatch(_ route: Route?, _ request: MockRequest) async throws -> Response {
        guard let route else {
            if Route.pathExists(request.segments) {
                throw APIFailure(envelope: .http(405), message: "Method \(request.method) not allowed here")
            }
            throw APIFailure.notFound(request.path)
        }
        if !route.isAdmin {
            try await injectStatusFault(request)
            try await injectRequestFaults(request)
        }
        switch route {
        case .token: return try await token(request)
        case .session: return try await session(request)
        case .run: return try await run(request)
        case .upload: return try await upload(request)
        case .credits: return try await credits(request)
        case .state: return try await state(request)
        case .renderSubmit: return try await renderSubmit(request)
        case .renderPoll: return try await renderPoll(request)
        case .renderCancel: return try await renderCancel(request)
        case .renderDownload: return try await renderDownload(request)
        case .media: return try await media(request)
        case .admin(let action): return try await admin(action, request)
        }
    }

    /// Answers with a scenario's or header's `status` fault when one applies to this path.
    private func injectStatusFault(_ request: MockRequest) async throws {
        for (index, fault) in request.faults.enumerated() {
            guard case .status(let code, let path, let once) = fault,
                path == "*" || request.path.hasPrefix(path)
            else { continue }
            if once, await !store.shouldFire(onceKey: "\(request.scenario.name)#\(index)#\(code)#\(path)") { continue }
            let retry: [(String, String)] = code == 429 ? [("retry-after", "30")] : []
            let message = code == 429 ? "Rate limited: wait 30 s and retry once" : "Temporary server error: retry later"
            throw APIFailure(envelope: .http(code), message: message, headers: retry)
        }
    }

    /// The scenario and faults in force: header, then the session's own, then the admin choice, then the default.
    private func scenario(for request: MockRequest) async throws -> (Scenario, [Fault]) {
        var name = request.header("x-mock-scenario")
        if name == nil, let sessionId = sessionId(in: request) {
            name = await store.sessions[sessionId]?.scenario
        }
        if name == nil { name = await store.scenarioOverride }
        let chosen = name ?? configuration.defaultScenario
        guard let scenario = library.scenarios[chosen] else {
            throw APIFailure.badRequest("Unknown scenario '\(chosen)': GET /_mock/scenarios lists them")
        }
        var faults = scenario.faults
        if let header = request.header("x-mock-fault") {
            guard let extra = Fault.parseList(header) else {
                throw APIFailure.badRequest("Cannot read X-Mock-Fault '\(header)': see the README's fault list")
            }
            faults += extra
        }
        return (scenario, faults)
    }

    /// The session a request is about (path or `/run_sse` body), if any.
    func sessionId(in request: MockRequest) -> String? {
        switch Route.match(method: request.method, segments: request.segments) {
        case .upload, .state: return request.segments.last(where: { $0.allSatisfy(\.isNumber) && $0.count > 8 })
        case .run, .renderSubmit:
            let body = try? JSONParser.parse(request.body)
            return body?["session_id"]?.stringValue ?? body?["sessionId"]?.stringValue
        default: return nil
        }
    }

    private func journal(_ request: MockRequest, arrival: Double, status: Int) async {
        let headers = request.headers.map { field in
            (field.name.canonicalName, JournalEntry.redact(name: field.name.canonicalName, value: field.value))
        }
        let text = request.body.count <= 16_384 ? String(validating: request.body, as: UTF8.self) : nil
        let body: String
        if request.bodyStream != nil {
            body = "<\(request.header("content-length") ?? "chunked") bytes of multipart, streamed to disk>"
        } else if let text, !text.contains("\0") {
            body = text
        } else {
            body = "<\(request.body.count) bytes sha256:\(Checksum.sha256(request.body))>"
        }
        await store.record(
            JournalEntry(
                sequence: 0, time: arrival, method: request.method, path: request.path, headers: headers, body: body,
                status: status))
    }

    struct BodyTooLarge: Error {}

    /// Reads a request body, refusing it once it grows past `limit`.
    static func collect(_ body: RequestBody, limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await buffer in body {
            guard bytes.count + buffer.readableBytes <= limit else { throw BodyTooLarge() }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return bytes
    }

    /// A JSON response.
    static func json(_ value: JSONValue, status: Int = 200, headers: [(String, String)] = []) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        for (name, value) in headers { if let field = HTTPField.Name(name) { fields[field] = value } }
        return Response(
            status: HTTPResponse.Status(code: status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: value.jsonBytes)))
    }

    /// `{"code":0,"data":...}`.
    static func ok(_ data: JSONValue) -> Response {
        json(.object([("code", .int(0)), ("message", .string("success")), ("data", data)]))
    }
}
