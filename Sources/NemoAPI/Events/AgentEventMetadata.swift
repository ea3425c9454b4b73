/// The envelope fields of an ADK event (the service's simplified shape has none).
public struct AgentEventMetadata: Sendable, Hashable {
    /// Who wrote the event (`nemo_agent`, or `user` for echoed user messages).
    public var author: String?
    /// The run the event belongs to (`e-<uuid>`, one per message sent).
    public var invocationID: String?
    /// The event's own id (a UUID per event).
    public var eventID: String?
    /// When the event was created, in seconds since 1970.
    public var timestamp: Double?
    /// The content's role: `model` for calls and text, `user` for function responses.
    public var role: String?
    /// Whether the event was marked `partial` (`nil` when the key is absent, as on tool events).
    public var partial: Bool?

    /// Creates metadata.
    public init(
        author: String? = nil,
        invocationID: String? = nil,
        eventID: String? = nil,
        timestamp: Double? = nil,
        role: String? = nil,
        partial: Bool? = nil
    ) {
        self.author = author
        self.invocationID = invocationID
        self.eventID = eventID
        self.timestamp = timestamp
        self.role = role
        self.partial = partial
    }
}
