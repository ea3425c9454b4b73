/// An error of the NemoVideo client: a stable code and a message a person can act on.
///
/// The message never contains a token: every message passes through ``Redaction/redact(_:secrets:)`` when the
/// error is made, also the service's own text quoted in it. Only the CLI maps codes to exit statuses.
public struct NemoAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable code.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// 1001 (or HTTP 401): the token expired or is invalid.
        case tokenInvalid
        /// 1002 (or ADK's 404 "Session not found"): the session does not exist.
        case sessionNotFound
        /// 2001: out of credits.
        case outOfCredits
        /// 4001 (or HTTP 415): the file type is not accepted.
        case unsupportedFileType
        /// 4002 (or HTTP 413): the file is too large for the product.
        case fileTooLarge
        /// A local file to upload is missing or not a regular file.
        case fileUnreadable
        /// HTTP 400 on token acquisition: the client id is missing.
        case missingClientID
        /// HTTP 402: export is blocked by the plan.
        case exportBlocked
        /// HTTP 402 `attribution_required`: export without the attribution headers.
        case attributionMissing
        /// HTTP 429: rate limited.
        case rateLimited
        /// HTTP 5xx.
        case serverError
        /// The service could not be reached, or the connection broke.
        case network
        /// Another 4xx: the service refused the request as sent.
        case badRequest
        /// HTTP 404 on an endpoint (not a session).
        case notFound
        /// HTTP 409 `duplicate_id`: the render id was used before.
        case duplicateRenderID
        /// HTTP 400 `empty_draft`: there is nothing to export.
        case emptyDraft
        /// The answer could not be read.
        case malformedResponse
        /// Any other status.
        case unexpectedStatus
        /// The message stream had only heartbeats for too long, or passed the hard limit.
        case streamTimedOut
        /// The agent reported a failure inside the stream.
        case streamFailed
        /// A dropped or silent stream, and the state never changed while nemo watched it.
        case recoveryFailed
        /// The render job failed.
        case renderFailed
        /// The render job did not finish in time.
        case renderTimedOut
        /// The token cache can be read by other users, so it is not used.
        case insecureTokenCache
        /// A file of nemo's own (client id, token cache, sessions, render jobs) could not be read or written.
        case storage
        /// The environment lacks something nemo needs (a home folder).
        case configuration
    }

    /// What went wrong.
    public var code: Code
    /// What happened and what to do, for a person (never contains a token).
    public var message: String
    /// The HTTP status, when the error came from an answer.
    public var httpStatus: Int?
    /// The service's body code, when the answer had one.
    public var bodyCode: Int?
    /// How long the service asked to wait, when it did.
    public var retryAfter: Duration?
    /// The registration link, for ``Code/outOfCredits`` on an anonymous token.
    public var registrationURL: String?

    /// Creates an error; `message` is redacted (see ``Redaction``).
    public init(
        code: Code, message: String, httpStatus: Int? = nil, bodyCode: Int? = nil, retryAfter: Duration? = nil,
        registrationURL: String? = nil
    ) {
        self.code = code
        self.message = Redaction.redact(message)
        self.httpStatus = httpStatus
        self.bodyCode = bodyCode
        self.retryAfter = retryAfter
        self.registrationURL = registrationURL
    }

    /// The message.
    public var description: String {
        message
    }

    /// An answer that could not be read; `context` names what and why.
    public static func malformedResponse(_ context: String) -> NemoAPIError {
        NemoAPIError(
            code: .malformedResponse,
            message: "The service sent an answer nemo cannot read (\(context)). Try again; if it keeps happening, "
                + "the service may have changed: update nemo.")
    }

    /// A file of nemo's own that could not be used; `reason` says why, `advice` what to do.
    public static func storage(path: String, reason: String, advice: String? = nil) -> NemoAPIError {
        var text = "Cannot use \(path): \(reason)."
        if let advice { text += " " + advice }
        return NemoAPIError(code: .storage, message: text)
    }
}
