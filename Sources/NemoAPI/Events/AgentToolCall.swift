/// A tool call the agent made: ADK `functionCall` or the service's `tool_call`.
public struct AgentToolCall: Sendable, Hashable {
    /// The call's id, linking it to its result (ADK only; `nil` when absent).
    public var id: String?
    /// The tool's name, e.g. `generate_video`.
    public var name: String
    /// The arguments (an object; empty when absent).
    public var arguments: [String: JSONValue]

    /// Creates a tool call.
    public init(id: String? = nil, name: String, arguments: [String: JSONValue] = [:]) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}

/// A tool's answer: ADK `functionResponse` or the service's `tool_result`.
public struct AgentToolResult: Sendable, Hashable {
    /// The id of the call this answers (ADK only; `nil` when absent).
    public var id: String?
    /// The tool's name.
    public var name: String
    /// The result (`null` when absent).
    public var result: JSONValue

    /// Creates a tool result.
    public init(id: String? = nil, name: String, result: JSONValue = .null) {
        self.id = id
        self.name = name
        self.result = result
    }
}
