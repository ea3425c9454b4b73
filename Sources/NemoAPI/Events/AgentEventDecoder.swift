public import NemoSSE

/// Decodes the data of one SSE event from `/run_sse` into ``AgentEvent`` values.
///
/// Both documented payload shapes are accepted:
/// - ADK events: `content.parts[]` with `text`, `functionCall` or `functionResponse`, plus
///   `partial`, `author`, `invocationId`, `id`, `timestamp` and `actions.stateDelta`;
/// - the service's own shape: `{"type":"text","content":...}`, `tool_call` (`name`, `args`),
///   `tool_result` (`name`, `result`) and `heartbeat`.
///
/// Also the ADK error line (`{"error": ..., "error_details": {...}}`) and empty data (a heartbeat).
/// Decoding never throws: anything else becomes ``AgentEvent/unknown(_:)`` with the raw payload,
/// so one odd payload never breaks the stream.
///
/// Choices where the documents are silent: the service's `text` events are streamed pieces that
/// add up (partial) unless they say `"partial": false`; ADK text parts marked `"thought": true`
/// are the model's reasoning and are dropped; ADK parts of other kinds (`inlineData`, ...) become
/// ``AgentEvent/unknown(_:)`` with the part's JSON, the other parts of the event are kept.
public struct AgentEventDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Decodes one dispatched SSE event (its data; the event type is not used by either shape).
    public func decode(_ event: SSEEvent) -> AgentEventBatch {
        decode(data: event.data)
    }

    /// Decodes one SSE event's data.
    public func decode(data: String) -> AgentEventBatch {
        if data.allSatisfy(\.isWhitespace) {
            return AgentEventBatch(shape: .empty, events: [.heartbeat])
        }
        guard let json = try? JSONValue(parsing: data), let object = json.objectValue else {
            return AgentEventBatch(shape: .unrecognized, events: [.unknown(data)])
        }
        if let type = object["type"]?.stringValue {
            return Self.decodeService(type: type, object, raw: data)
        }
        if object["error"] != nil {
            return AgentEventBatch(shape: .errorLine, events: [.error(Self.failure(fromErrorLine: object))])
        }
        if Self.adkKeys.contains(where: { object[$0] != nil }) {
            return Self.decodeADK(object)
        }
        return AgentEventBatch(shape: .unrecognized, events: [.unknown(data)])
    }

    /// Decodes one SSE event's data into its events only.
    public func events(fromData data: String) -> [AgentEvent] {
        decode(data: data).events
    }

    /// Keys of which any one marks an ADK event.
    static let adkKeys = ["content", "actions", "invocationId", "author", "partial", "errorMessage", "errorCode"]

    /// The failure described by an ADK error line.
    static func failure(fromErrorLine object: [String: JSONValue]) -> AgentFailure {
        let details = object["error_details"]?.objectValue ?? [:]
        let summary: String
        switch object["error"] {
        case .string(let text)?: summary = text
        case .object(let inner)?: summary = inner["message"]?.stringValue ?? JSONValue.object(inner).jsonText
        case let other?: summary = other.jsonText
        case nil: summary = ""
        }
        let message = details["error_message"]?.stringValue ?? summary
        return AgentFailure(
            message: message.isEmpty ? "The agent failed without a message." : message,
            kind: details["error_type"]?.stringValue,
            detail: summary
        )
    }
}
