public import ArgumentParser

/// Options every service command shares. Precedence: flag, then environment, then the config file, then default.
struct GlobalOptions: ParsableArguments {
    @Option(help: "mock (start nemo-mock in-process on a free loopback port) or live (a real service).")
    var backend: BackendKind?

    @Option(help: "The service URL (env NEMO_API_URL); implies --backend live. Default: the production service.")
    var apiURL: String?

    @Option(help: "Product profile: image-to-video-ltx, create-video-from-images, pixverse-ai-image-to-video, image-to-free, ai-animations (env NEMO_PROFILE).")
    var profile: String?

    @Flag(help: "One JSON object per line on stdout for every event and result; nothing else on stdout.")
    var json = false

    @Option(help: "Configuration file (env NEMO_CONFIG; default ~/.config/nemovideo/config.json).")
    var config: String?

    @Option(help: "Log to stderr at this level: trace, debug, info, notice, warning, error, critical (env NEMO_LOG_LEVEL; default: none). Secrets are never logged.")
    var logLevel: String?

    @Option(help: "With --backend mock: the scenario the mock plays (see MockServer/README.md).")
    var mockScenario: String?

    @Option(help: "With --backend mock: the fixtures folder (default: Fixtures/ of the nemo checkout).")
    var mockFixtures: String?

    @Option(help: "With --backend mock: 'local' renders exports from your images (default), 'recorded' serves a canned clip (env NEMO_MOCK_RENDER).")
    var mockRender: MockRenderMode?

    @Option(help: "Seconds between render polls (default 30; with --backend mock every wait is scaled by 1/1000).")
    var pollInterval: Double?

    @Option(help: "Render polls before giving up (production default 10).")
    var maxPolls: Int?

    init() {}
}

/// How the embedded mock renders exports.
enum MockRenderMode: String, ExpressibleByArgument, Sendable {
    /// The offline renderer makes a video of the session's own media.
    case local
    /// The recorded clip `media/render.mp4`, instantly (for tests).
    case recorded
}

/// Where requests go.
enum BackendKind: String, ExpressibleByArgument, Sendable {
    case mock
    case live
}
