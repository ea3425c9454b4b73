public import Foundation

/// The status line and headers of a final response (after any redirects followed).
public struct HTTPResponseHead: Sendable, Hashable {
    /// The status code, e.g. 200.
    public var status: Int
    /// The reason phrase as the server sent it (empty for HTTP/2).
    public var reason: String
    /// The protocol, e.g. `HTTP/1.1`.
    public var version: String
    /// The header fields in order.
    public var headers: HTTPHeaders
    /// The URL that answered (differs from the request's after a redirect).
    public var url: URL

    /// Creates a head.
    public init(status: Int, reason: String = "", version: String = "HTTP/1.1", headers: HTTPHeaders, url: URL) {
        self.status = status
        self.reason = reason
        self.version = version
        self.headers = headers
        self.url = url
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The `Content-Length` header as a number, if present and valid.
    public var contentLength: Int64? {
        headers["Content-Length"].flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
    }
}

extension HTTPResponseHead: CustomStringConvertible {
    /// `HTTP/1.1 200 OK [headers]` with secrets (e.g. `Set-Cookie`) redacted.
    public var description: String {
        "\(version) \(status)\(reason.isEmpty ? "" : " \(reason)") \(headers)"
    }
}
