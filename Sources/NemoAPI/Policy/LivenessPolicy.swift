/// Decides, while a message stream is open, whether to keep waiting, tell the user "⏳ Still working...", or
/// give up: a notice after every 2 minutes without progress (heartbeats only, or nothing), a timeout after
/// 10 minutes without progress, and a hard limit of 15 minutes from the start.
///
/// A pure value: the stream reader feeds it each event's kind with the time since the stream started, and also
/// calls it with ``Activity/tick`` from a timer (``nextCheck`` says when), since silence sends no events.
/// "Progress" is anything but a heartbeat: text, a tool call or result, a state change. Once timed out it stays
/// timed out.
public struct LivenessPolicy: Sendable, Hashable {
    /// The limits (configurable for tests).
    public struct Configuration: Sendable, Hashable {
        /// How often to tell the user the run is still going, without progress (documented: 2 min).
        public var noticeInterval: Duration
        /// Time without progress after which the run counts as timed out (documented: 10 min).
        public var idleTimeout: Duration
        /// Time from the start after which the stream is given up (documented: 15 min).
        public var hardLimit: Duration

        /// Creates limits; the defaults are the documented values.
        public init(
            noticeInterval: Duration = .seconds(120), idleTimeout: Duration = .seconds(600),
            hardLimit: Duration = .seconds(900)
        ) {
            self.noticeInterval = noticeInterval
            self.idleTimeout = idleTimeout
            self.hardLimit = hardLimit
        }
    }

    /// What happened on the stream.
    public enum Activity: Sendable, Hashable {
        /// Text, a tool call or result, a state change: the run is moving.
        case progress
        /// A heartbeat payload or an empty `data:` line.
        case heartbeat
        /// Nothing: a timer fired.
        case tick
    }

    /// Why the stream was given up.
    public enum Timeout: Sendable, Hashable {
        /// No progress for ``Configuration/idleTimeout``.
        case noProgress
        /// ``Configuration/hardLimit`` reached.
        case hardLimit
    }

    /// What the reader does.
    public enum Verdict: Sendable, Hashable {
        /// Keep reading.
        case keepWaiting
        /// Show this notice (``stillWorking``), keep reading.
        case notify(String)
        /// Stop reading: the run timed out (then reconcile with the state; never re-send).
        case timedOut(Timeout)
    }

    /// The notice shown every 2 minutes without progress.
    public static let stillWorking = "⏳ Still working..."

    /// The limits.
    public let configuration: Configuration
    /// When the last progress arrived (the start counts as progress).
    public private(set) var lastProgress: Duration = .zero
    /// When the last notice was given (or the last progress, whichever is later).
    public private(set) var lastNotice: Duration = .zero
    /// The timeout, once it happened.
    public private(set) var timeout: Timeout?

    /// Creates a policy for a stream starting at time zero.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Takes one activity at `elapsed` (time since the stream started) and says what to do.
    public mutating func observe(_ activity: Activity, at elapsed: Duration) -> Verdict {
        if let timeout { return .timedOut(timeout) }
        if elapsed >= configuration.hardLimit {
            timeout = .hardLimit
            return .timedOut(.hardLimit)
        }
        if activity == .progress {
            lastProgress = max(lastProgress, elapsed)
            lastNotice = max(lastNotice, elapsed)
            return .keepWaiting
        }
        if elapsed - lastProgress >= configuration.idleTimeout {
            timeout = .noProgress
            return .timedOut(.noProgress)
        }
        if elapsed - lastNotice >= configuration.noticeInterval {
            lastNotice = elapsed
            return .notify(Self.stillWorking)
        }
        return .keepWaiting
    }

    /// The next time (since the stream started) at which a ``Activity/tick`` could change the verdict.
    public var nextCheck: Duration {
        min(
            lastNotice + configuration.noticeInterval, lastProgress + configuration.idleTimeout,
            configuration.hardLimit)
    }

    /// The error for a timeout, for the user.
    public func error(for timeout: Timeout) -> NemoAPIError {
        let text: String
        switch timeout {
        case .noProgress:
            text = "The run timed out: only heartbeats for \(DurationText.describe(configuration.idleTimeout)). "
        case .hardLimit:
            text = "The run passed the \(DurationText.describe(configuration.hardLimit)) limit. "
        }
        return NemoAPIError(
            code: .streamTimedOut,
            message: text + "nemo checks the session state for what was done; do not send the request again "
                + "unless nothing changed.")
    }
}
