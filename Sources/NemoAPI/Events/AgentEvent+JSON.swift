extension AgentEvent {
    /// The event as one JSON object with a `type` (`text`, `tool_call`, `tool_result`, `state_delta`, `heartbeat`,
    /// `error`, `unknown`) and its fields: what `nemo sse decode --agent` and `nemo ... --json` print.
    public var jsonValue: JSONValue {
        switch self {
        case .text(let text, let isPartial):
            return .object(["type": "text", "text": .string(text), "partial": .bool(isPartial)])
        case .toolCall(let call):
            var object: [String: JSONValue] = [
                "type": "tool_call", "name": .string(call.name), "args": .object(call.arguments),
            ]
            if let id = call.id { object["id"] = .string(id) }
            return .object(object)
        case .toolResult(let result):
            var object: [String: JSONValue] = ["type": "tool_result", "name": .string(result.name), "result": result.result]
            if let id = result.id { object["id"] = .string(id) }
            return .object(object)
        case .stateDelta(let delta):
            return .object(["type": "state_delta", "delta": .object(delta)])
        case .heartbeat:
            return .object(["type": "heartbeat"])
        case .error(let failure):
            var object: [String: JSONValue] = ["type": "error", "message": .string(failure.message)]
            if let kind = failure.kind { object["kind"] = .string(kind) }
            return .object(object)
        case .unknown(let raw):
            return .object(["type": "unknown", "raw": .string(raw)])
        }
    }
}
