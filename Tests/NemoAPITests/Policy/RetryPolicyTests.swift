import Foundation
import NemoAPI
import Testing

@Suite("RetryPolicy: what the client loop does next")
struct RetryPolicyTests {
    let policy = RetryPolicy()

    static func failure(
        _ status: Int, code: Int? = nil, error: String? = nil, message: String? = nil, data: JSONValue? = nil,
        retryAfter: String? = nil
    ) -> FailureSignal {
        .service(
            ServiceFailure(
                httpStatus: status, bodyCode: code, errorName: error, message: message, data: data,
                retryAfter: retryAfter))
    }

    /// Runs the loop: asks the policy for each failure in turn, recording each answer, and returns the answers.
    func actions(_ signals: [FailureSignal], context: RecoveryContext) -> [RecoveryAction] {
        var context = context
        return signals.map { signal in
            let action = policy.action(for: signal, context: context, now: Date(timeIntervalSince1970: 0))
            context.history.record(action)
            return action
        }
    }

    func stopError(_ action: RecoveryAction?) -> NemoAPIError? {
        if case .fail(let error)? = action { error } else { nil }
    }

    @Test func tokenExpiredReauthenticatesOnceThenStops() throws {
        let answers = actions(
            [Self.failure(401, code: 1001), Self.failure(401, code: 1001)], context: RecoveryContext(kind: .state))
        #expect(answers.first == .reauthenticateAndReplay)
        let error = try #require(stopError(answers.last))
        #expect(error.code == .tokenInvalid && error.bodyCode == 1001 && error.httpStatus == 401)
        #expect(error.message.contains("token.json"))
    }

    @Test func tokenFromTheEnvironmentIsNeverReplaced() throws {
        let action = policy.action(
            for: Self.failure(200, code: 1001), context: RecoveryContext(kind: .message, credentials: .environment))
        let error = try #require(stopError(action))
        #expect(error.message.hasPrefix("NEMO_TOKEN was rejected"))
    }

    @Test func sessionNotFoundStartsOneNewSession() {
        let answers = actions(
            [Self.failure(404, code: 1002), Self.failure(404, code: 1002)], context: RecoveryContext(kind: .upload))
        #expect(answers.first == .newSessionAndReplay)
        #expect(stopError(answers.last)?.code == .sessionNotFound)
        #expect(stopError(answers.last)?.message.contains("even after starting a new one") == true)
    }

    @Test func outOfCreditsAnonymousShowsTheRegistrationLink() throws {
        let data: JSONValue = [
            "bind": "bind_0a1b2c3d4e5f", "register_url": "https://nemovideo.ai/register?bind=bind_0a1b2c3d4e5f",
        ]
        let action = policy.action(
            for: Self.failure(403, code: 2001, message: "Out of credits", data: data),
            context: RecoveryContext(kind: .message))
        let error = try #require(stopError(action))
        #expect(error.code == .outOfCredits)
        #expect(error.registrationURL == "https://nemovideo.ai/register?bind=bind_0a1b2c3d4e5f")
        #expect(error.message.contains("https://nemovideo.ai/register?bind=bind_0a1b2c3d4e5f"))
    }

    static let links: [(JSONValue?, String?, String)] = [
        (["bind": "bind_1"], nil, "https://nemovideo.ai/register?bind=bind_1"),
        (["register_url": "ftp://x"], "bind_2", "https://nemovideo.ai/register?bind=bind_2"),
        (nil, "b c&d", "https://nemovideo.ai/register?bind=b%20c%26d"),
        (nil, nil, "https://nemovideo.ai/register"),
    ]

    @Test(arguments: links)
    func registrationLinkFromBindIDs(_ data: JSONValue?, _ known: String?, _ link: String) throws {
        let action = policy.action(
            for: Self.failure(200, code: 2001, data: data), context: RecoveryContext(kind: .message, bindID: known))
        #expect(stopError(action)?.registrationURL == link)
    }

    @Test func outOfCreditsRegisteredSaysTopUp() throws {
        let action = policy.action(
            for: Self.failure(403, code: 2001, data: ["bind": "bind_1"]),
            context: RecoveryContext(kind: .message, credentials: .environment))
        let error = try #require(stopError(action))
        #expect(error.registrationURL == nil)
        #expect(error.message.contains("top up credits"))
        #expect(!error.message.contains("register"))
    }

    @Test func unsupportedTypeListsAcceptedFormats() throws {
        let fromBody = try #require(
            stopError(
                policy.action(
                    for: Self.failure(415, code: 4001, data: ["accepted": ["png", "jpg"]]),
                    context: RecoveryContext(kind: .upload, fileName: "scan.tiff"))))
        #expect(fromBody.message == "'scan.tiff' is not accepted. Use one of: png, jpg.")
        let documented = try #require(
            stopError(policy.action(for: Self.failure(200, code: 4001), context: RecoveryContext(kind: .upload))))
        #expect(documented.message.contains("mp4, mov, avi, webm, mkv, jpg, png, gif, webp, mp3, wav, m4a, aac"))
    }

    @Test func fileTooLargeSuggestsNemoPrep() throws {
        let error = try #require(
            stopError(
                policy.action(
                    for: Self.failure(413, code: 4002, data: ["max_bytes": 20_000_000]),
                    context: RecoveryContext(kind: .upload, fileName: "big.png"))))
        #expect(error.code == .fileTooLarge)
        #expect(error.message.contains("'big.png' is too large (the limit is 20 MB for this product)"))
        #expect(error.message.contains("nemo-prep"))
    }

    @Test func missingClientIDGetsANewOneOnce() {
        let answers = actions([Self.failure(400), Self.failure(400)], context: RecoveryContext(kind: .token))
        #expect(answers.first == .newClientIDAndReplay)
        #expect(stopError(answers.last)?.code == .missingClientID)
    }

    @Test func paymentRequiredExplainsThePlanAndAttribution() throws {
        let blocked = try #require(
            stopError(policy.action(for: Self.failure(402), context: RecoveryContext(kind: .renderSubmit))))
        #expect(blocked.code == .exportBlocked)
        #expect(blocked.message.contains("not a credit problem"))
        #expect(blocked.message.contains("register or upgrade your plan"))
        #expect(blocked.message.contains("X-Skill-Source"))
        let attribution = try #require(
            stopError(
                policy.action(
                    for: Self.failure(402, error: "attribution_required"),
                    context: RecoveryContext(kind: .renderSubmit))))
        #expect(attribution.code == .attributionMissing && attribution.message.contains("--profile"))
    }

    @Test(arguments: [
        (nil as String?, Duration.seconds(30)), ("12", .seconds(12)), ("0.5", .milliseconds(500)), ("-4", .zero),
        ("Thu, 01 Jan 1970 00:01:30 GMT", .seconds(90)), ("garbage", .seconds(30)),
    ])
    func rateLimitWaitsRetryAfterOrThirtySeconds(_ header: String?, _ delay: Duration) {
        let action = policy.action(
            for: Self.failure(429, retryAfter: header), context: RecoveryContext(kind: .state),
            now: Date(timeIntervalSince1970: 0))
        #expect(action == .replay(after: delay, remedy: .waitAndReplay))
    }

    @Test func rateLimitReplaysOnlyOnce() {
        let answers = actions([Self.failure(429), Self.failure(429)], context: RecoveryContext(kind: .credits))
        #expect(answers.first == .replay(after: .seconds(30), remedy: .waitAndReplay))
        #expect(stopError(answers.last)?.code == .rateLimited)
        #expect(stopError(answers.last)?.message.contains("still did after waiting once") == true)
    }

    @Test func rateLimitLongerThanTheBoundStopsWithTheWait() throws {
        let error = try #require(
            stopError(
                policy.action(
                    for: Self.failure(429, retryAfter: "600000"), context: RecoveryContext(kind: .token))))
        #expect(error.retryAfter == .seconds(600_000))
        #expect(error.message.contains("asks to wait 7 days"))
        #expect(error.message.contains("NEMO_TOKEN"))
    }

    @Test func serverErrorOnSafeRequestsBacksOffThenStops() {
        let answers = actions(Array(repeating: Self.failure(503), count: 4), context: RecoveryContext(kind: .state))
        #expect(answers.prefix(3) == [
            .replay(after: .seconds(1), remedy: .backoffIfSafe), .replay(after: .seconds(2), remedy: .backoffIfSafe),
            .replay(after: .seconds(4), remedy: .backoffIfSafe),
        ])
        #expect(stopError(answers.last)?.code == .serverError)
        #expect(stopError(answers.last)?.message.contains("after several retries") == true)
    }

    @Test(arguments: [RequestKind.credits, .state, .renderPoll, .renderCancel, .download])
    func safeRequestsAreRetried(_ kind: RequestKind) {
        let action = policy.action(for: Self.failure(500), context: RecoveryContext(kind: kind))
        #expect(action == .replay(after: .seconds(1), remedy: .backoffIfSafe))
    }

    @Test(arguments: [RequestKind.token, .session, .upload, .renderSubmit])
    func unsafeRequestsAreNotRetriedAfterAServerError(_ kind: RequestKind) throws {
        let error = try #require(stopError(policy.action(for: Self.failure(502), context: RecoveryContext(kind: kind))))
        #expect(error.code == .serverError)
        #expect(error.message.contains("could do the work twice"))
        let broken = FailureSignal.network(NetworkFailure(phase: .afterSending, reason: "Connection reset by peer"))
        let network = try #require(stopError(policy.action(for: broken, context: RecoveryContext(kind: kind))))
        #expect(network.code == .network && network.message.contains("Connection reset by peer"))
    }

    @Test(arguments: RequestKind.allCases)
    func aRequestThatNeverReachedTheServiceIsRetried(_ kind: RequestKind) {
        let refused = FailureSignal.network(NetworkFailure(phase: .beforeSending, reason: "Connection refused"))
        #expect(policy.action(for: refused, context: RecoveryContext(kind: kind))
            == .replay(after: .seconds(1), remedy: .backoffIfSafe))
    }

    /// Every failure a stream can meet once the service accepted the message.
    static let signals: [FailureSignal] = [
        failure(200, code: 1001), failure(429), failure(500), failure(404, code: 1002), failure(403, code: 2001),
        .network(NetworkFailure(phase: .afterSending, reason: "stream dropped")),
        .network(NetworkFailure(phase: .beforeSending, reason: "refused")),
    ]

    @Test(arguments: signals)
    func anAcceptedMessageIsNeverResent(_ signal: FailureSignal) {
        var context = RecoveryContext(kind: .message, streamAccepted: true)
        for _ in 0..<3 {
            let action = policy.action(for: signal, context: context)
            #expect(action == .reconcileStream)
            context.history.record(action)
        }
    }

    @Test func aMessageRefusedBeforeWorkBeganIsReplayedOncePerTheTable() {
        let context = RecoveryContext(kind: .message)
        #expect(policy.action(for: Self.failure(401, code: 1001), context: context) == .reauthenticateAndReplay)
        #expect(policy.action(for: Self.failure(404, code: 1002), context: context) == .newSessionAndReplay)
        #expect(policy.action(for: Self.failure(404, message: "Session not found: 1"), context: context)
            == .newSessionAndReplay)
        let wait = RecoveryAction.replay(after: .seconds(30), remedy: .waitAndReplay)
        #expect(policy.action(for: Self.failure(429), context: context) == wait)
    }

    @Test func aMessageThatMayHaveStartedIsReconciledNotResent() {
        let context = RecoveryContext(kind: .message)
        #expect(policy.action(for: Self.failure(502), context: context) == .reconcileStream)
        let broken = FailureSignal.network(NetworkFailure(phase: .afterSending, reason: "timeout"))
        #expect(policy.action(for: broken, context: context) == .reconcileStream)
    }

    @Test func duplicateRenderIDGetsANewIDOnce() {
        let answers = actions(
            [Self.failure(409, error: "duplicate_id"), Self.failure(409, error: "duplicate_id")],
            context: RecoveryContext(kind: .renderSubmit))
        #expect(answers.first == .newRenderIDAndReplay)
        #expect(stopError(answers.last)?.code == .duplicateRenderID)
    }

    @Test func backoffIsConfigurableAndBounded() {
        let backoff = RetryPolicy.Backoff(
            initialDelay: .milliseconds(500), multiplier: 3, maximumDelay: .seconds(5), maximumRetries: 5)
        #expect((1...5).map(backoff.delay(forRetry:))
            == [.milliseconds(500), .milliseconds(1500), .milliseconds(4500), .seconds(5), .seconds(5)])
        let none = RetryPolicy(backoff: RetryPolicy.Backoff(maximumRetries: 0))
        #expect(stopError(none.action(for: Self.failure(500), context: RecoveryContext(kind: .state)))?.code
            == .serverError)
        let wider = RetryPolicy(safeRequests: [.upload])
        #expect(wider.action(for: Self.failure(500), context: RecoveryContext(kind: .upload))
            == .replay(after: .seconds(1), remedy: .backoffIfSafe))
        let patient = RetryPolicy(rateLimitDelay: .seconds(2), maximumRateLimitDelay: .seconds(5))
        #expect(patient.action(for: Self.failure(429), context: RecoveryContext(kind: .state))
            == .replay(after: .seconds(2), remedy: .waitAndReplay))
        let tooLong = patient.action(for: Self.failure(429, retryAfter: "6"), context: RecoveryContext(kind: .state))
        #expect(stopError(tooLong)?.code == .rateLimited)
    }

    @Test func errorsNeverContainATokenTheServiceEchoed() throws {
        let echo = Self.failure(
            400, message: "bad header Authorization: Bearer nmv_usr_SECRET123 for token nmv_usr_SECRET123")
        let error = try #require(stopError(policy.action(for: echo, context: RecoveryContext(kind: .state))))
        #expect(!error.message.contains("SECRET123"))
        #expect(error.message.contains("<redacted>"))
    }

    @Test(arguments: RecoveryTable.rules + [RecoveryTable.fallback])
    func everyRowStopsWithItsOwnCodeAndAMessage(_ rule: RecoveryRule) throws {
        let signal: FailureSignal =
            switch rule.trigger {
            case .bodyCode(let code): Self.failure(200, code: code)
            case .renderError(let name): Self.failure(400, error: name)
            case .sessionNotFoundDetail: Self.failure(404, message: "Session not found: 1")
            case .httpStatus(let status): Self.failure(status)
            case .httpStatuses(let range): Self.failure(range.lowerBound == 0 ? 302 : range.lowerBound)
            case .network: .network(NetworkFailure(phase: .afterSending, reason: "reset"))
            }
        var context = RecoveryContext(kind: rule.requests?.first ?? .upload)
        var action = policy.action(for: signal, context: context)
        for _ in 0..<10 where stopError(action) == nil {
            context.history.record(action)
            action = policy.action(for: signal, context: context)
        }
        let error = try #require(stopError(action), "\(rule.meaning) never stops")
        #expect(error.code == rule.code)
        #expect(error.message.count > 30)
        #expect(error.message.hasSuffix(".") || error.registrationURL.map(error.message.hasSuffix) == true)
        #expect(!error.message.contains("HTTP 0"))
    }
}
