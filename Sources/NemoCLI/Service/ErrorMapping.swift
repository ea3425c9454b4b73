import NemoAPI

/// Maps the client's errors to the CLI's exit statuses (the only place that does).
enum ErrorMapping {
    /// The exit status for an API error code.
    static func status(for code: NemoAPIError.Code) -> ExitStatus {
        switch code {
        case .tokenInvalid, .missingClientID, .insecureTokenCache, .storage, .configuration, .sessionNotFound:
            .identity
        case .outOfCredits: .credits
        case .exportBlocked, .attributionMissing: .plan
        case .unsupportedFileType, .fileTooLarge, .fileUnreadable: .upload
        case .rateLimited: .rateLimited
        case .serverError, .network, .malformedResponse, .unexpectedStatus, .badRequest, .notFound: .service
        case .renderFailed, .renderTimedOut, .duplicateRenderID, .emptyDraft: .render
        case .streamTimedOut, .streamFailed, .recoveryFailed: .agent
        }
    }

    /// The message to show: the error's own, plus the registration link for 2001.
    static func message(for error: NemoAPIError) -> String {
        var message = error.message
        if let link = error.registrationURL, !message.contains(link) { message += " Register: \(link)" }
        // Export needs neither credits nor a plan on this machine.
        if [.outOfCredits, .exportBlocked].contains(error.code) {
            message += " To render the current draft on this machine for free: nemo export --local"
        }
        return message
    }
}
