/// Every fault the mock can inject × the `nemo` command that meets it, with the expected outcome: the table the
/// README's reliability section prints (``FaultMatrix/readmeSection``).
enum FaultMatrix {
    static let submit = "POST /api/render/proxy/lambda"
    static let poll = "GET /api/render/proxy/lambda/*"
    static let message = "POST /run_sse"
    static let token = "POST /api/auth/anonymous-token"
    static let session = "POST /api/tasks/me/with-session/nemo_agent"
    static let upload = "POST /api/upload-video/*"
    static let state = "GET /api/state/*"
    static let credits = "GET /api/credits/balance/simple"
    static let download = "GET /media/renders/*"
    /// The fallback download endpoint, `GET /api/render/proxy/<id>/download`.
    static let fallback = "GET /api/render/proxy/render_*"

    /// The rows, grouped by category.
    static let rows: [FaultRow] = errorCodes + rateLimits + serverErrors + stream + render + identity

    static let errorCodes: [FaultRow] = [
        .init(.errorCode, ["status 400 /api/auth/anonymous-token once"], .credits, .recovered(),
            [.statuses(token, [400, 200])]),
        .init(.errorCode, ["code 2001 /run_sse always"], .say, .fails(4, "bind="), [.statuses(message, [403])]),
        .init(.errorCode, ["code 2001 /run_sse always"], .chat, .fails(4, "bind="), [.count(message, 1)]),
        .init(.errorCode, ["code 4001 /api/upload-video always"], .upload, .fails(6, "accepted"),
            [.statuses(upload, [415])]),
        .init(.errorCode, ["code 4002 /api/upload-video always"], .upload, .fails(6, "too large"),
            [.statuses(upload, [413])]),
        .init(.errorCode, ["code 4002 /api/upload-video always"], .run, .fails(6, "too large"), [.count(message, 0)]),
        .init(.errorCode, ["code 4001 /api/upload-video once"], .batch, .fails(1, "accepted"),
            [.count(message, 1)], credits: 300),
        .init(.errorCode, [], scenario: "export-blocked", .export, .fails(5, "plan"), [.statuses(submit, [402])]),
        .init(.errorCode, ["status 402 /api/render/proxy/lambda always"], .run, .fails(5, "register"),
            [.statuses(submit, [402])]),
    ]

    static let rateLimits: [FaultRow] = [
        .init(.rateLimit, ["status 429 /api/auth/anonymous-token once"], .run, .recovered(),
            [.statuses(token, [429, 200])]),
        .init(.rateLimit, ["status 429 /api/tasks/me/with-session once"], .say, .recovered(),
            [.statuses(session, [429, 200])]),
        .init(.rateLimit, ["status 429 /api/upload-video once"], .upload, .recovered(),
            [.statuses(upload, [429, 200])]),
        .init(.rateLimit, ["status 429 /run_sse once"], .say, .recovered(), [.statuses(message, [429, 200])]),
        .init(.rateLimit, ["status 429 /api/state once"], .status, .recovered(), [.statuses(state, [429, 200])]),
        .init(.rateLimit, ["status 429 /api/credits once"], .credits, .recovered(), [.statuses(credits, [429, 200])]),
        .init(.rateLimit, ["status 429 /api/render/proxy/lambda once"], .export, .recovered(),
            [.statuses(submit, [429, 200])]),
        .init(.rateLimit, ["status 429 /api/render/proxy/lambda/ once"], .export, .recovered(),
            [.begins(poll, [429, 200])]),
        .init(.rateLimit, ["status 429 /media/renders once"], .export, .recovered(),
            [.begins(download, [429]), .statuses(fallback, [200])]),
        .init(.rateLimit, ["status 429 /api/upload-video once"], .batch, .recovered(),
            [.count(message, 2)], credits: 300),
        .init(.rateLimit, ["status 429 * always"], .credits, .fails(7, "wait"), [.count(credits, 0)]),
        .init(.rateLimit, ["status 429 /run_sse always"], .say, .fails(7, "wait"), [.statuses(message, [429, 429])]),
    ]

    static let serverErrors: [FaultRow] = [
        .init(.serverError, ["status 503 /api/credits once"], .credits, .recovered(), [.statuses(credits, [503, 200])]),
        .init(.serverError, ["status 500 /api/state once"], .status, .recovered(), [.statuses(state, [500, 200])]),
        .init(.serverError, ["status 502 /api/render/proxy/lambda/ once"], .export, .recovered(),
            [.begins(poll, [502, 200])]),
        .init(.serverError, ["status 503 /run_sse once"], .say, .fails(8, "service"), [.statuses(message, [503])]),
        .init(.serverError, ["status 503 /api/upload-video once"], .upload, .fails(8, "service"),
            [.statuses(upload, [503])]),
        .init(.serverError, ["status 500 /api/auth/anonymous-token once"], .run, .fails(8, "service"),
            [.statuses(token, [500])]),
        .init(.serverError, ["status 503 /api/credits always"], .credits, .fails(8, "service"), []),
    ]

    static let stream: [FaultRow] = [
        .init(.stream, ["drop-after 0"], .say, .recovered("not sent again"), [.count(message, 1)]),
        .init(.stream, ["drop-after 1"], .say, .recovered("not sent again"), [.count(message, 1)]),
        .init(.stream, ["drop-after 3"], .run, .recovered("not sent again"), [.count(message, 1)]),
        .init(.stream, ["drop-after 5"], .say, .recovered("not sent again"), [.count(message, 1)]),
        .init(.stream, ["drop-after 2"], .chat, .recovered("not sent again"), [.count(message, 1)]),
        .init(.stream, ["stall 30 after 1"], .say, .recovered(), [.count(message, 1)]),
        .init(.stream, ["stall 1 after 2 real"], .say, .recovered(), [.count(message, 1)]),
        .init(.stream, ["malformed after 1"], .say, .recovered(), [.count(message, 1)]),
        .init(.stream, ["malformed after 0"], .run, .recovered(), [.count(message, 1)]),
        .init(.stream, [], scenario: "mid-stream-error", .say, .fails(10, "agent"), [.count(message, 1)]),
    ]

    static let render: [FaultRow] = [
        .init(.render, [], scenario: "render-failed", .run, .fails(9, "render"), [.count(submit, 2)]),
        .init(.render, [], scenario: "render-failed", .export, .fails(9, "render"), [.count(submit, 2)]),
        .init(.render, [], scenario: "render-stuck", .export, .fails(9, "resume"), [.count(submit, 1)]),
        .init(.download, ["cut-download 0.5"], .export, .recovered(), [.statuses(download, [200, 206])]),
        .init(.download, ["cut-download 0.2"], .run, .recovered(), [.statuses(download, [200, 206])]),
    ]

    static let identity: [FaultRow] = [
        .init(.token, ["expire-token /api/credits once"], .credits, .recovered(), [.statuses(credits, [401, 200])]),
        .init(.token, ["expire-token /run_sse once"], .say, .recovered(), [.statuses(message, [401, 200])]),
        .init(.token, ["expire-token /api/state once"], .status, .recovered(), [.statuses(state, [401, 200])]),
        .init(.token, ["expire-token /api/upload-video once"], .upload, .recovered(), [.statuses(upload, [401, 200])]),
        .init(.token, ["expire-token /api/render/proxy/lambda once"], .export, .recovered(),
            [.statuses(submit, [401, 200])]),
        .init(.token, ["expire-token /api/credits once"], scenario: "errors-200", .credits, .recovered(),
            [.statuses(credits, [200, 200])]),
        .init(.token, ["expire-token * always"], .credits, .fails(3, "token"), [.count(token, 2)]),
        .init(.session, ["lose-session /run_sse once"], .say, .recovered(), [.statuses(message, [404, 200])]),
        .init(.session, ["lose-session /api/state once"], .status, .recovered(), [.statuses(state, [404, 200])]),
        .init(.session, ["lose-session /api/upload-video once"], .upload, .recovered(),
            [.statuses(upload, [404, 200])]),
        .init(.session, ["lose-session /api/render/proxy/lambda once"], .export, .recovered(),
            [.statuses(submit, [404, 200])]),
        .init(.session, ["lose-session /run_sse always"], .say, .fails(3, "session"), [.statuses(message, [404, 404])]),
    ]
}
