/// Hands the head to the waiting caller and each body block to a ``BodyChannel`` as curl delivers it, for
/// ``CurlTransport/stream(_:progress:)``.
final class StreamSink: TransferSink {
    private let channel: BodyChannel
    private let describe: String
    /// Receives the head, or the failure that came before it (set before the transfer starts).
    var headCompletion: ((Result<HTTPResponseHead, TransportError>) -> Void)?

    /// Creates a sink feeding `channel`; `describe` names the request in messages.
    init(channel: BodyChannel, describe: String) {
        self.channel = channel
        self.describe = describe
    }

    func receive(head: HTTPResponseHead) -> TransportError? {
        headCompletion?(.success(head))
        headCompletion = nil
        return nil
    }

    func receive(body: UnsafeRawBufferPointer) -> SinkVerdict {
        switch channel.offer(Array(body)) {
        case .accepted: return .accepted
        case .full: return .full
        case .abandoned:
            return .failed(TransportError(.cancelled, "the body stream of \(describe) was abandoned by its reader"))
        }
    }

    func waitForRoom(milliseconds: Int) {
        channel.waitForRoom(milliseconds: milliseconds)
    }

    func finish(_ result: Result<Void, TransportError>) {
        if let headCompletion {
            self.headCompletion = nil
            switch result {
            case .success:
                headCompletion(
                    .failure(
                        TransportError(.protocolError, "\(describe) ended without a response head", requestSent: true)))
            case .failure(let error):
                headCompletion(.failure(error))
            }
        }
        channel.finish(result)
    }
}
