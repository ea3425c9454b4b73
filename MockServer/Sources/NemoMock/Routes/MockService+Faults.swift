import NemoCore

extension MockService {
    /// Applies the request faults (``RequestFault``) that match this request's path, before it is answered.
    ///
    /// `code` answers at once; `expire-token` and `lose-session` change the store, so the handler itself then
    /// answers 1001 or 1002 as it would for a token or session that really ran out.
    func injectRequestFaults(_ request: MockRequest) async throws {
        for (index, fault) in request.faults.enumerated() {
            guard case .request(let kind, let path, let once) = fault, path == "*" || request.path.hasPrefix(path)
            else { continue }
            if once, await !store.shouldFire(onceKey: "\(request.scenario.name)#\(index)#\(kind.word)#\(path)") {
                continue
            }
            switch kind {
            case .code(let code):
                throw await failure(code: code, for: request)
            case .expireToken:
                await store.expireToken(authorization: request.header("authorization"))
            case .loseSession:
                if let sessionId = sessionId(in: request) { await store.forgetSession(sessionId) }
            }
        }
    }

    /// The documented answer for body code `code`, with the data a real one carries.
    private func failure(code: Int, for request: MockRequest) async -> APIFailure {
        switch code {
        case 1001: return .tokenInvalid
        case 1002: return .sessionNotFound
        case 2001: return .noCredits(bind: await store.bind(authorization: request.header("authorization")))
        case 4001: return .unsupportedType("upload")
        default:
            let limit = (request.profile.flatMap(ProductProfile.named) ?? ProductProfile.default).maxUploadBytes
            return .fileTooLarge("upload", limit: limit)
        }
    }
}
