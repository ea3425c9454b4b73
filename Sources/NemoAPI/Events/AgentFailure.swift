/// A failure the agent reported inside the stream (the status stays 200, the stream then ends).
///
/// ADK writes it as `{"error": "RuntimeError: ...", "error_details": {"error_type", "error_message", ...}}`;
/// an ADK event may also carry `errorCode` / `errorMessage`.
public struct AgentFailure: Sendable, Hashable {
    /// The message to show the user, e.g. `render backend crashed: 渲染失败 💥 (GPU out of memory)`.
    public var message: String
    /// The kind of error when known, e.g. `RuntimeError`.
    public var kind: String?
    /// The whole error text as sent, e.g. `RuntimeError: render backend crashed: ...`.
    public var detail: String

    /// Creates a failure.
    public init(message: String, kind: String? = nil, detail: String? = nil) {
        self.message = message
        self.kind = kind
        self.detail = detail ?? message
    }
}
