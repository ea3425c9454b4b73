public import Foundation

/// Everything a mock server needs to start; every value has a default.
public struct MockConfiguration: Sendable {
    /// Address to bind.
    public var host: String
    /// Port to bind (0 = any free port; `start()` returns the one chosen).
    public var port: Int
    /// The fixtures folder (holding `transcripts/` and `media/`).
    public var fixtures: URL
    /// Seed of every id, token and choice.
    public var seed: UInt64
    /// Virtual seconds per real second: 0 never sleeps, 1 is real time.
    public var timeScale: Double
    /// Scenario used when a request names none.
    public var defaultScenario: String
    /// Virtual start time, seconds since 1970 (default 2026-11-21T00:00:00Z).
    public var epoch: Double
    /// Credits a new anonymous token comes with.
    public var creditsPerToken: Int
    /// Anonymous tokens one IP address may obtain per 7 days.
    public var tokensPerIP: Int
    /// Largest request body accepted on JSON endpoints, in bytes.
    public var maxJSONBytes: Int
    /// Largest upload request body accepted, in bytes.
    public var maxUploadBytes: Int
    /// Where uploads are stored (a fresh temporary folder when nil).
    public var uploadFolder: URL?
    /// Renders each export's draft into a real video of the session's media; when nil, every completed export
    /// serves the recorded clip `media/render.mp4`.
    public var draftRenderer: DraftRenderer?

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        fixtures: URL,
        seed: UInt64 = 42,
        timeScale: Double = 0,
        defaultScenario: String = "default",
        epoch: Double = 1_795_219_200,
        creditsPerToken: Int = 100,
        tokensPerIP: Int = 10,
        maxJSONBytes: Int = 4 * 1_048_576,
        maxUploadBytes: Int = 256 * 1_048_576,
        uploadFolder: URL? = nil,
        draftRenderer: DraftRenderer? = nil
    ) {
        self.host = host
        self.port = port
        self.fixtures = fixtures
        self.seed = seed
        self.timeScale = timeScale
        self.defaultScenario = defaultScenario
        self.epoch = epoch
        self.creditsPerToken = creditsPerToken
        self.tokensPerIP = tokensPerIP
        self.maxJSONBytes = maxJSONBytes
        self.maxUploadBytes = maxUploadBytes
        self.uploadFolder = uploadFolder
        self.draftRenderer = draftRenderer
    }
}
