/// Where a transfer delivers its response: memory (``BufferSink``), a consumer (``StreamSink``) or a file
/// (``FileSink``). Every method is called on the transfer's own thread.
protocol TransferSink: AnyObject {
    /// Takes the final response head; an error aborts the transfer with it.
    func receive(head: HTTPResponseHead) -> TransportError?
    /// Takes a block of body bytes.
    func receive(body: UnsafeRawBufferPointer) -> SinkVerdict
    /// Blocks the transfer thread up to `milliseconds` until a sink that answered ``SinkVerdict/full`` has room.
    func waitForRoom(milliseconds: Int)
    /// The bytes already held before this transfer (a resumed download's offset), for progress figures.
    var receivedOffset: Int64 { get }
    /// Called exactly once when the transfer ends.
    func finish(_ result: Result<Void, TransportError>)
}

/// What a sink did with a block of body bytes.
enum SinkVerdict {
    /// Taken.
    case accepted
    /// Not taken: wait with ``TransferSink/waitForRoom(milliseconds:)`` and offer the same bytes again.
    case full
    /// Not taken: abort the transfer with this error.
    case failed(TransportError)
}

extension TransferSink {
    func waitForRoom(milliseconds: Int) {}
    var receivedOffset: Int64 { 0 }
}
