/// Everything decoded from one SSE event's data: its shape, ADK envelope fields, and its events in order.
public struct AgentEventBatch: Sendable, Hashable {
    /// Which documented payload shape the data had.
    public enum Shape: Sendable, Hashable {
        /// An ADK event (`content.parts[]`, `actions`, ...).
        case adk
        /// The service's simplified `{"type": ...}` shape.
        case service
        /// The ADK error line `{"error": ..., "error_details": {...}}`.
        case errorLine
        /// Empty data: a heartbeat.
        case empty
        /// Not JSON, or JSON of no known shape: the events hold one ``AgentEvent/unknown(_:)``.
        case unrecognized
    }

    /// Which payload shape the data had.
    public var shape: Shape
    /// The ADK envelope fields (`nil` for other shapes).
    public var metadata: AgentEventMetadata?
    /// The decoded events, in order: parts first, then the state delta. May be empty for an ADK
    /// event that carries nothing for the client (no parts, empty state delta).
    public var events: [AgentEvent]

    /// Creates a batch.
    public init(shape: Shape, metadata: AgentEventMetadata? = nil, events: [AgentEvent]) {
        self.shape = shape
        self.metadata = metadata
        self.events = events
    }
}
