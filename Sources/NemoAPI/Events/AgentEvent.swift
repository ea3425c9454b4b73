/// One thing the agent said or did, decoded from the message stream (`POST /run_sse`).
///
/// One SSE event can carry several: an ADK event with two function calls yields two
/// ``toolCall(_:)`` values. See ``AgentEventDecoder``.
public enum AgentEvent: Sendable, Hashable {
    /// Text for the user. `isPartial` text is a streamed piece; final text (`isPartial == false`)
    /// repeats the whole answer and replaces the pieces before it (see ``AgentTranscript``).
    case text(String, isPartial: Bool)
    /// The agent called a tool (internal: never shown raw).
    case toolCall(AgentToolCall)
    /// A tool answered (internal: never shown raw).
    case toolResult(AgentToolResult)
    /// Session state keys the event changed (ADK `actions.stateDelta`), e.g. `draft`.
    case stateDelta([String: JSONValue])
    /// The backend is still working: a heartbeat payload or an empty `data:` line.
    case heartbeat
    /// The run failed; the stream ends after this.
    case error(AgentFailure)
    /// A payload (or one part of it) that is not understood, kept raw; it never fails the stream.
    case unknown(String)
}
