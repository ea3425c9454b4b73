public import Foundation
public import NemoCore

extension NemoClient {
    /// Everything the client needs to know, as values; the CLI reads flags, environment and config file into it.
    public struct Configuration: Sendable {
        /// The service (production: `https://mega-api-prod.nemovideo.ai`; tests and demos: the mock's URL).
        public var baseURL: URL
        /// The product the client speaks as (attribution, size limit).
        public var profile: ProductProfile
        /// Where the client is installed, for `X-Skill-Platform`.
        public var platform: Attribution.Platform
        /// The folder of nemo's own files (client id, token cache, last session, render jobs).
        public var stateFolder: String
        /// The environment (`NEMO_TOKEN`, `NEMO_CLIENT_ID`).
        public var environment: [String: String]
        /// Timeouts of ordinary requests.
        public var requestTimeouts: TransportTimeouts
        /// Retry and backoff rules.
        public var retryPolicy: RetryPolicy
        /// Heartbeat notices and stream timeouts.
        public var liveness: LivenessPolicy.Configuration
        /// The schedule for reconciling a dropped or silent stream.
        public var recovery: StreamRecovery.Configuration
        /// Render polling cadence.
        public var polling: RenderPolling.Configuration
        /// How the client waits (a test can make waits instant).
        public var sleeper: any Sleeper

        /// Creates a configuration; everything but the base URL and state folder has the production default.
        public init(
            baseURL: URL, profile: ProductProfile = .default, platform: Attribution.Platform = .unknown,
            stateFolder: String, environment: [String: String] = [:],
            requestTimeouts: TransportTimeouts = TransportTimeouts(connect: .seconds(10), total: .seconds(120)),
            retryPolicy: RetryPolicy = RetryPolicy(), liveness: LivenessPolicy.Configuration = .init(),
            recovery: StreamRecovery.Configuration = .init(), polling: RenderPolling.Configuration = .init(),
            sleeper: any Sleeper = TaskSleeper()
        ) {
            self.baseURL = baseURL
            self.profile = profile
            self.platform = platform
            self.stateFolder = stateFolder
            self.environment = environment
            self.requestTimeouts = requestTimeouts
            self.retryPolicy = retryPolicy
            self.liveness = liveness
            self.recovery = recovery
            self.polling = polling
            self.sleeper = sleeper
        }

        /// The production service.
        public static let productionURL = URL(string: "https://mega-api-prod.nemovideo.ai")!
    }
}
