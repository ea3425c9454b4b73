/// One event dispatched by an event stream, as the WHATWG "server-sent events" rules define it.
///
/// `lastEventID` and `retry` are the values *in effect* when the event was dispatched: an `id` or
/// `retry` field seen in an earlier event carries over to later ones.
public struct SSEEvent: Sendable, Equatable, Hashable {
    /// The event type: the last `event` field of the event, or `"message"` when there was none.
    public var type: String
    /// The event data: the `data` fields joined with LF (U+000A).
    public var data: String
    /// The last event ID in effect when the event was dispatched (`""` when none was ever set).
    public var lastEventID: String
    /// The reconnection time in milliseconds in effect when the event was dispatched,
    /// or `nil` when no valid `retry` field has been seen yet.
    public var retry: Int?

    /// Creates an event from its parts.
    public init(type: String = "message", data: String, lastEventID: String = "", retry: Int? = nil) {
        self.type = type
        self.data = data
        self.lastEventID = lastEventID
        self.retry = retry
    }
}
