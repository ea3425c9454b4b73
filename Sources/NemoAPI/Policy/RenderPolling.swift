/// When to poll a render job, and what to do with each answer: poll every ``Configuration/interval`` until it is
/// completed, resubmit once with a new id if it failed, and stop after ``Configuration/maximumPolls``, leaving
/// the job to `nemo export --resume`.
///
/// The documents give two cadences, every 30 s up to 10 polls and every 10 s up to 30 polls (both 5 minutes);
/// the default is the first, the production one. A pure value, like ``LivenessPolicy``: the client loop polls,
/// sleeps and downloads.
public struct RenderPolling: Sendable, Hashable {
    /// The cadence.
    public struct Configuration: Sendable, Hashable {
        /// The wait before each poll (documented: 30 s, or 10 s).
        public var interval: Duration
        /// Polls before giving up (documented: 10, or 30).
        public var maximumPolls: Int
        /// Resubmissions with a new id after a failed render (documented: once).
        public var maximumResubmissions: Int

        /// Creates a cadence; the defaults are the production values.
        public init(interval: Duration = .seconds(30), maximumPolls: Int = 10, maximumResubmissions: Int = 1) {
            self.interval = interval
            self.maximumPolls = max(1, maximumPolls)
            self.maximumResubmissions = max(0, maximumResubmissions)
        }

        /// The alternative cadence of the documents: every 10 s up to 30 polls.
        public static let frequent = Configuration(interval: .seconds(10), maximumPolls: 30)
    }

    /// What to do after a poll.
    public enum Step: Sendable, Hashable {
        /// Wait, then poll again.
        case poll(after: Duration)
        /// The video is ready at this URL (the fallback is `GET /api/render/proxy/<id>/download`).
        case download(url: String?)
        /// The render failed: submit it again with a new id, then poll that job.
        case resubmit
        /// Stop with this error (failed twice, cancelled, or out of time: resume later).
        case fail(NemoAPIError)
    }

    /// The cadence.
    public let configuration: Configuration
    /// Polls made so far for the current job.
    public private(set) var polls = 0
    /// Resubmissions made so far.
    public private(set) var resubmissions = 0

    /// Starts polling a job just submitted.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The first step: wait one interval before the first poll.
    public var first: Step {
        .poll(after: configuration.interval)
    }

    /// Takes a poll's answer for the job `id` and says what next.
    public mutating func next(after status: RenderJobStatus, id: String) -> Step {
        polls += 1
        switch status.status {
        case .completed:
            return .download(url: status.outputURL)
        case .failed:
            guard resubmissions < configuration.maximumResubmissions else {
                let reason = status.errorMessage.map { ": \($0)" } ?? ""
                return .fail(
                    NemoAPIError(
                        code: .renderFailed,
                        message: "The render failed again after a resubmission\(reason). The draft is kept: "
                            + "try `nemo export` later, or change the timeline first."))
            }
            resubmissions += 1
            polls = 0
            return .resubmit
        case .cancelled:
            return .fail(
                NemoAPIError(code: .renderFailed, message: "The render \(id) was cancelled: run `nemo export` again."))
        case .pending, .processing, .other:
            guard polls < configuration.maximumPolls else {
                let waited = DurationText.describe(configuration.interval * polls)
                return .fail(
                    NemoAPIError(
                        code: .renderTimedOut,
                        message: "The render \(id) is still \(status.status) (\(status.progress)%) after \(waited). "
                            + "It keeps going on the service: run `nemo export --resume` later to fetch it."))
            }
            return .poll(after: configuration.interval)
        }
    }
}

extension NemoAPIError {
    /// The error for a failure the agent reported inside the stream (the stream then ended).
    public init(agentFailure: AgentFailure) {
        self.init(
            code: .streamFailed,
            message: "The agent stopped with an error: \(Self.trimmedSentence(agentFailure.message)). nemo checks "
                + "the session state for what was done; send the request again only if nothing changed.")
    }
}
