public import Foundation

/// Decides what the client does about a failed request: consults ``RecoveryTable`` and applies the rules the table
/// cannot hold alone. A client loop asks it after each failure and records the answer in the request's
/// ``RecoveryHistory``:
///
/// ```swift
/// var context = RecoveryContext(kind: .state)
/// while true {
///     do { return try await send() } catch let failure {
///         let action = policy.action(for: failure, context: context)
///         context.history.record(action)
///         switch action { case .fail(let error): throw error; case .replay(let delay, _): try await sleep(delay) ... }
///     }
/// }
/// ```
///
/// Rules:
/// - `/run_sse` is **never** re-sent once the service accepted it (HTTP 200 and the stream began): any failure then
///   is ``RecoveryAction/reconcileStream``. Refused before any work began (1001, 1002, 429, or a connection that
///   never reached the service) it is replayed as the table says; a server error or a connection broken after the
///   request was sent may have started the run, so it is reconciled too, never re-sent.
/// - "Replay once": a remedy is applied at most ``RecoveryRule/replays`` times per request, then the error stops.
/// - 1001 with `NEMO_TOKEN` from the environment stops at once: a new anonymous token would silently replace the
///   user's own account.
/// - 429 waits `Retry-After` (seconds or an HTTP date), else ``rateLimitDelay``; a wait longer than
///   ``maximumRateLimitDelay`` (the token endpoint answers days) stops with the time to wait instead.
/// - 5xx and network errors are retried with ``Backoff`` on requests in ``safeRequests`` (reads and cancel by
///   default), and on any request that never reached the service; other requests stop.
public struct RetryPolicy: Sendable, Hashable {
    /// Exponential backoff: `initialDelay × multiplier^(n-1)` before retry `n`, at most `maximumDelay`, at most
    /// `maximumRetries` retries. No jitter: the client is one user's process, and tests stay deterministic.
    public struct Backoff: Sendable, Hashable {
        /// The wait before the first retry.
        public var initialDelay: Duration
        /// The factor between consecutive waits.
        public var multiplier: Double
        /// The longest wait.
        public var maximumDelay: Duration
        /// How many retries at most.
        public var maximumRetries: Int

        /// Creates a backoff (defaults: 1 s, ×2, at most 30 s, 3 retries: waits of 1, 2 and 4 s).
        public init(
            initialDelay: Duration = .seconds(1), multiplier: Double = 2, maximumDelay: Duration = .seconds(30),
            maximumRetries: Int = 3
        ) {
            self.initialDelay = initialDelay
            self.multiplier = max(1, multiplier)
            self.maximumDelay = maximumDelay
            self.maximumRetries = max(0, maximumRetries)
        }

        /// The wait before retry `retry` (1-based).
        public func delay(forRetry retry: Int) -> Duration {
            let factor = pow(multiplier, Double(max(0, retry - 1)))
            let seconds = min(initialDelay.seconds * factor, maximumDelay.seconds)
            return .milliseconds(Int64((seconds * 1000).rounded()))
        }
    }

    /// Backoff for server and network errors.
    public var backoff: Backoff
    /// The wait after a 429 without `Retry-After` (documented: 30 s).
    public var rateLimitDelay: Duration
    /// The longest 429 wait the client accepts before stopping instead.
    public var maximumRateLimitDelay: Duration
    /// The requests retried after a server or network error.
    public var safeRequests: Set<RequestKind>

    /// Creates a policy; every parameter has the documented default.
    public init(
        backoff: Backoff = Backoff(), rateLimitDelay: Duration = .seconds(30),
        maximumRateLimitDelay: Duration = .seconds(300),
        safeRequests: Set<RequestKind> = Set(RequestKind.allCases.filter(\.isIdempotent))
    ) {
        self.backoff = backoff
        self.rateLimitDelay = rateLimitDelay
        self.maximumRateLimitDelay = maximumRateLimitDelay
        self.safeRequests = safeRequests
    }

    /// What to do about `signal` on the request described by `context`; `now` resolves an HTTP-date `Retry-After`.
    public func action(for signal: FailureSignal, context: RecoveryContext, now: Date = Date()) -> RecoveryAction {
        if context.kind == .message, context.streamAccepted {
            return .reconcileStream
        }
        let rule = RecoveryTable.rule(for: signal, kind: context.kind)
        let used = context.history.count(rule.remedy)
        let allowed = rule.replays ?? backoff.maximumRetries
        let failure = { (retryAfter: Duration?) in
            RecoveryAction.fail(
                NemoAPIError(rule: rule, signal: signal, context: context, retryAfter: retryAfter, exhausted: used > 0))
        }
        switch rule.remedy {
        case .stop:
            return failure(nil)
        case .reauthenticate:
            guard context.credentials == .anonymous, used < allowed else { return failure(nil) }
            return .reauthenticateAndReplay
        case .newSession:
            return used < allowed ? .newSessionAndReplay : failure(nil)
        case .newClientID:
            return used < allowed ? .newClientIDAndReplay : failure(nil)
        case .newRenderID:
            return used < allowed ? .newRenderIDAndReplay : failure(nil)
        case .waitAndReplay:
            let delay = signal.retryAfter.flatMap { RetryAfter.parse($0, now: now) } ?? rateLimitDelay
            guard delay <= maximumRateLimitDelay, used < allowed else { return failure(delay) }
            return .replay(after: delay, remedy: .waitAndReplay)
        case .backoffIfSafe:
            guard safeRequests.contains(context.kind) || signal.neverReachedService else {
                return context.kind == .message ? .reconcileStream : failure(nil)
            }
            guard used < allowed else { return failure(nil) }
            return .replay(after: backoff.delay(forRetry: used + 1), remedy: .backoffIfSafe)
        }
    }
}
