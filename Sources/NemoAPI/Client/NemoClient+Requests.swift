import Foundation
import Logging
import NemoCore

extension NemoClient {
    /// The parts of a request that change when the client recovers: the token and the session id.
    struct Credentialled: Sendable {
        /// The bearer token (nil for the token request itself).
        let token: BearerToken?
        /// The session id in use, when there is one.
        let sessionID: String?
    }

    /// Sends one request and returns the payload of a successful answer, recovering from failures as
    /// ``RetryPolicy`` decides: a new token (1001), a new session (1002), a new client id (400 on the token request),
    /// waiting (429), backoff (5xx and network errors on requests safe to repeat). `build` is called again for every
    /// attempt, so a replay carries the new token or session id.
    func perform(
        _ kind: RequestKind, fileName: String? = nil,
        progress: (@Sendable (TransferProgress) -> Void)? = nil,
        _ build: @Sendable (Credentialled) throws -> HTTPRequest
    ) async throws -> JSONValue {
        var context = RecoveryContext(kind: kind, fileName: fileName, maxUploadBytes: configuration.profile.maxUploadBytes)
        while true {
            let token = kind == .token ? nil : try await currentToken()
            context.credentials = credentials?.origin ?? .anonymous
            var request = try build(Credentialled(token: token, sessionID: session?.sessionID))
            decorate(&request, token: token)
            logger?.trace(
                "nemo request", metadata: ["nemo.request": "\(kind.rawValue)", "http.url": "\(Redaction.url(request.url))"])
            let signal: FailureSignal
            do {
                let response = try await transport.send(request, progress: progress)
                switch Self.envelope(response) {
                case .success(let payload): return payload
                case .failure(let failure):
                    signal = .service(failure)
                    if let bind = failure.data?["bind"]?.stringValue { context.bindID = bind }
                }
            } catch {
                if error.code == .cancelled { throw CancellationError() }
                signal = .network(NetworkFailure(phase: Self.phase(of: error), reason: error.description))
            }
            let action = configuration.retryPolicy.action(for: signal, context: context)
            context.history.record(action)
            logger?.debug(
                "nemo request recovering",
                metadata: ["nemo.request": "\(kind.rawValue)", "nemo.action": "\(Redaction.redact("\(action)"))"])
            try await apply(action)
        }
    }

    /// Carries out a recovery action that ends in a replay; throws for the actions that stop.
    func apply(_ action: RecoveryAction) async throws {
        switch action {
        case .fail(let error):
            throw error
        case .reauthenticateAndReplay:
            try TokenCache(folder: configuration.stateFolder).remove()
            credentials = nil
        case .newSessionAndReplay:
            try await startSession(language: sessionLanguage)
        case .newClientIDAndReplay:
            _ = try ClientIDStore(folder: configuration.stateFolder).replace()
            credentials = nil
        case .newRenderIDAndReplay:
            throw NemoAPIError(code: .duplicateRenderID, message: "The render id was already used.")
        case .replay(let delay, _):
            try await configuration.sleeper.sleep(for: delay)
        case .reconcileStream:
            throw NemoAPIError(code: .network, message: "The message stream broke.")
        }
    }

    /// Adds the headers every request carries: attribution, the token, JSON accept.
    func decorate(_ request: inout HTTPRequest, token: BearerToken?) {
        for header in attribution.headers where !request.headers.contains(header.name) {
            request.headers.add(name: header.name, value: header.value)
        }
        if let token { request.headers.setBearerToken(token.rawValue) }
        if !request.headers.contains("Accept") { request.headers.add(name: "Accept", value: "application/json") }
        if request.timeouts == nil { request.timeouts = configuration.requestTimeouts }
    }

    /// Reads an answer's envelope; an empty or non-JSON body counts by its HTTP status alone.
    static func envelope(_ response: HTTPResponse) -> APIEnvelope {
        let body = try? JSONValue(parsingUTF8: response.body)
        return APIEnvelope(httpStatus: response.status, body: body, retryAfter: response.headers["Retry-After"])
    }

    /// Whether a transport failure happened before the request could reach the service (as curl measured it).
    static func phase(of error: TransportError) -> NetworkFailure.Phase {
        error.requestSent ? .afterSending : .beforeSending
    }

    /// A request to the service's `path`.
    nonisolated func request(
        _ method: HTTPMethod, _ path: String, body: HTTPBody = .none, headers: HTTPHeaders = HTTPHeaders()
    ) -> HTTPRequest {
        HTTPRequest(method: method, url: url(path), headers: headers, body: body)
    }
}
