import NemoAPI
import Testing

/// One row of the expected table: the failure, the request, and the error code and remedy it must map to.
struct TableCase: Sendable, CustomTestStringConvertible {
    let name: String
    let signal: FailureSignal
    let kind: RequestKind
    let code: NemoAPIError.Code
    let remedy: RecoveryRule.Remedy

    var testDescription: String { name }

    init(
        _ name: String, _ signal: FailureSignal, _ kind: RequestKind, _ code: NemoAPIError.Code,
        _ remedy: RecoveryRule.Remedy
    ) {
        self.name = name
        self.signal = signal
        self.kind = kind
        self.code = code
        self.remedy = remedy
    }
}

extension FailureSignal {
    /// A service failure with `status` and whatever the body names (a helper that keeps tables short).
    fileprivate static func status(
        _ status: Int, code: Int? = nil, error: String? = nil, message: String? = nil
    ) -> FailureSignal {
        .service(ServiceFailure(httpStatus: status, bodyCode: code, errorName: error, message: message))
    }
}

@Suite("RecoveryTable: every body code and HTTP status")
struct RecoveryTableTests {
    static let cases: [TableCase] = [
        TableCase("1001 (HTTP 401)", .status(401, code: 1001), .state, .tokenInvalid, .reauthenticate),
        TableCase("1001 (HTTP 200)", .status(200, code: 1001), .message, .tokenInvalid, .reauthenticate),
        TableCase("1002 (HTTP 404)", .status(404, code: 1002), .upload, .sessionNotFound, .newSession),
        TableCase("1002 (HTTP 200)", .status(200, code: 1002), .state, .sessionNotFound, .newSession),
        TableCase("2001 (HTTP 403)", .status(403, code: 2001), .message, .outOfCredits, .stop),
        TableCase("2001 (HTTP 200)", .status(200, code: 2001), .message, .outOfCredits, .stop),
        TableCase("4001 (HTTP 415)", .status(415, code: 4001), .upload, .unsupportedFileType, .stop),
        TableCase("4002 (HTTP 413)", .status(413, code: 4002), .upload, .fileTooLarge, .stop),
        TableCase("415 without code", .status(415), .upload, .unsupportedFileType, .stop),
        TableCase("413 without code", .status(413), .upload, .fileTooLarge, .stop),
        TableCase("400 on token", .status(400), .token, .missingClientID, .newClientID),
        TableCase("400 on upload", .status(400), .upload, .badRequest, .stop),
        TableCase("401 without code", .status(401), .credits, .tokenInvalid, .reauthenticate),
        TableCase("402 export blocked", .status(402, error: "export_blocked"), .renderSubmit, .exportBlocked, .stop),
        TableCase(
            "402 attribution", .status(402, error: "attribution_required"), .renderSubmit, .attributionMissing,
            .stop),
        TableCase("402 plain", .status(402), .renderSubmit, .exportBlocked, .stop),
        TableCase("429", .status(429), .token, .rateLimited, .waitAndReplay),
        TableCase("429 on message", .status(429), .message, .rateLimited, .waitAndReplay),
        TableCase(
            "409 duplicate id", .status(409, error: "duplicate_id"), .renderSubmit, .duplicateRenderID, .newRenderID),
        TableCase("409 not ready (download)", .status(409, error: "not_ready"), .download, .badRequest, .stop),
        TableCase("400 empty draft", .status(400, error: "empty_draft"), .renderSubmit, .emptyDraft, .stop),
        TableCase(
            "ADK 404 session not found", .status(404, message: "Session not found: 42"), .message, .sessionNotFound,
            .newSession),
        TableCase("404 other", .status(404, message: "No such endpoint"), .state, .notFound, .stop),
        TableCase("422 validation", .status(422, message: "body.x: Field required"), .message, .badRequest, .stop),
        TableCase("500", .status(500), .state, .serverError, .backoffIfSafe),
        TableCase("503", .status(503), .upload, .serverError, .backoffIfSafe),
        TableCase(
            "network", .network(NetworkFailure(phase: .afterSending, reason: "reset")), .download, .network,
            .backoffIfSafe),
        TableCase("302", .status(302), .state, .unexpectedStatus, .stop),
        TableCase("unknown body code", .status(200, code: 3007), .state, .unexpectedStatus, .stop),
    ]

    @Test(arguments: cases)
    func row(_ testCase: TableCase) {
        let rule = RecoveryTable.rule(for: testCase.signal, kind: testCase.kind)
        #expect(rule.code == testCase.code)
        #expect(rule.remedy == testCase.remedy)
    }

    @Test func everyDocumentedCodeHasItsOwnRow() {
        for code in [1001, 1002, 2001, 4001, 4002] {
            #expect(RecoveryTable.rules.contains { $0.trigger == .bodyCode(code) }, "body code \(code)")
        }
        for status in [400, 402, 429] {
            #expect(RecoveryTable.rules.contains { $0.trigger == .httpStatus(status) }, "HTTP \(status)")
        }
        #expect(RecoveryTable.rules.contains { $0.trigger == .httpStatuses(500...599) })
        #expect(RecoveryTable.rules.contains { $0.trigger == .network })
    }

    @Test func replaysAreOnceExceptBackoff() {
        for rule in RecoveryTable.rules {
            switch rule.remedy {
            case .stop: #expect(rule.replays == 0)
            case .backoffIfSafe: #expect(rule.replays == nil)
            default: #expect(rule.replays == 1, "\(rule.meaning)")
            }
        }
    }
}
