/// The body of a streaming response: byte chunks as curl receives them, with no extra buffering delay.
///
/// Iterate it once (`for try await chunk in body`). It ends when the server closes the body, and throws
/// ``TransportError`` on failure (``TransportError/Code/idleTimeout`` when the server stalls,
/// ``TransportError/Code/cancelled`` when the reading task is cancelled). Dropping the stream or calling
/// ``cancel()`` stops the transfer. A reader slower than the network holds the transfer back once about 1 MiB
/// (``CurlTransport/Configuration/streamBufferBytes``) waits unread, so memory stays bounded.
public struct HTTPBodyStream: AsyncSequence, Sendable {
    /// A chunk of body bytes.
    public typealias Element = [UInt8]
    /// Transport failures.
    public typealias Failure = TransportError

    let handle: StreamHandle

    /// Creates the iterator.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(handle: handle)
    }

    /// Stops the transfer; a read in progress or the next read throws ``TransportError/Code/cancelled``.
    public func cancel() {
        handle.cancel()
    }

    /// Reads the rest of the body into one array.
    ///
    /// - Throws: ``TransportError/Code/bodyTooLarge`` (and stops the transfer) past `limit` bytes.
    public func collect(upTo limit: Int) async throws(TransportError) -> [UInt8] {
        var bytes: [UInt8] = []
        var iterator = makeAsyncIterator()
        while let chunk = try await iterator.next() {
            guard bytes.count + chunk.count <= limit else {
                cancel()
                throw TransportError(.bodyTooLarge, "the streamed body is larger than \(limit) bytes")
            }
            bytes += chunk
        }
        return bytes
    }

    /// Reads the chunks of an ``HTTPBodyStream``.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let handle: StreamHandle

        /// The next chunk, or nil at the end of the body.
        public mutating func next() async throws(TransportError) -> [UInt8]? {
            try await handle.next(isolation: nil)
        }

        /// The next chunk, or nil at the end of the body, resuming on the caller's actor without a hop.
        public mutating func next(isolation actor: isolated (any Actor)?) async throws(TransportError) -> [UInt8]? {
            try await handle.next(isolation: actor)
        }
    }
}

/// The head of a streaming response, and its body to read as it arrives.
public struct HTTPStreamingResponse: Sendable {
    /// The status line and headers (available before any body byte).
    public var head: HTTPResponseHead
    /// The body chunks.
    public var body: HTTPBodyStream
}

/// Ties a stream's reader to its transfer: cancels the transfer when the reader cancels or goes away.
final class StreamHandle: Sendable {
    private let transfer: CurlTransfer
    private let channel: BodyChannel

    init(transfer: CurlTransfer, channel: BodyChannel) {
        self.transfer = transfer
        self.channel = channel
    }

    deinit {
        cancel()
    }

    /// Reads the next chunk on `actor`; task cancellation cancels the transfer.
    func next(isolation actor: isolated (any Actor)?) async throws(TransportError) -> [UInt8]? {
        let result = await withTaskCancellationHandler {
            await channel.next(isolation: actor)
        } onCancel: {
            self.cancel()
        }
        return try result.get()
    }

    /// Cancels the transfer and fails any read of the body (the request went out: its head came back).
    func cancel() {
        transfer.cancel()
        var error = transfer.cancelledError
        error.requestSent = true
        channel.abandon(with: error)
    }
}
