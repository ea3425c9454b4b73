/// An error answer in one of the service's documented shapes, thrown by handlers.
struct APIFailure: Error, Sendable {
    /// The body's shape.
    enum Envelope: Sendable {
        /// `{"code":N,"message":...,"data":...}` with a body code (status chosen by the scenario).
        case code(Int)
        /// `{"code":S,"message":...}` with a plain HTTP status.
        case http(Int)
        /// `{"success":false,"error":{"code":...,"message":...}}` (render endpoints).
        case render(status: Int, code: String)
    }

    var envelope: Envelope
    var message: String
    var data: JSONValue?
    var headers: [(String, String)] = []

    /// The HTTP status under `errors` mode.
    func status(_ errors: Scenario.ErrorStatus) -> Int {
        switch envelope {
        case .code(let code):
            guard errors == .http else { return 200 }
            return [1001: 401, 1002: 404, 2001: 403, 4001: 415, 4002: 413][code] ?? 400
        case .http(let status): return status
        case .render(let status, _): return status
        }
    }

    /// The JSON body.
    var body: JSONValue {
        switch envelope {
        case .code(let code), .http(let code):
            var members: [(String, JSONValue)] = [("code", .int(code)), ("message", .string(message))]
            if let data { members.append(("data", data)) }
            return .object(members)
        case .render(_, let code):
            return .object([
                ("success", .bool(false)),
                ("error", .object([("code", .string(code)), ("message", .string(message))])),
            ])
        }
    }

    static func badRequest(_ message: String) -> APIFailure { APIFailure(envelope: .http(400), message: message) }

    static let missingClientId = APIFailure(
        envelope: .http(400), message: "X-Client-Id header is required: generate a UUID once, keep it, and send it")

    static func rateLimited(retryAfter: Int, _ message: String) -> APIFailure {
        APIFailure(envelope: .http(429), message: message, headers: [("retry-after", String(retryAfter))])
    }

    static let tokenInvalid = APIFailure(
        envelope: .code(1001), message: "Token invalid: get a new anonymous token and retry once")
    static let tokenExpired = APIFailure(
        envelope: .code(1001), message: "Token expired: get a new anonymous token and retry once")
    static let sessionNotFound = APIFailure(
        envelope: .code(1002), message: "Session not found: create a new session and retry once")

    static func noCredits(bind: String) -> APIFailure {
        APIFailure(
            envelope: .code(2001),
            message: "Out of credits: register to get more at https://nemovideo.ai/register?bind=\(bind)",
            data: .object([
                ("bind", .string(bind)),
                ("register_url", .string("https://nemovideo.ai/register?bind=\(bind)")),
            ]))
    }

    static func unsupportedType(_ name: String) -> APIFailure {
        APIFailure(
            envelope: .code(4001),
            message:
                "Unsupported file type for '\(name)': use one of \(FileInspector.accepted.joined(separator: ", "))",
            data: .object([("accepted", .array(FileInspector.accepted.map { .string($0) }))]))
    }

    static func fileTooLarge(_ name: String, limit: Int) -> APIFailure {
        APIFailure(
            envelope: .code(4002),
            message: "File too large: '\(name)' exceeds \(limit / 1_048_576) MB; compress or trim it",
            data: .object([("max_bytes", .int(limit))]))
    }

    static let exportBlocked = APIFailure(
        envelope: .render(status: 402, code: "export_blocked"),
        message: "Free plan export blocked: register or upgrade your plan to unlock export")

    static let attributionMissing = APIFailure(
        envelope: .render(status: 402, code: "attribution_required"),
        message: "Export needs the X-Skill-Source, X-Skill-Version and X-Skill-Platform headers")

    static func render(_ status: Int, _ code: String, _ message: String) -> APIFailure {
        APIFailure(envelope: .render(status: status, code: code), message: message)
    }

    static func notFound(_ path: String) -> APIFailure {
        APIFailure(envelope: .http(404), message: "No such endpoint: \(path)")
    }
}
