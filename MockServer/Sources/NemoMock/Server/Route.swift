/// The endpoints of the mock, matched on method and path segments.
enum Route: Equatable {
    case token, session, run, upload, credits, state
    case renderSubmit, renderPoll, renderCancel, renderDownload
    case media
    case admin(String)

    /// Whether this is an `/_mock/...` control endpoint.
    var isAdmin: Bool { if case .admin = self { true } else { false } }

    /// The route for a request, or nil.
    static func match(method: String, segments s: [String]) -> Route? {
        func starts(_ prefix: [String]) -> Bool { s.count >= prefix.count && Array(s[0..<prefix.count]) == prefix }
        if s.first == "_mock", s.count >= 2 { return .admin("\(method) \(s[1...].joined(separator: "/"))") }
        if method == "GET" || method == "HEAD", s.count >= 3, s[0] == "media" { return .media }
        if method == "POST" {
            if s == ["api", "auth", "anonymous-token"] { return .token }
            if s == ["api", "tasks", "me", "with-session", "nemo_agent"] { return .session }
            if s == ["run_sse"] { return .run }
            if s.count == 5, starts(["api", "upload-video", "nemo_agent", "me"]) { return .upload }
            if s == ["api", "render", "proxy", "lambda"] { return .renderSubmit }
            if s.count == 6, starts(["api", "render", "proxy", "lambda"]), s[5] == "cancel" { return .renderCancel }
        }
        if method == "GET" {
            if s == ["api", "credits", "balance", "simple"] { return .credits }
            if s.count == 6, starts(["api", "state", "nemo_agent", "me"]), s[5] == "latest" { return .state }
            if s.count == 5, starts(["api", "render", "proxy", "lambda"]) { return .renderPoll }
            if s.count == 5, starts(["api", "render", "proxy"]), s[4] == "download" { return .renderDownload }
        }
        return nil
    }

    /// Whether some method would match this path (for 405 versus 404).
    static func pathExists(_ segments: [String]) -> Bool {
        ["GET", "POST"].contains { match(method: $0, segments: segments) != nil }
    }
}
