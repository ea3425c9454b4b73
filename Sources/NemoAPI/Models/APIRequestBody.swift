public import Foundation

/// The JSON bodies the client sends, exactly as the documents write them.
public enum APIRequestBody {
    /// The app name every session and message names.
    public static let appName = "nemo_agent"

    /// `POST /api/tasks/me/with-session/nemo_agent`: `{"task_name":"project","language":"<lang>"}`. One seed sends
    /// no language; pass `nil` to do the same.
    public static func session(taskName: String = "project", language: String?) -> JSONValue {
        var members: [String: JSONValue] = ["task_name": .string(taskName)]
        if let language { members["language"] = .string(language) }
        return .object(members)
    }

    /// `POST /run_sse`: `{"app_name":"nemo_agent","user_id":"me","session_id":...,"new_message":{"parts":[...]}}`.
    public static func message(sessionID: String, text: String) -> JSONValue {
        [
            "app_name": .string(appName), "user_id": "me", "session_id": .string(sessionID),
            "new_message": ["parts": [["text": .string(text)]]],
        ]
    }

    /// `POST /api/upload-video/...` by URL: `{"urls":[...],"source_type":"url"}`.
    public static func uploadURLs(_ urls: [String]) -> JSONValue {
        ["urls": .array(urls.map { .string($0) }), "source_type": "url"]
    }

    /// `POST /api/render/proxy/lambda`:
    /// `{"id":"render_<ts>","sessionId":...,"draft":...,"output":{"format":"mp4","quality":"high"}}`.
    public static func render(
        id: String, sessionID: String, draft: JSONValue, format: String = "mp4", quality: String = "high"
    ) -> JSONValue {
        [
            "id": .string(id), "sessionId": .string(sessionID), "draft": draft,
            "output": ["format": .string(format), "quality": .string(quality)],
        ]
    }

    /// A new render id, `render_<milliseconds since 1970>` (with `-<n>` for a resubmission, so it never repeats).
    public static func renderID(at date: Date, attempt: Int = 0) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        return attempt == 0 ? "render_\(milliseconds)" : "render_\(milliseconds)-\(attempt)"
    }
}
