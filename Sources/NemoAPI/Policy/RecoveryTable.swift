/// The one table that maps every body code and HTTP status to its action (NEMO_API.md "Errors", the five seeds,
/// and what the mock sends). The first matching row wins: body codes before render error names before HTTP
/// statuses, so `{"code":2001}` with HTTP 200 or 403 is the same row.
///
/// ``RetryPolicy`` applies it, adding what the table cannot say alone: `/run_sse` is never re-sent once the
/// service accepted it, backoff only for requests safe to repeat, and the bounds of waiting.
public enum RecoveryTable {
    /// Every row, in matching order.
    public static let rules: [RecoveryRule] = [
        .init(
            .bodyCode(1001), .tokenInvalid, .reauthenticate,
            meaning: "token expired or invalid: new anonymous token, replay once"),
        .init(.bodyCode(1002), .sessionNotFound, .newSession, meaning: "session not found: new session, replay once"),
        .init(
            .bodyCode(2001), .outOfCredits, .stop,
            meaning: "out of credits: anonymous → registration link (?bind=<id>), registered → top up"),
        .init(.bodyCode(4001), .unsupportedFileType, .stop, meaning: "unsupported file type: list accepted formats"),
        .init(.bodyCode(4002), .fileTooLarge, .stop, meaning: "file too large: compress or trim (nemo-prep)"),
        .init(
            .renderError("duplicate_id"), .duplicateRenderID, .newRenderID, requests: [.renderSubmit],
            meaning: "render id used before: submit again once with a new id"),
        .init(
            .renderError("attribution_required"), .attributionMissing, .stop,
            meaning: "export without X-Skill-Source/Version/Platform: 402"),
        .init(.renderError("export_blocked"), .exportBlocked, .stop, meaning: "free plan export blocked: 402"),
        .init(.renderError("empty_draft"), .emptyDraft, .stop, meaning: "draft without segments: nothing to export"),
        .init(
            .sessionNotFoundDetail, .sessionNotFound, .newSession,
            meaning: "ADK 404 {\"detail\":\"Session not found\"}: as 1002"),
        .init(
            .httpStatus(400), .missingClientID, .newClientID, requests: [.token],
            meaning: "missing X-Client-Id: generate one, replay once"),
        .init(.httpStatus(401), .tokenInvalid, .reauthenticate, meaning: "unauthorised without a code: as 1001"),
        .init(
            .httpStatus(402), .exportBlocked, .stop,
            meaning: "free plan export blocked (a plan issue, not credits; also missing attribution)"),
        .init(.httpStatus(413), .fileTooLarge, .stop, meaning: "body too large without a code: as 4002"),
        .init(.httpStatus(415), .unsupportedFileType, .stop, meaning: "unsupported media type without a code: as 4001"),
        .init(
            .httpStatus(429), .rateLimited, .waitAndReplay,
            meaning: "rate limited: wait Retry-After (or 30 s), replay once"),
        .init(.httpStatus(404), .notFound, .stop, meaning: "no such endpoint or object"),
        .init(
            .httpStatuses(500...599), .serverError, .backoffIfSafe, meaning: "server error: backoff on safe requests"),
        .init(.network, .network, .backoffIfSafe, meaning: "network error: backoff on safe requests"),
        .init(.httpStatuses(400...499), .badRequest, .stop, meaning: "request refused as sent (400, 409, 422...)"),
    ]

    /// The row for any answer no row covers (a 3xx, or an unknown body code).
    public static let fallback = RecoveryRule(
        .httpStatuses(0...999), .unexpectedStatus, .stop, meaning: "an answer the documents do not describe")

    /// The first row that covers `signal` on a request of `kind` (``fallback`` when none does).
    public static func rule(for signal: FailureSignal, kind: RequestKind) -> RecoveryRule {
        rules.first { $0.matches(signal, kind: kind) } ?? fallback
    }
}
