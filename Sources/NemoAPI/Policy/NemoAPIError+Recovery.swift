extension NemoAPIError {
    /// The error for a refusal outside a recovery loop (as ``WireDecodable/decode(body:httpStatus:)`` meets it):
    /// the table's row for it, with no replay left.
    public init(failure: ServiceFailure, kind: RequestKind?) {
        let kind = kind ?? .state
        let signal = FailureSignal.service(failure)
        let rule = RecoveryTable.rule(for: signal, kind: kind)
        self.init(rule: rule, signal: signal, context: RecoveryContext(kind: kind), retryAfter: nil, exhausted: false)
    }

    /// The error for `rule` applied to `signal`; `exhausted` when the rule's replays were used up.
    init(rule: RecoveryRule, signal: FailureSignal, context: RecoveryContext, retryAfter: Duration?, exhausted: Bool) {
        let failure: ServiceFailure? = if case .service(let failure) = signal { failure } else { nil }
        let server = failure?.message.map { ": " + Self.trimmedSentence(Redaction.redact($0)) } ?? ""
        let status = failure.map { "HTTP \($0.httpStatus)" + ($0.bodyCode.map { ", code \($0)" } ?? "") } ?? ""
        var link: String?
        let text: String
        switch rule.code {
        case .tokenInvalid:
            if context.credentials == .environment {
                text = "NEMO_TOKEN was rejected (expired or invalid): set a current token, or unset NEMO_TOKEN to "
                    + "use a free anonymous one."
            } else {
                let when = exhausted ? " even after a new one was obtained" : ""
                text = "The service rejected the token\(when) (\(status)): delete the cached token "
                    + "(\(TokenCache.fileName) in nemo's config folder) and try again."
            }
        case .sessionNotFound:
            text = exhausted
                ? "The session was not found, even after starting a new one (\(status)): try again in a moment."
                : "The session was not found (\(status)): start a new session and send the request again."
        case .outOfCredits:
            let url = RegistrationLink.url(from: failure?.data, bindID: context.bindID)
            if context.credentials == .anonymous {
                link = url
                text = "You are out of credits. Register for free to get more, then try again: \(url)"
            } else {
                text = "You are out of credits: top up credits in your NemoVideo account, then try again."
            }
        case .unsupportedFileType:
            let accepted = failure?.data?.member("accepted", "formats")?.arrayValue?.compactMap(\.stringValue)
            let list = (accepted?.isEmpty == false ? accepted! : UploadFormats.documented).joined(separator: ", ")
            text = "\(Self.subject(context.fileName, "This file type")) is not accepted. Use one of: \(list)."
        case .fileTooLarge:
            let limit = failure?.data?.member("max_bytes", "maxBytes", "limit")?.lenientInt ?? context.maxUploadBytes
            let size = limit.map { " (the limit is \(Self.megabytes($0)) for this product)" } ?? ""
            text = "\(Self.subject(context.fileName, "The file")) is too large\(size). Shrink images with nemo-prep "
                + "(it resizes and recompresses them), or trim or compress videos, then upload again."
        case .missingClientID:
            let when = exhausted ? " even after a new one was made" : ""
            text = "The service refused the client id (\(status))\(when): set NEMO_CLIENT_ID to a UUID, or delete "
                + "the client_id file in nemo's config folder, then try again."
        case .exportBlocked:
            text = "Export is blocked (HTTP 402). This is a plan limit, not a credit problem: the free plan cannot "
                + "export; register or upgrade your plan to unlock export. Export also answers 402 when the "
                + "attribution headers (X-Skill-Source, X-Skill-Version, X-Skill-Platform) are missing."
        case .attributionMissing:
            text = "Export was refused (HTTP 402) because the attribution headers X-Skill-Source, X-Skill-Version and "
                + "X-Skill-Platform were missing: choose a product profile (e.g. --profile image-to-video-ltx)."
        case .rateLimited:
            let wait = retryAfter.map { " and asks to wait \(DurationText.describe($0))" } ?? ""
            var advice = exhausted ? "It still did after waiting once: try again later." : "Try again after that."
            if context.kind == .token {
                advice += " The service gives one free token per client id every 7 days: keep the saved client id "
                    + "and token, or set NEMO_TOKEN to your own token."
            }
            text = "The service is rate limiting requests (HTTP 429)\(wait). " + advice
        case .serverError, .network:
            let what =
                failure.map { "The NemoVideo service failed (HTTP \($0.httpStatus))" } ?? Self.networkText(signal)
            let retried = exhausted ? " after several retries" : ""
            let unsafe = context.kind.isIdempotent || exhausted
                ? "" : " nemo did not send it again, because repeating this request could do the work twice."
            text = "\(what)\(retried).\(unsafe) Try again in a few minutes; check your connection and NEMO_API_URL."
        case .duplicateRenderID:
            let when = exhausted ? ", also after choosing a new one" : ""
            text = "The render id was already used\(when): wait a second and export again."
        case .emptyDraft:
            text = "There is nothing to export yet: the timeline has no segments. Ask for a video first."
        case .notFound:
            text = "The service has no such endpoint or object (\(status))\(server). Check NEMO_API_URL."
        case .badRequest:
            text = "The service refused the request (\(status))\(server)."
        default:
            text = "The service answered \(status.isEmpty ? "an error" : status), which nemo does not expect\(server). "
                + "Try again; if it keeps happening, update nemo."
        }
        self.init(
            code: rule.code, message: text, httpStatus: failure?.httpStatus, bodyCode: failure?.bodyCode,
            retryAfter: retryAfter, registrationURL: link)
    }

    /// The service's message without trailing spaces and full stops, to quote inside a sentence.
    static func trimmedSentence(_ text: String) -> String {
        String(text.trimmingWhitespace.reversed().drop { $0 == "." || $0 == "。" }.reversed())
    }

    /// `'name.png'` or the fallback subject.
    private static func subject(_ fileName: String?, _ fallback: String) -> String {
        fileName.map { "'\($0)'" } ?? fallback
    }

    /// Bytes as decimal megabytes, `20 MB`.
    private static func megabytes(_ bytes: Int) -> String {
        bytes % 1_000_000 == 0 ? "\(bytes / 1_000_000) MB" : "\(bytes) bytes"
    }

    /// `Could not reach the service (Connection refused)`.
    private static func networkText(_ signal: FailureSignal) -> String {
        guard case .network(let failure) = signal else { return "The request failed" }
        return failure.phase == .beforeSending
            ? "Could not reach the service (\(failure.reason))"
            : "The connection to the service broke (\(failure.reason))"
    }
}
