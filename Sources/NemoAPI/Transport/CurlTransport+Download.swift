public import Foundation
import Logging

extension CurlTransport {
    /// Downloads a response body to a file, writing nothing at `destination` until the body is complete.
    ///
    /// Bytes go to the partial file ``partialFileURL(for:)`` beside the destination, which is flushed and renamed
    /// over `destination` at the end. When the connection breaks (or stalls past the idle limit), the download
    /// resumes with `Range: bytes=N-` from the partial file, up to ``Configuration/downloadResumeAttempts`` times;
    /// a later call with the same destination resumes too. A `206` must continue at byte N (`Content-Range`);
    /// a `200` starts over; a `416` whose `Content-Range` total equals the partial size means the partial file is
    /// already whole. If the server refuses a resume it cannot restart from, the error is
    /// ``TransportError/Code/resumeRefused``.
    /// - Parameter progress: bytes of the whole file received so far (resumed bytes included).
    /// - Throws: ``TransportError``: ``TransportError/Code/unexpectedStatus`` (with the response) for answers other
    ///   than 200/206, ``TransportError/Code/fileWriteFailed`` when the disk is full; the partial file is kept
    ///   for a later resume (also when cancelled).
    public func download(
        _ request: HTTPRequest, to destination: URL, progress: (@Sendable (TransferProgress) -> Void)? = nil
    ) async throws(TransportError) -> DownloadResult {
        let file = try PartialFile(path: Self.partialFileURL(for: destination).path)
        defer {
            file.removeIfEmpty()
            file.close()
        }
        var resumesLeft = max(0, configuration.downloadResumeAttempts)
        var restarted = false
        var resumedFrom: [Int64] = []
        while true {
            let offset = file.size
            var attempt = request
            attempt.headers.remove("Range")
            if offset > 0 {
                attempt.headers["Range"] = "bytes=\(offset)-"
                resumedFrom.append(offset)
            }
            let sink = FileSink(file: file, requestedOffset: offset)
            let result = await run(attempt, into: sink, progress: progress)
            if case .failure(let error) = result {
                guard [.connectionLost, .idleTimeout].contains(error.code), resumesLeft > 0 else { throw error }
                resumesLeft -= 1
                logger?.debug(
                    "http download resuming",
                    metadata: ["http.url": "\(Redaction.url(request.url))", "http.offset": "\(file.size)"])
                continue
            }
            guard let head = sink.head else {
                throw TransportError(
                    .protocolError, "\(describe(request)) ended without a response head", requestSent: true)
            }
            switch sink.answer {
            case .writing:
                if let total = sink.expectedTotal, total != file.size {
                    throw TransportError(
                        .connectionLost,
                        "\(describe(request)) ended after \(file.size) of \(total) bytes: run again to resume",
                        requestSent: true)
                }
                try file.complete(as: destination.path)
                return DownloadResult(head: head, destination: destination, bytes: file.size, resumedFrom: resumedFrom)
            case .rangeNotSatisfiable(let total) where total == offset && offset > 0:
                try file.complete(as: destination.path)
                return DownloadResult(head: head, destination: destination, bytes: offset, resumedFrom: resumedFrom)
            case .rangeNotSatisfiable, .rangeMismatch:
                guard !restarted, offset > 0 else {
                    let range = head.headers["Content-Range"] ?? "none"
                    throw TransportError(
                        .resumeRefused,
                        "\(describe(request)) refused to resume at byte \(resumedFrom.first ?? offset) "
                            + "(HTTP \(head.status), Content-Range \(range)), also after a restart: try again later",
                        response: HTTPResponse(head: head, body: []), requestSent: true)
                }
                restarted = true
                try file.truncate()
            case .unexpected, .none:
                throw TransportError(
                    .unexpectedStatus,
                    "\(describe(request)) answered HTTP \(head.status) instead of the file; nothing was written to "
                        + "\(destination.path)",
                    response: HTTPResponse(head: head, body: sink.errorBody), requestSent: true)
            }
        }
    }

    /// The partial file a download to `destination` writes first: `.<name>.part` in the same folder.
    public static func partialFileURL(for destination: URL) -> URL {
        destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).part")
    }

    /// Runs one download attempt to its end.
    private func run(
        _ request: HTTPRequest, into sink: FileSink, progress: (@Sendable (TransferProgress) -> Void)?
    ) async -> Result<Void, TransportError> {
        let transfer = makeTransfer(request, sink: sink, progress: progress)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                sink.completion = { continuation.resume(returning: $0) }
                transfer.start()
            }
        } onCancel: {
            transfer.cancel()
        }
    }

    private func describe(_ request: HTTPRequest) -> String {
        "\(request.method) \(Redaction.url(request.url))"
    }
}
