/// What a request fault does before the request is answered: the service-side events a client meets mid-run.
public enum RequestFault: Sendable, Equatable {
    /// Answer with this body code (1001, 1002, 2001, 4001 or 4002) in its documented envelope.
    case code(Int)
    /// The request's token expires now (a real 1001 follows); its client id may get a new token at once, which
    /// keeps the same user, credits and sessions, as after the documented 7 days.
    case expireToken
    /// The session the request names is forgotten (a real 1002 follows).
    case loseSession

    /// The body codes `code` accepts.
    public static let codes: Set<Int> = [1001, 1002, 2001, 4001, 4002]

    /// The fault's first word.
    var word: String {
        switch self {
        case .code(let code): "code \(code)"
        case .expireToken: "expire-token"
        case .loseSession: "lose-session"
        }
    }

    /// Parses `code <N> <path> once|always`, `expire-token <path> once|always`, `lose-session <path> once|always`.
    static func parse(_ words: [String]) -> Fault? {
        guard let mode = words.last, ["once", "always"].contains(mode) else { return nil }
        let kind: RequestFault
        switch words[0] {
        case "code":
            guard let code = Int(words[1]), codes.contains(code) else { return nil }
            kind = .code(code)
        case "expire-token": kind = .expireToken
        case "lose-session": kind = .loseSession
        default: return nil
        }
        return .request(kind, path: words[words.count - 2], once: mode == "once")
    }
}
