/// The limits and options one transfer runs with: the transport's configuration merged with the request's own.
struct TransferSettings: Sendable {
    var timeouts: TransportTimeouts
    var maxRedirects: Int
    var userAgent: String
    var progressInterval: Duration

    init(configuration: CurlTransport.Configuration, request: HTTPRequest) {
        timeouts = request.timeouts ?? configuration.timeouts
        maxRedirects = max(0, configuration.maxRedirects)
        userAgent = configuration.userAgent
        progressInterval = configuration.progressInterval
    }
}
