import Foundation
import Logging
import NemoCore

extension NemoClient {
    /// The token to send: `NEMO_TOKEN`, a cached anonymous token, or a new one obtained now (and cached 0600).
    func currentToken() async throws -> BearerToken {
        if credentials == nil {
            credentials = try Credentials.resolve(environment: configuration.environment, folder: configuration.stateFolder)
        }
        switch credentials! {
        case .environment(let token): return token
        case .cached(let cached): return cached.token
        case .needsToken(let clientID, _):
            let cached = try await obtainToken(clientID: clientID)
            credentials = .cached(cached)
            return cached.token
        }
    }

    /// `POST /api/auth/anonymous-token` with the persisted client id; the token is cached with its expiry.
    func obtainToken(clientID: String) async throws -> CachedToken {
        let folder = configuration.stateFolder
        let payload = try await perform(.token) { _ in
            // A replay after HTTP 400 uses the client id the store holds now (a new one).
            let id = (try? ClientIDStore(folder: folder).load()) ?? nil
            var request = HTTPRequest(method: .post, url: self.url("/api/auth/anonymous-token"), body: .json(text: "{}"))
            request.headers.add(name: "X-Client-Id", value: id ?? clientID)
            return request
        }
        let response = try TokenResponse(wire: payload)
        let cached = CachedToken(response: response, obtainedAt: Date(), clientID: clientID)
        try TokenCache(folder: folder).store(cached)
        logger?.info("nemo token obtained", metadata: ["nemo.token.expires": "\(cached.expiresAt)"])
        return cached
    }

    /// Makes sure there is a session: the current one, or a new one in the language of `text`.
    @discardableResult
    public func ensureSession(for text: String = "") async throws -> LastSession {
        if let session { return session }
        return try await startSession(language: LanguageDetector.detect(text))
    }

    /// Creates a new session (`POST /api/tasks/me/with-session/nemo_agent`) and remembers it for later invocations.
    @discardableResult
    public func startSession(language: String) async throws -> LastSession {
        sessionLanguage = language
        let body = APIRequestBody.session(language: language)
        let payload = try await perform(.session) { _ in
            self.request(.post, "/api/tasks/me/with-session/nemo_agent", body: .json(text: body.jsonText))
        }
        let response = try SessionResponse(wire: payload)
        let started = LastSession(
            sessionID: response.sessionID, taskID: response.taskID, profile: configuration.profile.slug,
            baseURL: configuration.baseURL.absoluteString, savedAt: Date())
        session = started
        try lastSessionStore.save(started)
        logger?.info("nemo session created", metadata: ["nemo.session": "\(started.sessionID)", "nemo.language": "\(language)"])
        return started
    }

    /// The session remembered from an earlier invocation for this profile and service, if any.
    public func rememberedSession() throws -> LastSession? {
        try lastSessionStore.load(profile: configuration.profile.slug, baseURL: configuration.baseURL.absoluteString)
    }

    /// Forgets the remembered session (`--new-session`).
    public func forgetSession() throws {
        session = nil
        try lastSessionStore.clear()
    }

    /// `GET /api/credits/balance/simple`.
    public func credits() async throws -> CreditBalance {
        let payload = try await perform(.credits) { _ in self.request(.get, "/api/credits/balance/simple") }
        return try CreditBalance(wire: payload)
    }

    /// `GET /api/state/nemo_agent/me/<sid>/latest`: the draft and media of the current session.
    public func state() async throws -> SessionState {
        try await ensureSession()
        let payload = try await perform(.state) { parts in
            self.request(.get, "/api/state/nemo_agent/me/\(parts.sessionID ?? "")/latest")
        }
        return try SessionState(wire: payload)
    }
}
