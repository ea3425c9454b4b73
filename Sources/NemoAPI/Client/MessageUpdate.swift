/// What happens while a message is being answered, in order, for the caller to show.
public enum MessageUpdate: Sendable, Hashable {
    /// The service accepted the message (HTTP 200, the stream began): from now on it is never sent again.
    case accepted
    /// A piece of streamed text (partial).
    case partialText(String)
    /// A complete text message; it replaces the partial pieces shown before it.
    case finalText(String)
    /// The agent called a tool (e.g. `generate_video`): internal, shown as activity only.
    case toolCall(String)
    /// The session state changed inside the stream (e.g. a new draft).
    case stateChanged([String])
    /// Heartbeats only for a while: "⏳ Still working...".
    case stillWorking(String)
    /// The agent reported a failure in the stream; the events before it are kept.
    case agentError(String)
    /// The stream broke or stayed silent: the client is checking the state instead of re-sending.
    case reconciling(String)
    /// The answer is complete.
    case completed(MessageOutcome)
}

/// How a message ended.
public struct MessageOutcome: Sendable, Hashable {
    /// The text the agent said (finals replace partials); empty for a silent completion.
    public var text: String
    /// Whether the stream closed with no text, so the result was read from the state.
    public var silent: Bool
    /// What changed in the draft, for a person ("Title added: 'Paradise Found' (0-3s)"), when it was compared.
    public var change: String?
    /// Whether the stream ended normally (false when it was reconciled from the state after a drop).
    public var streamCompleted: Bool
    /// The timeline after the message, when the state was read.
    public var timelineSummary: String?

    /// Creates an outcome.
    public init(text: String, silent: Bool, change: String?, streamCompleted: Bool, timelineSummary: String?) {
        self.text = text
        self.silent = silent
        self.change = change
        self.streamCompleted = streamCompleted
        self.timelineSummary = timelineSummary
    }
}
