/// What the client does next about a failed request, as ``RetryPolicy`` decides it.
public enum RecoveryAction: Sendable, Hashable {
    /// Forget the token (and its cache), get a new anonymous token, then send the request again.
    case reauthenticateAndReplay
    /// Create a new session (and remember it), then send the request again with its id.
    case newSessionAndReplay
    /// Generate and persist a new client id, then ask for a token again.
    case newClientIDAndReplay
    /// Submit the render again with a new id.
    case newRenderIDAndReplay
    /// Wait, then send the same request again; `remedy` is ``RecoveryRule/Remedy/waitAndReplay`` (429) or
    /// ``RecoveryRule/Remedy/backoffIfSafe`` (a server or network error on a request safe to repeat).
    case replay(after: Duration, remedy: RecoveryRule.Remedy)
    /// The message may be running: do **not** send it again; follow ``StreamRecovery`` (read the state and report
    /// what changed).
    case reconcileStream
    /// Stop and show the error's message.
    case fail(NemoAPIError)

    /// The remedy this action applies, for counting (``RecoveryHistory``); `nil` for ``fail(_:)`` and
    /// ``reconcileStream``.
    public var remedy: RecoveryRule.Remedy? {
        switch self {
        case .reauthenticateAndReplay: .reauthenticate
        case .newSessionAndReplay: .newSession
        case .newClientIDAndReplay: .newClientID
        case .newRenderIDAndReplay: .newRenderID
        case .replay(_, let remedy): remedy
        case .reconcileStream, .fail: nil
        }
    }
}
