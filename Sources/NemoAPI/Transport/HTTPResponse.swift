/// A response whose body was read whole into memory by ``CurlTransport/send(_:progress:)``.
public struct HTTPResponse: Sendable, Hashable {
    /// The status line and headers.
    public var head: HTTPResponseHead
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(head: HTTPResponseHead, body: [UInt8]) {
        self.head = head
        self.body = body
    }

    /// The status code.
    public var status: Int { head.status }

    /// The header fields.
    public var headers: HTTPHeaders { head.headers }

    /// The body decoded as UTF-8 (invalid sequences replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }
}
