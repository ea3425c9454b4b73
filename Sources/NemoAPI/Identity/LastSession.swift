public import Foundation

/// The session the CLI is working in, remembered between invocations.
public struct LastSession: Sendable, Hashable {
    /// The session id.
    public var sessionID: String
    /// The task id, when the service gave one.
    public var taskID: String?
    /// The product profile's slug.
    public var profile: String
    /// The service the session lives on (a session of the mock means nothing to production).
    public var baseURL: String?
    /// When it was saved.
    public var savedAt: Date

    /// Creates a record.
    public init(sessionID: String, taskID: String?, profile: String, baseURL: String? = nil, savedAt: Date) {
        self.sessionID = sessionID
        self.taskID = taskID
        self.profile = profile
        self.baseURL = baseURL
        self.savedAt = savedAt
    }

    /// Reads the record; `nil` without a session id, a profile and a time.
    init?(json: JSONValue) {
        guard let session = json["session_id"]?.lenientString, let profile = json["profile"]?.stringValue,
            let saved = WireDate.parse(json["saved_at"])
        else { return nil }
        self.init(
            sessionID: session, taskID: json["task_id"]?.lenientString, profile: profile,
            baseURL: json["base_url"]?.stringValue, savedAt: saved)
    }

    /// The record's JSON.
    var json: JSONValue {
        var members: [String: JSONValue] = [
            "session_id": .string(sessionID), "profile": .string(profile),
            "saved_at": .string(WireDate.format(savedAt)),
        ]
        if let taskID { members["task_id"] = .string(taskID) }
        if let baseURL { members["base_url"] = .string(baseURL) }
        return .object(members)
    }
}
