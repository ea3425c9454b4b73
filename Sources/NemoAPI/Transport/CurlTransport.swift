public import Logging

/// An HTTP client on libcurl: buffered requests, streaming responses, resumable downloads and streamed uploads.
///
/// Each request runs on a dedicated thread (never on Swift's cooperative pool) and is bridged to `async`;
/// cancelling the calling task stops it promptly. TLS certificates are always verified; only `http` and `https`
/// are allowed, also for redirects, and `Authorization` is not forwarded to another host on redirect.
///
/// ```swift
/// let transport = CurlTransport(logger: logger)
/// let response = try await transport.send(HTTPRequest(method: .post, url: url, body: .json(text: "{}")))
/// ```
public struct CurlTransport: Sendable {
    /// Defaults applied to every request.
    public var configuration: Configuration
    /// Where requests are logged at debug level (never a header value); nil logs nothing.
    public var logger: Logger?

    /// Creates a transport.
    public init(configuration: Configuration = Configuration(), logger: Logger? = nil) {
        self.configuration = configuration
        self.logger = logger
    }

    /// The libcurl version in use, e.g. `7.88.1`.
    public static var libcurlVersion: String { CurlGlobal.version }

    /// Sends a request and reads the whole response into memory.
    ///
    /// Any status is a response (4xx and 5xx are not errors here).
    /// - Parameter progress: called on the transfer thread at most every
    ///   ``Configuration/progressInterval``, and once at the end.
    /// - Throws: ``TransportError``, e.g. ``TransportError/Code/bodyTooLarge`` past the body limit.
    public func send(
        _ request: HTTPRequest, progress: (@Sendable (TransferProgress) -> Void)? = nil
    ) async throws(TransportError) -> HTTPResponse {
        let sink = BufferSink(
            limit: request.maxResponseBytes ?? configuration.maxResponseBytes,
            describe: "\(request.method) \(Redaction.url(request.url))")
        let transfer = makeTransfer(request, sink: sink, progress: progress)
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                sink.completion = { continuation.resume(returning: $0) }
                transfer.start()
            }
        } onCancel: {
            transfer.cancel()
        }
        return try result.get()
    }

    /// Sends a request and returns as soon as the response head arrives; the body follows as chunks.
    ///
    /// Use it for `text/event-stream` (each chunk is handed over as soon as curl receives it) and other long
    /// bodies. Any status is a response. Give the request an idle timeout longer than the server's heartbeat.
    /// - Throws: ``TransportError`` when the request fails before the head arrives.
    public func stream(
        _ request: HTTPRequest, progress: (@Sendable (TransferProgress) -> Void)? = nil
    ) async throws(TransportError) -> HTTPStreamingResponse {
        let channel = BodyChannel(highWater: configuration.streamBufferBytes)
        let sink = StreamSink(channel: channel, describe: "\(request.method) \(Redaction.url(request.url))")
        let transfer = makeTransfer(request, sink: sink, progress: progress)
        let handle = StreamHandle(transfer: transfer, channel: channel)
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                sink.headCompletion = { continuation.resume(returning: $0) }
                transfer.start()
            }
        } onCancel: {
            handle.cancel()
        }
        return HTTPStreamingResponse(head: try result.get(), body: HTTPBodyStream(handle: handle))
    }

    /// A transfer of `request` into `sink` with this transport's settings.
    func makeTransfer(
        _ request: HTTPRequest, sink: any TransferSink, progress: (@Sendable (TransferProgress) -> Void)?
    ) -> CurlTransfer {
        CurlTransfer(
            request: request, settings: TransferSettings(configuration: configuration, request: request), sink: sink,
            logger: logger, progress: progress)
    }
}
