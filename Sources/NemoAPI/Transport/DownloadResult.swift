public import Foundation

/// A finished download: the file is complete at its destination.
public struct DownloadResult: Sendable, Hashable {
    /// The head of the last response (`200`, `206`, or `416` when the partial file was already whole).
    public var head: HTTPResponseHead
    /// Where the file is.
    public var destination: URL
    /// The file's size in bytes.
    public var bytes: Int64
    /// The offsets this call resumed from (`Range: bytes=N-`), in order; empty when it never resumed.
    public var resumedFrom: [Int64]
}
