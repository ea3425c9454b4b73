/// One recorded (or hand-written) exchange: an SSE stream with its timing and its effect on the
/// session, or a render job's sequence of states. See MockServer/README.md for the text format.
public struct Transcript: Sendable {
    /// What a transcript describes.
    public enum Kind: String, Sendable {
        /// The answer to a `/run_sse` message.
        case stream
        /// The life of a render job.
        case render
    }

    /// The payload shape of the `data:` lines a stream carries.
    public enum EventShape: String, Sendable {
        /// ADK events (`content.parts[]`, `partial`, `actions.stateDelta`...).
        case adk
        /// The service's simplified `{"type":...}` events.
        case simple
    }

    /// One timed step of a stream.
    public enum Step: Sendable, Equatable {
        /// Bytes written at `at` seconds after the request (template text when `template` is on).
        case chunk(at: Double, bytes: [UInt8])
        /// A session state key set to a JSON value (template text) at `at` seconds.
        case state(at: Double, key: String, json: String)
        /// A JSON value appended at `at` seconds to the array at a dotted state path (`draft.t`).
        case append(at: Double, path: String, json: String)
        /// The stream closes at `at` seconds.
        case end(at: Double)

        /// The step's time offset.
        public var at: Double {
            switch self {
            case .chunk(let at, _), .state(let at, _, _), .append(let at, _, _), .end(let at): return at
            }
        }
    }

    /// One state of a render job.
    public struct RenderState: Sendable, Equatable {
        /// Seconds after submission at which this state begins.
        public var at: Double
        /// `pending`, `processing`, `completed` or `failed`.
        public var status: String
        /// Progress, 0-100.
        public var progress: Int
        /// Failure message, for `failed`.
        public var message: String?
    }

    /// The transcript's name (unique in a library).
    public var name: String
    /// A one-line description.
    public var about: String = ""
    /// Where the material came from (a recording, or hand-written).
    public var source: String = ""
    /// Stream or render.
    public var kind: Kind = .stream
    /// Conditions a request must meet for this transcript to answer it.
    public var match: MatchRule = MatchRule()
    /// Credits a run costs (frozen while it runs, charged when it ends).
    public var cost: Int = 0
    /// Payload shape of the recorded bytes.
    public var shape: EventShape = .adk
    /// Whether `{{...}}` placeholders are expanded (never for byte-exact recordings).
    public var template: Bool = false
    /// HTTP status of the response.
    public var status: Int = 200
    /// Response headers, in order.
    public var headers: [(String, String)] = [("content-type", "text/event-stream; charset=utf-8")]
    /// The timed steps of a stream.
    public var steps: [Step] = []
    /// The states of a render job.
    public var renderStates: [RenderState] = []

    /// Creates an empty transcript named `name`.
    public init(name: String) { self.name = name }

    /// All chunk bytes concatenated (before template expansion).
    public var streamBytes: [UInt8] {
        steps.reduce(into: []) { out, step in
            if case .chunk(_, let bytes) = step { out += bytes }
        }
    }

    /// The time the stream closes.
    public var duration: Double { steps.map(\.at).max() ?? 0 }
}

/// Which requests a transcript answers: every condition that is set must hold.
public struct MatchRule: Sendable, Equatable {
    /// Case-insensitive substrings of the message text; any one matches (empty = any text).
    public var texts: [String] = []
    /// `X-Skill-Source` slugs; any one matches (empty = any profile).
    public var profiles: [String] = []
    /// Message numbers within the session, 1-based (empty = any).
    public var turns: [Int] = []

    /// Creates a rule that matches everything.
    public init() {}

    /// Whether a message matches.
    public func matches(text: String, profile: String?, turn: Int) -> Bool {
        let lowered = text.lowercased()
        if !texts.isEmpty, !texts.contains(where: { lowered.contains($0.lowercased()) }) { return false }
        if !profiles.isEmpty, !profiles.contains(where: { $0 == profile?.lowercased() }) { return false }
        if !turns.isEmpty, !turns.contains(turn) { return false }
        return true
    }
}
