public import Foundation

/// A render the client started and has not finished downloading: enough to resume polling it
/// (`nemo export --resume`) after the client was closed.
public struct RenderJob: Sendable, Hashable {
    /// The render id (`render_<ts>`).
    public var id: String
    /// The session it renders.
    public var sessionID: String
    /// When it was submitted.
    public var startedAt: Date
    /// Where the video is to be saved, when chosen.
    public var outputPath: String?
    /// The product profile's slug it was submitted under, when known.
    public var profile: String?
    /// The service it was submitted to, when not the default.
    public var baseURL: String?

    /// Creates a job record.
    public init(
        id: String, sessionID: String, startedAt: Date, outputPath: String? = nil, profile: String? = nil,
        baseURL: String? = nil
    ) {
        self.id = id
        self.sessionID = sessionID
        self.startedAt = startedAt
        self.outputPath = outputPath
        self.profile = profile
        self.baseURL = baseURL
    }

    /// Reads one record; `nil` without an id, a session id and a start time.
    init?(json: JSONValue) {
        guard let id = json["id"]?.lenientString, let session = json["session_id"]?.lenientString,
            let started = WireDate.parse(json["started_at"])
        else { return nil }
        self.init(
            id: id, sessionID: session, startedAt: started, outputPath: json["output_path"]?.stringValue,
            profile: json["profile"]?.stringValue, baseURL: json["base_url"]?.stringValue)
    }

    /// The record's JSON.
    var json: JSONValue {
        var members: [String: JSONValue] = [
            "id": .string(id), "session_id": .string(sessionID), "started_at": .string(WireDate.format(startedAt)),
        ]
        if let outputPath { members["output_path"] = .string(outputPath) }
        if let profile { members["profile"] = .string(profile) }
        if let baseURL { members["base_url"] = .string(baseURL) }
        return .object(members)
    }
}
