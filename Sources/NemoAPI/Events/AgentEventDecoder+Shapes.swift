extension AgentEventDecoder {
    /// Decodes the service's `{"type": ...}` shape; a known type with missing fields is unknown.
    static func decodeService(type: String, _ object: [String: JSONValue], raw: String) -> AgentEventBatch {
        let event: AgentEvent
        switch type {
        case "text":
            if let content = object["content"]?.stringValue {
                event = .text(content, isPartial: object["partial"]?.boolValue ?? true)
            } else {
                event = .unknown(raw)
            }
        case "tool_call":
            if let name = object["name"]?.stringValue {
                let arguments = object["args"]?.objectValue ?? object["arguments"]?.objectValue ?? [:]
                event = .toolCall(AgentToolCall(id: object["id"]?.stringValue, name: name, arguments: arguments))
            } else {
                event = .unknown(raw)
            }
        case "tool_result":
            if let name = object["name"]?.stringValue {
                event = .toolResult(
                    AgentToolResult(id: object["id"]?.stringValue, name: name, result: object["result"] ?? .null))
            } else {
                event = .unknown(raw)
            }
        case "heartbeat":
            event = .heartbeat
        default:
            event = .unknown(raw)
        }
        if case .unknown = event {
            return AgentEventBatch(shape: .unrecognized, events: [event])
        }
        return AgentEventBatch(shape: .service, events: [event])
    }

    /// Decodes an ADK event: its parts in order, then an error it carries, then its state delta.
    static func decodeADK(_ object: [String: JSONValue]) -> AgentEventBatch {
        let content = object["content"]
        let partial = object["partial"]?.boolValue
        let metadata = AgentEventMetadata(
            author: object["author"]?.stringValue,
            invocationID: object["invocationId"]?.stringValue,
            eventID: object["id"]?.stringValue,
            timestamp: object["timestamp"]?.doubleValue,
            role: content?["role"]?.stringValue,
            partial: partial
        )
        var events: [AgentEvent] = []
        for part in content?["parts"]?.arrayValue ?? [] {
            if let event = decodePart(part, isPartial: partial ?? false) {
                events.append(event)
            }
        }
        if let message = object["errorMessage"]?.stringValue {
            let code = object["errorCode"]?.stringValue
            events.append(.error(AgentFailure(message: message, kind: code, detail: code.map { "\($0): \(message)" })))
        }
        if let delta = object["actions"]?["stateDelta"]?.objectValue, !delta.isEmpty {
            events.append(.stateDelta(delta))
        }
        return AgentEventBatch(shape: .adk, metadata: metadata, events: events)
    }

    /// Decodes one ADK part; `nil` for a part the client must not see (a thought).
    static func decodePart(_ part: JSONValue, isPartial: Bool) -> AgentEvent? {
        if let text = part["text"]?.stringValue {
            return part["thought"]?.boolValue == true ? nil : .text(text, isPartial: isPartial)
        }
        if let call = part["functionCall"], let name = call["name"]?.stringValue {
            return .toolCall(
                AgentToolCall(id: call["id"]?.stringValue, name: name, arguments: call["args"]?.objectValue ?? [:]))
        }
        if let response = part["functionResponse"], let name = response["name"]?.stringValue {
            return .toolResult(
                AgentToolResult(id: response["id"]?.stringValue, name: name, result: response["response"] ?? .null))
        }
        return .unknown(part.jsonText)
    }
}
