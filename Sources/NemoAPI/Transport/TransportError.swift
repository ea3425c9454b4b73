/// Why a request failed at the transport level, with a message a person can act on.
///
/// Messages never contain a header value or a URL query (see ``Redaction``). Compare ``code`` to decide what to do;
/// show ``message`` to the user.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) {
            self.name = name
        }

        /// The request cannot be sent as given (bad URL, header, method or body).
        public static let invalidRequest = Code("invalidRequest")
        /// The URL's scheme is not `http` or `https`.
        public static let unsupportedScheme = Code("unsupportedScheme")
        /// The host name could not be resolved.
        public static let couldNotResolveHost = Code("couldNotResolveHost")
        /// No connection could be made (refused, unreachable).
        public static let couldNotConnect = Code("couldNotConnect")
        /// The connect time limit passed.
        public static let connectTimeout = Code("connectTimeout")
        /// The total time limit passed.
        public static let totalTimeout = Code("totalTimeout")
        /// No byte moved for the idle time limit.
        public static let idleTimeout = Code("idleTimeout")
        /// The calling task was cancelled, or the body stream was abandoned.
        public static let cancelled = Code("cancelled")
        /// The TLS handshake or certificate verification failed.
        public static let tlsFailure = Code("tlsFailure")
        /// The response body is larger than the limit for in-memory responses.
        public static let bodyTooLarge = Code("bodyTooLarge")
        /// A file to upload could not be opened or read.
        public static let fileUnreadable = Code("fileUnreadable")
        /// A downloaded file could not be written (disk full, permissions).
        public static let fileWriteFailed = Code("fileWriteFailed")
        /// The server would not resume a partial download, and starting over was not possible.
        public static let resumeRefused = Code("resumeRefused")
        /// A download answered with a status other than 200/206 (``TransportError/response`` holds it).
        public static let unexpectedStatus = Code("unexpectedStatus")
        /// The connection closed or broke before the response was complete.
        public static let connectionLost = Code("connectionLost")
        /// More redirects than allowed.
        public static let tooManyRedirects = Code("tooManyRedirects")
        /// The server's answer was not valid HTTP.
        public static let protocolError = Code("protocolError")
        /// libcurl failed in a way not listed above (the message has its text).
        public static let other = Code("other")

        /// The code's name, e.g. `idleTimeout`.
        public var description: String { name }
    }

    /// What kind of failure this is.
    public let code: Code
    /// A sentence saying what happened and what to do.
    public let message: String
    /// The response, for ``Code/unexpectedStatus`` (its body cut to 64 KiB) and ``Code/resumeRefused``.
    public var response: HTTPResponse?
    /// libcurl's `CURLcode`, when libcurl reported the failure.
    public var curlCode: Int?
    /// Whether any byte of the request went out: false means the server cannot have acted on it, so sending it
    /// again is safe even for requests that are not idempotent.
    public var requestSent: Bool

    /// Creates an error.
    public init(
        _ code: Code, _ message: String, response: HTTPResponse? = nil, curlCode: Int? = nil, requestSent: Bool = false
    ) {
        self.code = code
        self.message = message
        self.response = response
        self.curlCode = curlCode
        self.requestSent = requestSent
    }

    /// The message.
    public var description: String { message }
}
