/// The answer to `POST /api/tasks/me/with-session/nemo_agent`: `data.task_id`, `data.session_id`, `data.user_id`.
public struct SessionResponse: WireDecodable, Hashable {
    /// The task the session belongs to.
    public var taskID: String?
    /// The session id (a long digit string; a number is accepted and written without exponent).
    public var sessionID: String
    /// The user, when sent.
    public var userID: String?
    /// The registration bind id, when the service sends one here (the seeds say it may, for the 2001 link).
    public var bindID: String?

    /// Creates a response.
    public init(taskID: String?, sessionID: String, userID: String? = nil, bindID: String? = nil) {
        self.taskID = taskID
        self.sessionID = sessionID
        self.userID = userID
        self.bindID = bindID
    }

    /// Reads `data` (`session_id` may also be `sessionId` or `id`).
    public init(wire payload: JSONValue) throws(NemoAPIError) {
        let object = try WireObject(payload, "session response")
        sessionID = try object.requiredString("session_id", "sessionId", "id")
        taskID = object.string("task_id", "taskId")
        userID = object.string("user_id", "userId")
        bindID = object.string("bind", "bind_id", "bindId")
    }
}
