/// The documented recovery for a message stream that dropped, failed or ended silently, without ever re-sending
/// the message: wait 30 s and read the state; if the draft changed, report the change; if not, wait 60 s and read
/// again; after 5 unchanged reads (about 5 minutes) give up, report the failure and offer a retry.
///
/// A pure state machine: ``start()`` says how long to wait, each ``observe(_:)`` takes what a state read found
/// and says what next. ``run(sleeper:readState:)`` drives it with an injectable ``Sleeper``. A failed read counts
/// as an unchanged read.
public struct StreamRecovery: Sendable {
    /// The schedule (every duration configurable for tests).
    public struct Configuration: Sendable, Hashable {
        /// The wait before the first read (documented: 30 s).
        public var firstWait: Duration
        /// The wait between later reads (documented: 60 s).
        public var nextWait: Duration
        /// Unchanged reads before giving up (documented: 5).
        public var maximumUnchangedReads: Int

        /// Creates a schedule; defaults are the documented values.
        public init(
            firstWait: Duration = .seconds(30), nextWait: Duration = .seconds(60), maximumUnchangedReads: Int = 5
        ) {
            self.firstWait = firstWait
            self.nextWait = nextWait
            self.maximumUnchangedReads = max(1, maximumUnchangedReads)
        }

        /// The time from the start to the last read when nothing changes (30 + 4 × 60 s = 4.5 min by default).
        public var totalWait: Duration {
            firstWait + nextWait * (maximumUnchangedReads - 1)
        }
    }

    /// What to do next.
    public enum Step: Sendable, Hashable {
        /// Wait this long, then read the state and call ``observe(_:)`` (or ``observeReadFailure(_:)``).
        case wait(Duration)
        /// The draft changed: tell the user (``DraftSnapshot/report(since:)``).
        case changed(DraftSnapshot)
        /// Nothing changed in all the reads: show the error and offer to send the message again.
        case gaveUp(NemoAPIError)
    }

    /// The schedule.
    public let configuration: Configuration
    /// The draft before the message was sent.
    public let before: DraftSnapshot
    /// How many reads were made so far (failed reads included).
    public private(set) var reads = 0
    /// The last step returned after a read, once recovery is over.
    public private(set) var outcome: Step?

    /// Starts recovery against the draft read before the message was sent.
    public init(before: DraftSnapshot, configuration: Configuration = Configuration()) {
        self.before = before
        self.configuration = configuration
    }

    /// The first step: wait ``Configuration/firstWait``.
    public func start() -> Step {
        .wait(configuration.firstWait)
    }

    /// Takes the snapshot a state read found.
    public mutating func observe(_ snapshot: DraftSnapshot) -> Step {
        if let outcome { return outcome }
        reads += 1
        if snapshot != before {
            outcome = .changed(snapshot)
            return .changed(snapshot)
        }
        return afterUnchangedRead(lastError: nil)
    }

    /// Counts a state read that failed (`reason` goes into the final message if it was the last).
    public mutating func observeReadFailure(_ reason: String) -> Step {
        if let outcome { return outcome }
        reads += 1
        return afterUnchangedRead(lastError: reason)
    }

    /// Waits again, or gives up after the last allowed read.
    private mutating func afterUnchangedRead(lastError: String?) -> Step {
        guard reads >= configuration.maximumUnchangedReads else { return .wait(configuration.nextWait) }
        var text = "The message stream ended early and the timeline did not change in \(reads) reads over "
            + "\(DurationText.describe(configuration.totalWait))"
        if let lastError { text += " (last read: \(lastError))" }
        text += ". The request may have failed: send it again to retry (this may use credits again)."
        let step = Step.gaveUp(NemoAPIError(code: .recoveryFailed, message: text))
        outcome = step
        return step
    }
}

extension StreamRecovery {
    /// Runs the whole schedule: sleeps with `sleeper`, reads with `readState`, until the draft changes or the
    /// reads run out. Returns ``Step/changed(_:)`` or ``Step/gaveUp(_:)``; throws only when cancelled.
    public mutating func run(
        sleeper: some Sleeper, readState: () async throws -> DraftSnapshot
    ) async throws -> Step {
        var step = start()
        while case .wait(let duration) = step {
            try await sleeper.sleep(for: duration)
            try Task.checkCancellation()
            do {
                step = observe(try await readState())
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                step = observeReadFailure(String(describing: error))
            }
        }
        return step
    }
}
