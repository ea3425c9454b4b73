/// How far a transfer has come, reported at most ~10 times a second and once at the end.
///
/// For a resumed download, the received figures count the bytes already on disk, so they always describe the
/// whole file.
public struct TransferProgress: Sendable, Hashable {
    /// Request body bytes sent so far.
    public var sent: Int64
    /// Request body size, when known.
    public var totalToSend: Int64?
    /// Response body bytes received so far.
    public var received: Int64
    /// Response body size, when the server announced it.
    public var totalToReceive: Int64?

    /// Creates a progress value.
    public init(sent: Int64 = 0, totalToSend: Int64? = nil, received: Int64 = 0, totalToReceive: Int64? = nil) {
        self.sent = sent
        self.totalToSend = totalToSend
        self.received = received
        self.totalToReceive = totalToReceive
    }

    /// The fraction of the upload done (0...1), when its size is known.
    public var uploadFraction: Double? {
        guard let totalToSend, totalToSend > 0 else { return nil }
        return min(1, Double(sent) / Double(totalToSend))
    }

    /// The fraction of the download done (0...1), when its size is known.
    public var downloadFraction: Double? {
        guard let totalToReceive, totalToReceive > 0 else { return nil }
        return min(1, Double(received) / Double(totalToReceive))
    }
}
