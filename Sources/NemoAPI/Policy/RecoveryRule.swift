/// One row of the recovery table: which failure it covers, the error it is, and what the client does about it.
public struct RecoveryRule: Sendable, Hashable {
    /// Which failures a rule covers.
    public enum Trigger: Sendable, Hashable {
        /// A service body code (`{"code":1001,...}`), whatever the HTTP status.
        case bodyCode(Int)
        /// A render endpoint's error name (`{"success":false,"error":{"code":"export_blocked"}}`).
        case renderError(String)
        /// ADK's `404 {"detail":"Session not found: ..."}` (the run API's own form of 1002).
        case sessionNotFoundDetail
        /// One HTTP status, when the body names no code.
        case httpStatus(Int)
        /// A range of HTTP statuses, when the body names no code.
        case httpStatuses(ClosedRange<Int>)
        /// No usable answer (connection failed or broke).
        case network
    }

    /// What the client does.
    public enum Remedy: String, Sendable, Hashable, CaseIterable {
        /// Get a new anonymous token, then replay.
        case reauthenticate
        /// Create a new session, then replay.
        case newSession
        /// Generate a new client id, then replay.
        case newClientID
        /// Wait (`Retry-After`, else the configured delay), then replay.
        case waitAndReplay
        /// Replay with exponential backoff if the request is safe to repeat; otherwise stop.
        case backoffIfSafe
        /// Submit the render again with a new id.
        case newRenderID
        /// Stop with the error's message.
        case stop
    }

    /// The failures covered.
    public var trigger: Trigger
    /// The error they are.
    public var code: NemoAPIError.Code
    /// What the client does.
    public var remedy: Remedy
    /// How many times the remedy may be applied to one request; `nil` for ``Remedy/backoffIfSafe``, whose
    /// bound is ``RetryPolicy/Backoff/maximumRetries``.
    public var replays: Int?
    /// The requests the rule is for; `nil` for every request.
    public var requests: Set<RequestKind>?
    /// The row as the documents state it, for people.
    public var meaning: String

    /// Creates a rule.
    public init(
        _ trigger: Trigger, _ code: NemoAPIError.Code, _ remedy: Remedy, replays: Int? = nil,
        requests: Set<RequestKind>? = nil, meaning: String
    ) {
        self.trigger = trigger
        self.code = code
        self.remedy = remedy
        self.replays = replays ?? (remedy == .stop ? 0 : (remedy == .backoffIfSafe ? nil : 1))
        self.requests = requests
        self.meaning = meaning
    }

    /// Whether the rule covers `signal` on a request of `kind`.
    public func matches(_ signal: FailureSignal, kind: RequestKind) -> Bool {
        if let requests, !requests.contains(kind) { return false }
        switch (trigger, signal) {
        case (.network, .network): return true
        case (.network, .service), (_, .network): return false
        case (.bodyCode(let code), .service(let failure)): return failure.bodyCode == code
        case (.renderError(let name), .service(let failure)):
            return failure.bodyCode == nil && failure.errorName?.lowercased() == name
        case (.sessionNotFoundDetail, .service(let failure)):
            return failure.bodyCode == nil && failure.httpStatus == 404
                && (failure.message?.lowercased().contains("session not found") ?? false)
        case (.httpStatus(let status), .service(let failure)):
            return failure.bodyCode == nil && failure.httpStatus == status
        case (.httpStatuses(let range), .service(let failure)):
            return failure.bodyCode == nil && range.contains(failure.httpStatus)
        }
    }
}
