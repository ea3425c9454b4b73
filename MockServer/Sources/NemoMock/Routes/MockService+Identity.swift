import HTTPTypes
import HummingbirdCore

extension MockService {
    /// `POST /api/auth/anonymous-token`: one token per client id per 7 days, a cap per IP.
    func token(_ request: MockRequest) async throws -> Response {
        guard let clientId = request.header("x-client-id")?.trimmingSpaces, !clientId.isEmpty else {
            throw APIFailure.missingClientId
        }
        let (token, record) = try await store.issueToken(clientId: String(clientId), ip: request.remoteIP)
        return Self.ok(
            .object([
                ("token", .string(token)),
                ("user_id", .string(record.userId)),
                ("expires_at", .string(Timestamp.iso8601(record.expiresAt))),
                ("credits", .int(configuration.creditsPerToken)),
            ]))
    }

    /// `POST /api/tasks/me/with-session/nemo_agent`: a new session.
    func session(_ request: MockRequest) async throws -> Response {
        let userId = try await store.authenticate(request.header("authorization"))
        let body = try request.jsonObject()
        let language = body["language"]?.stringValue ?? "en"
        let scenario = request.header("x-mock-scenario")
        let session = await store.createSession(userId: userId, language: language, scenario: scenario)
        return Self.ok(
            .object([
                ("task_id", .string(session.taskId)),
                ("session_id", .string(session.sessionId)),
                ("user_id", .string(userId)),
                ("task_name", body["task_name"] ?? .string("project")),
                ("language", .string(language)),
            ]))
    }

    /// `GET /api/credits/balance/simple`.
    func credits(_ request: MockRequest) async throws -> Response {
        let userId = try await store.authenticate(request.header("authorization"))
        let balance = await store.credits(userId: userId)
        return Self.ok(
            .object([
                ("available", .int(balance.available)), ("frozen", .int(balance.frozen)),
                ("total", .int(balance.total)),
            ]))
    }

    /// `GET /api/state/nemo_agent/me/<sid>/latest`.
    func state(_ request: MockRequest) async throws -> Response {
        let userId = try await store.authenticate(request.header("authorization"))
        let session = try await store.session(request.segments[4], userId: userId)
        return Self.ok(
            .object([
                ("id", .string(session.sessionId)),
                ("appName", .string("nemo_agent")),
                ("userId", .string("me")),
                ("state", session.state),
                ("lastUpdateTime", .number(Timestamp.seconds(session.lastUpdate))),
            ]))
    }
}
