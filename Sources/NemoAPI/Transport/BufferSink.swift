/// Collects a whole response in memory, refusing bodies over a size limit, for ``CurlTransport/send(_:progress:)``.
final class BufferSink: TransferSink {
    private let limit: Int
    private let describe: String
    private var head: HTTPResponseHead?
    private var body: [UInt8] = []
    /// Receives the outcome once the transfer ends (set before the transfer starts).
    var completion: ((Result<HTTPResponse, TransportError>) -> Void)?

    /// Creates a sink keeping at most `limit` body bytes; `describe` names the request in messages.
    init(limit: Int, describe: String) {
        self.limit = limit
        self.describe = describe
    }

    func receive(head: HTTPResponseHead) -> TransportError? {
        self.head = head
        return nil
    }

    func receive(body bytes: UnsafeRawBufferPointer) -> SinkVerdict {
        guard body.count + bytes.count <= limit else {
            return .failed(
                TransportError(
                    .bodyTooLarge,
                    "the response to \(describe) is larger than the \(limit)-byte limit for in-memory bodies: "
                        + "raise maxResponseBytes, or use stream or download for large bodies"))
        }
        body.append(contentsOf: bytes)
        return .accepted
    }

    func finish(_ result: Result<Void, TransportError>) {
        let response = result.flatMap { () -> Result<HTTPResponse, TransportError> in
            guard let head else {
                return .failure(
                    TransportError(.protocolError, "\(describe) ended without a response head", requestSent: true))
            }
            return .success(HTTPResponse(head: head, body: body))
        }
        completion?(response)
        completion = nil
    }
}
