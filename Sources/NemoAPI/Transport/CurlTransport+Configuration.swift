extension CurlTransport {
    /// Defaults for every request of a transport; every value has a default.
    public struct Configuration: Sendable {
        /// Time limits for requests that set none of their own.
        public var timeouts: TransportTimeouts
        /// Largest body ``CurlTransport/send(_:progress:)`` keeps in memory (requests may set their own).
        public var maxResponseBytes: Int
        /// Redirects followed (0: none). `Authorization` is never sent on to another host, port or scheme.
        public var maxRedirects: Int
        /// The `User-Agent` header.
        public var userAgent: String
        /// How often progress handlers are called at most (default 100 ms: ~10 times a second).
        public var progressInterval: Duration
        /// Bytes a streaming response buffers for a slow reader before the transfer waits for it.
        public var streamBufferBytes: Int
        /// How many times one ``CurlTransport/download(_:to:progress:)`` call resumes a broken transfer itself.
        public var downloadResumeAttempts: Int

        /// Creates a configuration.
        public init(
            timeouts: TransportTimeouts = TransportTimeouts(),
            maxResponseBytes: Int = 64 * 1_048_576,
            maxRedirects: Int = 5,
            userAgent: String = "nemo (libcurl)",
            progressInterval: Duration = .milliseconds(100),
            streamBufferBytes: Int = 1_048_576,
            downloadResumeAttempts: Int = 3
        ) {
            self.timeouts = timeouts
            self.maxResponseBytes = maxResponseBytes
            self.maxRedirects = maxRedirects
            self.userAgent = userAgent
            self.progressInterval = progressInterval
            self.streamBufferBytes = streamBufferBytes
            self.downloadResumeAttempts = downloadResumeAttempts
        }
    }
}
