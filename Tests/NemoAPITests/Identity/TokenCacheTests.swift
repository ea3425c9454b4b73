import Foundation
import NemoAPI
import Testing

@Suite("Token cache: 0600, atomic, reused until expiry, refused when others can read it")
struct TokenCacheTests {
    static let now = Date(timeIntervalSince1970: 1_795_219_200)
    static let token = CachedToken(
        token: BearerToken("nmv_usr_cachedsecret"), expiresAt: now + 7 * 24 * 3600, clientID: "c-1", userID: "u-1")

    @Test func storesPrivatelyAndReloads() throws {
        let folder = try TemporaryFolder()
        let cache = TokenCache(folder: folder.path + "/nemovideo")
        try cache.store(Self.token)
        #expect(try folder.mode("nemovideo/token.json") == 0o600)
        #expect(try cache.load(now: Self.now) == Self.token)
        let json = try JSONValue(parsing: try folder.read("nemovideo/token.json"))
        #expect(json["expires_at"] == "2026-11-28T00:00:00Z")
        #expect(json["client_id"] == "c-1")
    }

    @Test func writesAtomicallyByReplacingTheFile() throws {
        let folder = try TemporaryFolder()
        let cache = TokenCache(folder: folder.path)
        try cache.store(Self.token)
        let firstInode = try FileManager.default.attributesOfItem(atPath: cache.path)[.systemFileNumber] as? NSNumber
        var renewed = Self.token
        renewed.token = BearerToken("nmv_usr_renewed")
        try cache.store(renewed)
        let secondInode = try FileManager.default.attributesOfItem(atPath: cache.path)[.systemFileNumber] as? NSNumber
        #expect(firstInode != nil && firstInode != secondInode, "a new file renamed over the old one")
        #expect(try folder.contents() == ["token.json"], "no temporary file left behind")
        #expect(try cache.load(now: Self.now)?.token.rawValue == "nmv_usr_renewed")
        #expect(try folder.mode("token.json") == 0o600)
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660, 0o666, 0o700 | 0o044])
    func refusesACacheOthersCanRead(_ mode: Int) throws {
        let folder = try TemporaryFolder()
        let cache = TokenCache(folder: folder.path)
        try cache.store(Self.token)
        try folder.setMode("token.json", mode)
        do {
            _ = try cache.load(now: Self.now)
            Issue.record("a cache with mode \(String(mode, radix: 8)) was used")
        } catch {
            #expect(error.code == .insecureTokenCache)
            #expect(error.message.contains("chmod 600 \(cache.path)"))
            #expect(error.message.contains("or delete it"))
            #expect(error.message.contains("mode \(String(mode, radix: 8))"))
            #expect(!error.message.contains("cachedsecret"))
        }
        #expect(throws: NemoAPIError.self) {
            try Credentials.resolve(environment: ["HOME": "/nonexistent"], folder: folder.path, now: Self.now)
        }
    }

    @Test func acceptsOwnerOnlyModes() throws {
        let folder = try TemporaryFolder()
        let cache = TokenCache(folder: folder.path)
        try cache.store(Self.token)
        try folder.setMode("token.json", 0o400)
        #expect(try cache.load(now: Self.now) == Self.token)
    }

    @Test func refusesSomethingThatIsNotAFile() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("token.json"), withIntermediateDirectories: false)
        try folder.setMode("token.json", 0o700)
        #expect(throws: NemoAPIError.self) { try TokenCache(folder: folder.path).load(now: Self.now) }
    }

    @Test(arguments: [
        (-3600.0, false), (30.0, false), (59.0, false), (61.0, true), (7 * 24 * 3600.0, true),
    ])
    func reusedUntilExpiry(_ secondsLeft: Double, _ usable: Bool) throws {
        let folder = try TemporaryFolder()
        let cache = TokenCache(folder: folder.path)
        var token = Self.token
        token.expiresAt = Self.now + secondsLeft
        try cache.store(token)
        #expect((try cache.load(now: Self.now) != nil) == usable)
    }

    @Test(arguments: ["", "{", #"{"token":"t"}"#, #"{"expires_at":"2026-11-28T00:00:00Z"}"#, "[]"])
    func unreadableCacheIsNotUsed(_ content: String) throws {
        let folder = try TemporaryFolder()
        try folder.write("token.json", content)
        try folder.setMode("token.json", 0o600)
        #expect(try TokenCache(folder: folder.path).load(now: Self.now) == nil)
    }

    @Test func removeForgetsTheToken() throws {
        let folder = try TemporaryFolder()
        let cache = TokenCache(folder: folder.path)
        try cache.store(Self.token)
        try cache.remove()
        try cache.remove()
        #expect(try cache.load(now: Self.now) == nil)
    }

    @Test func fromATokenResponse() {
        let obtained = Self.now
        let response = TokenResponse(token: BearerToken("t"), userID: "u")
        #expect(CachedToken(response: response, obtainedAt: obtained, clientID: "c").expiresAt == obtained + 604_800)
        let dated = TokenResponse(token: BearerToken("t"), expiresAt: obtained + 10)
        #expect(CachedToken(response: dated, obtainedAt: obtained, clientID: nil).expiresAt == obtained + 10)
    }
}

@Suite("Credentials: NEMO_TOKEN wins, then the cache, then a new token with the client id")
struct CredentialsTests {
    @Test func environmentTokenWinsOverTheCache() throws {
        let folder = try TemporaryFolder()
        try TokenCache(folder: folder.path).store(TokenCacheTests.token)
        let credentials = try Credentials.resolve(
            environment: ["NEMO_TOKEN": " nmv_usr_env \n"], folder: folder.path, now: TokenCacheTests.now)
        #expect(credentials == .environment(BearerToken("nmv_usr_env")))
        #expect(credentials.origin == .environment && credentials.token?.rawValue == "nmv_usr_env")
        #expect(try folder.contents() == ["token.json"], "no client id is created when NEMO_TOKEN is set")
    }

    @Test func cachedTokenIsReused() throws {
        let folder = try TemporaryFolder()
        try TokenCache(folder: folder.path).store(TokenCacheTests.token)
        let credentials = try Credentials.resolve(
            environment: ["NEMO_TOKEN": ""], folder: folder.path, now: TokenCacheTests.now)
        #expect(credentials == .cached(TokenCacheTests.token))
        #expect(credentials.origin == .anonymous)
    }

    @Test func otherwiseANewTokenIsNeeded() throws {
        let folder = try TemporaryFolder()
        let first = try Credentials.resolve(environment: [:], folder: folder.path, now: TokenCacheTests.now)
        guard case .needsToken(let id, .created) = first else {
            Issue.record("expected a new client id, got \(first)")
            return
        }
        #expect(first.token == nil)
        let second = try Credentials.resolve(environment: [:], folder: folder.path, now: TokenCacheTests.now)
        #expect(second == .needsToken(clientID: id, origin: .file))
        let expired = try Credentials.resolve(
            environment: ["NEMO_CLIENT_ID": "mine"], folder: folder.path, now: TokenCacheTests.now + 30 * 86400)
        #expect(expired == .needsToken(clientID: "mine", origin: .environment))
    }

    @Test func credentialsNeverPrintTheToken() throws {
        let text = String(describing: Credentials.cached(TokenCacheTests.token))
        #expect(!text.contains("cachedsecret"))
        #expect(!String(describing: Credentials.environment(BearerToken("nmv_usr_xyz12345"))).contains("xyz12345"))
    }
}
