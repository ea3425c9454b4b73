/// A request the service refused, as read from its answer: the HTTP status and whatever the body says.
///
/// The body may carry a service code (`{"code":1001,"message":...}`), a render error name
/// (`{"success":false,"error":{"code":"export_blocked",...}}`) or an ADK `{"detail":...}`; the HTTP status alone
/// counts when it carries none. ``RecoveryTable`` turns it into an action.
public struct ServiceFailure: Sendable, Hashable {
    /// The HTTP status (200 when a body code arrived with success status).
    public var httpStatus: Int
    /// The service's body code (1001, 1002, 2001, 4001, 4002...), when the body has one other than 0.
    public var bodyCode: Int?
    /// The render endpoints' error name (`export_blocked`, `attribution_required`, `duplicate_id`...).
    public var errorName: String?
    /// The service's own message (`message`, `error.message` or ADK's `detail`), as sent: redact before showing.
    public var message: String?
    /// The body's `data` member (2001 carries `bind` and `register_url`, 4001 `accepted`, 4002 `max_bytes`).
    public var data: JSONValue?
    /// The raw `Retry-After` header, when the answer had one.
    public var retryAfter: String?

    /// Creates a failure.
    public init(
        httpStatus: Int, bodyCode: Int? = nil, errorName: String? = nil, message: String? = nil,
        data: JSONValue? = nil, retryAfter: String? = nil
    ) {
        self.httpStatus = httpStatus
        self.bodyCode = bodyCode
        self.errorName = errorName
        self.message = message
        self.data = data
        self.retryAfter = retryAfter
    }
}
