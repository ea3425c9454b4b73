import Foundation
import HTTPTypes
import HummingbirdCore

extension MockService {
    /// `POST /api/render/proxy/lambda`: starts an export (free; needs the attribution headers).
    func renderSubmit(_ request: MockRequest) async throws -> Response {
        let userId = try await store.authenticate(request.header("authorization"))
        guard request.hasAttribution else { throw APIFailure.attributionMissing }
        guard !request.scenario.exportBlocked else { throw APIFailure.exportBlocked }
        let body = try request.jsonObject()
        guard let id = body["id"]?.stringValue, Self.isSafeId(id) else {
            throw APIFailure.render(
                400, "invalid_id", "Give an id of letters, digits, '_', '-' or '.', e.g. render_<ts>")
        }
        guard let sessionId = body["sessionId"]?.stringValue else {
            throw APIFailure.render(400, "invalid_session", "sessionId is required")
        }
        let session = try await store.session(sessionId, userId: userId)
        guard let tracks = body["draft"]?["t"]?.arrayValue,
            tracks.contains(where: { !($0["sg"]?.arrayValue ?? []).isEmpty })
        else {
            throw APIFailure.render(
                400, "empty_draft", "The draft has no track with segments: read the state and send data.state.draft")
        }
        if let format = body["output"]?["format"]?.stringValue, format.lowercased() != "mp4" {
            throw APIFailure.render(400, "unsupported_format", "Only mp4 output is available")
        }
        let script = library.transcripts[request.scenario.render]?.renderStates ?? []
        let local = configuration.draftRenderer.map { _ in
            LocalRender(path: uploadRoot.appendingPathComponent("renders/\(id).mp4").path)
        }
        let snapshot = try await store.submitRender(
            id: id, sessionId: sessionId, userId: userId, states: script, pollShape: request.scenario.poll,
            local: local)
        if let local, let draft = body["draft"] {
            startDraftRender(id: id, draft: draft, canvas: session.state["canvas_config"], path: local.path)
        }
        return Self.json(
            .object([
                ("success", .bool(true)),
                (
                    "data",
                    .object([
                        ("id", .string(id)), ("status", .string(snapshot.status)),
                        ("progress", .int(snapshot.progress)),
                        ("createdAt", .string(Timestamp.iso8601(snapshot.record.submittedAt))),
                    ])
                ),
            ]))
    }

    /// `GET /api/render/proxy/lambda/<id>`: the job's status in the scenario's poll shape.
    func renderPoll(_ request: MockRequest) async throws -> Response {
        let userId = try await store.authenticate(request.header("authorization"))
        if clock.scale == 0 { await waitForDraftRender(id: request.segments[4]) }
        let snapshot = try await store.pollRender(id: request.segments[4], userId: userId, advance: true)
        return Self.json(pollBody(snapshot, shape: request.scenario.poll, base: request.baseURL))
    }

    /// `POST /api/render/proxy/lambda/<id>/cancel`.
    func renderCancel(_ request: MockRequest) async throws -> Response {
        let userId = try await store.authenticate(request.header("authorization"))
        let snapshot = try await store.cancelRender(id: request.segments[4], userId: userId)
        return Self.json(pollBody(snapshot, shape: request.scenario.poll, base: request.baseURL))
    }

    /// `GET /api/render/proxy/<id>/download`: the fallback download of a completed render.
    func renderDownload(_ request: MockRequest) async throws -> Response {
        let userId = try await store.authenticate(request.header("authorization"))
        let snapshot = try await store.pollRender(id: request.segments[3], userId: userId, advance: false)
        guard snapshot.status == "completed" else {
            throw APIFailure.render(409, "not_ready", "Render is \(snapshot.status): poll until it is completed")
        }
        return try file(await renderOutputURL(id: snapshot.record.id), request: request)
    }

    /// The poll body in one of the two documented shapes.
    func pollBody(_ snapshot: RenderSnapshot, shape: Scenario.PollShape, base: String) -> JSONValue {
        let id = snapshot.record.id
        let url: JSONValue = snapshot.status == "completed" ? .string("\(base)/media/renders/\(id).mp4") : .null
        let created = JSONValue.string(Timestamp.iso8601(snapshot.record.submittedAt))
        let completed = snapshot.completedAt.map { JSONValue.string(Timestamp.iso8601($0)) } ?? .null
        let error = snapshot.message.map { JSONValue.string($0) } ?? .null
        switch shape {
        case .data:
            return .object([
                ("success", .bool(true)),
                (
                    "data",
                    .object([
                        ("id", .string(id)), ("status", .string(snapshot.status)),
                        ("progress", .int(snapshot.progress)),
                        ("outputUrl", url), ("createdAt", created), ("completedAt", completed), ("error", error),
                    ])
                ),
            ])
        case .top:
            let output: JSONValue = url == .null ? .null : .object([("url", url), ("format", .string("mp4"))])
            return .object([
                ("success", .bool(true)), ("id", .string(id)), ("status", .string(snapshot.status)),
                ("progress", .int(snapshot.progress)), ("output", output), ("createdAt", created),
                ("completedAt", completed), ("error", error),
            ])
        }
    }

    /// Whether a client-chosen id is safe to put in a path.
    static func isSafeId(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 128 && !id.hasPrefix(".")
            && id.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
                        || $0 == "_" || $0 == "-" || $0 == ".")
            }
    }
}
