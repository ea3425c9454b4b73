public import Foundation

/// One HTTP request: method, URL, headers, body, and optional per-request limits.
///
/// Printing a request shows its URL without query and its headers with secrets redacted.
public struct HTTPRequest: Sendable {
    /// The method.
    public var method: HTTPMethod
    /// The URL; only `http` and `https` are accepted.
    public var url: URL
    /// The header fields (`Content-Type` is added from the body when absent).
    public var headers: HTTPHeaders
    /// The body.
    public var body: HTTPBody
    /// Time limits for this request; nil uses the transport's ``CurlTransport/Configuration/timeouts``.
    public var timeouts: TransportTimeouts?
    /// Largest response body ``CurlTransport/send(_:progress:)`` keeps in memory; nil uses the configuration's.
    public var maxResponseBytes: Int?

    /// Creates a request.
    public init(
        method: HTTPMethod = .get, url: URL, headers: HTTPHeaders = [:], body: HTTPBody = .none,
        timeouts: TransportTimeouts? = nil, maxResponseBytes: Int? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeouts = timeouts
        self.maxResponseBytes = maxResponseBytes
    }
}

extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `METHOD url [headers]`, query and secrets redacted.
    public var description: String {
        "\(method) \(Redaction.url(url)) \(headers)"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror without secrets, so `dump` is safe too.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "method": method.rawValue, "url": Redaction.url(url), "headers": headers,
                "body": String(describing: body.summary),
            ])
    }
}

extension HTTPBody {
    /// Whether this is ``none``.
    var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// A one-line summary without the content, e.g. `json(120 bytes)`.
    var summary: String {
        switch self {
        case .none: "none"
        case .bytes(let bytes, let type): "bytes(\(bytes.count) bytes, \(type))"
        case .json(let bytes): "json(\(bytes.count) bytes)"
        case .file(let url, let type): "file(\(url.path), \(type))"
        case .multipart(let files, let fields): "multipart(\(files.count) files, \(fields.count) fields)"
        }
    }
}
