import Foundation

/// Writes one download attempt into a ``PartialFile``: appends a `206` that continues at the file's end,
/// starts over on `200`, and keeps other answers aside without touching the file.
final class FileSink: TransferSink {
    /// How the attempt's answer relates to the partial file.
    enum Answer {
        /// No head yet.
        case none
        /// Bytes are written from `offset`.
        case writing(offset: Int64)
        /// `416`: the range is not satisfiable; `total` is the size the server announced, if any.
        case rangeNotSatisfiable(total: Int64?)
        /// A `206` that does not start where the file ends.
        case rangeMismatch(String)
        /// Any other status; the body is kept (up to 64 KiB) for the error.
        case unexpected
    }

    private let file: PartialFile
    private let requestedOffset: Int64
    private(set) var answer = Answer.none
    private(set) var head: HTTPResponseHead?
    private(set) var written: Int64 = 0
    private(set) var expectedTotal: Int64?
    private(set) var errorBody: [UInt8] = []
    /// Receives the outcome once the transfer ends (set before it starts).
    var completion: ((Result<Void, TransportError>) -> Void)?

    /// Creates a sink for an attempt that asked for the bytes from `requestedOffset` on (0: the whole file).
    init(file: PartialFile, requestedOffset: Int64) {
        self.file = file
        self.requestedOffset = requestedOffset
    }

    var receivedOffset: Int64 {
        if case .writing(let offset) = answer { return offset }
        return requestedOffset
    }

    func receive(head: HTTPResponseHead) -> TransportError? {
        self.head = head
        switch head.status {
        case 200:
            do {
                try file.truncate()
            } catch {
                return error
            }
            answer = .writing(offset: 0)
            expectedTotal = head.contentLength
        case 206:
            let range = head.headers["Content-Range"].flatMap(ContentRange.init)
            guard let range, range.first == requestedOffset else {
                answer = .rangeMismatch(head.headers["Content-Range"] ?? "none")
                return nil
            }
            answer = .writing(offset: requestedOffset)
            expectedTotal = range.total
        case 416:
            answer = .rangeNotSatisfiable(total: head.headers["Content-Range"].flatMap(ContentRange.init)?.total)
        default:
            answer = .unexpected
        }
        return nil
    }

    func receive(body: UnsafeRawBufferPointer) -> SinkVerdict {
        switch answer {
        case .writing(let offset):
            if let error = file.write(body, at: offset + written) { return .failed(error) }
            written += Int64(body.count)
        case .unexpected:
            errorBody += body.prefix(max(0, 65_536 - errorBody.count))
        case .none, .rangeNotSatisfiable, .rangeMismatch:
            break
        }
        return .accepted
    }

    func finish(_ result: Result<Void, TransportError>) {
        completion?(result)
        completion = nil
    }
}

/// A `Content-Range: bytes first-last/total` value (`total` may be `*`), or `bytes */total`.
struct ContentRange {
    var first: Int64?
    var last: Int64?
    var total: Int64?

    init?(_ header: String) {
        let value = header.trimmingCharacters(in: .whitespaces)
        guard value.lowercased().hasPrefix("bytes ") else { return nil }
        let spec = value.dropFirst(6).trimmingCharacters(in: .whitespaces)
        let parts = spec.split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        total = Int64(parts[1])
        if parts[0] != "*" {
            let bounds = parts[0].split(separator: "-", maxSplits: 1)
            guard bounds.count == 2, let first = Int64(bounds[0]), let last = Int64(bounds[1]) else { return nil }
            self.first = first
            self.last = last
        }
    }
}
