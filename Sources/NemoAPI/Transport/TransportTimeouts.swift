/// The time limits of one request: connecting, the whole exchange, and silence (no bytes moving).
///
/// Each limit that fires ends the request with its own ``TransportError`` code (``TransportError/Code/connectTimeout``,
/// ``TransportError/Code/totalTimeout``, ``TransportError/Code/idleTimeout``), whose message names the limit.
public struct TransportTimeouts: Sendable, Hashable {
    /// Longest wait for the TCP (and TLS) connection.
    public var connect: Duration
    /// Longest time for the whole exchange, body included; nil for no limit (long streams).
    public var total: Duration?
    /// Longest time with no byte sent or received once connected; nil for no limit.
    ///
    /// Time while a streaming consumer is not reading does not count: only a silent server does.
    public var idle: Duration?

    /// Creates limits; the defaults suit API calls: 10 s to connect, no total limit, 60 s of silence.
    public init(connect: Duration = .seconds(10), total: Duration? = nil, idle: Duration? = .seconds(60)) {
        self.connect = connect
        self.total = total
        self.idle = idle
    }
}

extension Duration {
    /// Whole milliseconds, rounded up, at least 1.
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        let millis = seconds * 1_000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(max(1, millis))
    }

    /// A short human form: `2 s`, `1.5 s`, `250 ms`.
    var spoken: String {
        let millis = wholeMilliseconds
        if millis < 1_000 { return "\(millis) ms" }
        if millis % 1_000 == 0 { return "\(millis / 1_000) s" }
        return "\(Double(millis) / 1_000) s"
    }
}
