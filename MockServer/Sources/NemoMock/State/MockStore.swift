import NemoCore

/// All mutable state of a mock server: tokens, credits, sessions, renders, the journal and the
/// seeded generator. One actor, so concurrent requests see a consistent world.
actor MockStore {
    static let tokenLifetime = 7.0 * 86_400
    static let ipWindow = 7.0 * 86_400
    /// The journal keeps the most recent requests only.
    static let journalLimit = 50_000

    let clock: VirtualClock
    let seed: UInt64
    let creditsPerToken: Int
    let tokensPerIP: Int
    let epoch: Double

    var random: SeededRandom
    var tokens: [String: TokenRecord] = [:]
    var clientIssuance: [String: Double] = [:]
    /// Client ids whose token an `expire-token` fault expired: their next token keeps this user.
    var renewals: [String: String] = [:]
    var ipIssuance: [String: [Double]] = [:]
    var balances: [String: CreditBalance] = [:]
    var sessions: [String: SessionRecord] = [:]
    var renders: [String: RenderRecord] = [:]
    /// The journal's storage: up to twice ``journalLimit`` entries, trimmed by half at a time so that recording
    /// stays amortised O(1) (trimming one entry per request made a full journal shift 50,000 entries each time).
    private var journalEntries: [JournalEntry] = []
    var journalCount = 0
    var firedFaults: Set<String> = []
    var runCount = 0
    var scenarioOverride: String?

    init(clock: VirtualClock, configuration: MockConfiguration) {
        self.clock = clock
        self.seed = configuration.seed
        self.creditsPerToken = configuration.creditsPerToken
        self.tokensPerIP = configuration.tokensPerIP
        self.epoch = configuration.epoch
        self.random = SeededRandom(seed: configuration.seed)
    }

    /// Forgets everything and rewinds the clock and the generator.
    func reset() {
        random = SeededRandom(seed: seed)
        tokens = [:]
        clientIssuance = [:]
        renewals = [:]
        ipIssuance = [:]
        balances = [:]
        sessions = [:]
        renders = [:]
        journalEntries = []
        journalCount = 0
        firedFaults = []
        runCount = 0
        scenarioOverride = nil
        clock.reset(to: epoch)
    }

    /// Sets (or clears) the scenario used when a request names none.
    func setScenario(_ name: String?) { scenarioOverride = name }

    /// Whether a `once` fault identified by `key` may fire now (it fires only the first time).
    func shouldFire(onceKey key: String) -> Bool {
        firedFaults.insert(key).inserted
    }

    /// A seed for the next run's own generator, so concurrent runs cannot disturb each other.
    func nextRunSeed() -> UInt64 {
        runCount += 1
        var mixer = SeededRandom(seed: seed ^ (UInt64(runCount) &* 0x9E37_79B9_7F4A_7C15))
        return mixer.next()
    }

    // MARK: tokens

    /// Issues an anonymous token for `clientId` from `ip`, under the documented limits.
    func issueToken(clientId: String, ip: String) throws(APIFailure) -> (token: String, record: TokenRecord) {
        let now = clock.now()
        if let issued = clientIssuance[clientId], now - issued < Self.tokenLifetime {
            let wait = Int((issued + Self.tokenLifetime - now).rounded(.up))
            throw .rateLimited(retryAfter: wait, "One anonymous token per client id per 7 days: reuse the cached token")
        }
        let recent = (ipIssuance[ip] ?? []).filter { now - $0 < Self.ipWindow }
        if recent.count >= tokensPerIP {
            let wait = Int(((recent.min() ?? now) + Self.ipWindow - now).rounded(.up))
            throw .rateLimited(retryAfter: wait, "Too many anonymous tokens from this address: keep one client id")
        }
        ipIssuance[ip] = recent + [now]
        clientIssuance[clientId] = now
        if let userId = renewals.removeValue(forKey: clientId) {
            let token = "nmv_usr_" + random.hex(40)
            let record = TokenRecord(
                userId: userId, clientId: clientId, issuedAt: now, expiresAt: now + Self.tokenLifetime)
            tokens[token] = record
            return (token, record)
        }
        let userId = "usr_" + random.hex(16)
        let token = "nmv_usr_" + random.hex(40)
        let record = TokenRecord(userId: userId, clientId: clientId, issuedAt: now, expiresAt: now + Self.tokenLifetime)
        tokens[token] = record
        balances[userId] = CreditBalance(available: creditsPerToken, frozen: 0, bind: "bind_" + random.hex(12))
        return (token, record)
    }

    /// The user behind an `Authorization: Bearer` header value.
    func authenticate(_ authorization: String?) throws(APIFailure) -> String {
        guard let authorization, authorization.lowercased().hasPrefix("bearer ") else { throw .tokenInvalid }
        let token = String(authorization.dropFirst(7).trimmingSpaces)
        guard let record = tokens[token] else { throw .tokenInvalid }
        guard clock.now() < record.expiresAt else { throw .tokenExpired }
        return record.userId
    }

    /// The balance of `userId` as `(available, frozen, total)`.
    func credits(userId: String) -> (available: Int, frozen: Int, total: Int) {
        let balance = balances[userId] ?? CreditBalance(available: 0, frozen: 0, bind: "")
        return (balance.available, balance.frozen, balance.available + balance.frozen)
    }

    // MARK: journal

    /// Appends a request to the journal and returns its sequence number.
    func record(_ entry: JournalEntry) {
        var entry = entry
        journalCount += 1
        entry.sequence = journalCount
        if journalEntries.count >= 2 * Self.journalLimit {
            journalEntries.removeFirst(journalEntries.count - Self.journalLimit)
        }
        journalEntries.append(entry)
    }

    /// The most recent requests, at most ``journalLimit``, oldest first.
    var journal: [JournalEntry] {
        Array(journalEntries.suffix(Self.journalLimit))
    }
}
