/// The requests the client makes, as the recovery policy tells them apart.
public enum RequestKind: String, Sendable, Hashable, CaseIterable {
    /// `POST /api/auth/anonymous-token`.
    case token
    /// `POST /api/tasks/me/with-session/nemo_agent`.
    case session
    /// `POST /run_sse`: never re-sent once the service accepted it.
    case message
    /// `POST /api/upload-video/nemo_agent/me/<sid>`.
    case upload
    /// `GET /api/credits/balance/simple`.
    case credits
    /// `GET /api/state/nemo_agent/me/<sid>/latest`.
    case state
    /// `POST /api/render/proxy/lambda`.
    case renderSubmit
    /// `GET /api/render/proxy/lambda/<id>`.
    case renderPoll
    /// `POST /api/render/proxy/lambda/<id>/cancel`.
    case renderCancel
    /// The rendered file (the output URL, or `GET /api/render/proxy/<id>/download`).
    case download

    /// Whether sending the request twice has the effect of sending it once: reads, and cancelling.
    ///
    /// Token and session requests create something each time (a token counts against the per-client and per-IP
    /// caps), a message runs and charges again, an upload stores another copy, and a render submit starts a
    /// second job, so none of those is repeated after a server error.
    public var isIdempotent: Bool {
        switch self {
        case .credits, .state, .renderPoll, .renderCancel, .download: true
        case .token, .session, .message, .upload, .renderSubmit: false
        }
    }
}
