import CCurl
import Foundation
import Logging

extension CurlTransfer {
    /// Hands body bytes to the sink, waiting while a slow reader has no room; 0 aborts the transfer.
    func didReceive(body: UnsafeRawBufferPointer) -> Int {
        while true {
            if isCancelled { return 0 }
            lastActivity = .now  // waiting for the reader is not the server's silence
            switch sink.receive(body: body) {
            case .accepted:
                bytesReceived += Int64(body.count)
                return body.count
            case .full:
                if let total = settings.timeouts.total, ContinuousClock.now - startedAt >= total {
                    abortError = totalTimeoutError(total)
                    return 0
                }
                sink.waitForRoom(milliseconds: 100)
            case .failed(let error):
                abortError = error
                return 0
            }
        }
    }

    /// Feeds a header line to the head parser and hands the final head to the sink.
    func didReceive(headerLine: UnsafeRawBufferPointer) -> Int {
        if isCancelled { return 0 }
        lastActivity = .now
        let url = currentURL
        guard let head = parser.take(line: headerLine, url: url) else { return headerLine.count }
        logger?.debug(
            "http response head",
            metadata: [
                "http.method": "\(request.method)", "http.url": "\(Redaction.url(url))",
                "http.status": "\(head.status)",
            ])
        if let error = sink.receive(head: head) {
            abortError = error
            return 0
        }
        return headerLine.count
    }

    /// Copies the next block of the file body into curl's buffer.
    func readBody(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        if isCancelled { return Int(CURL_READFUNC_ABORT) }
        guard let uploadFile else { return 0 }
        lastActivity = .now
        switch uploadFile.read(into: buffer) {
        case .success(let count):
            return count
        case .failure(let error):
            abortError = error
            return Int(CURL_READFUNC_ABORT)
        }
    }

    /// Moves the file body's read position.
    func seekBody(to offset: Int64, origin: Int32) -> Bool {
        uploadFile?.seek(to: offset, origin: origin) ?? false
    }

    /// Records progress and reports it at most every ``TransferSettings/progressInterval``; false aborts.
    func didProgress(downloadTotal: Int64, downloaded: Int64, uploadTotal: Int64, uploaded: Int64) -> Bool {
        if isCancelled { return false }
        let offset = sink.receivedOffset
        let next = TransferProgress(
            sent: uploaded, totalToSend: uploadTotal > 0 ? uploadTotal : nil, received: offset + downloaded,
            totalToReceive: downloadTotal > 0 ? offset + downloadTotal : nil)
        if next.sent != progress.sent || next.received != progress.received { lastActivity = .now }
        progress = next
        reportProgress()
        return true
    }

    /// The URL being fetched now (after redirects), falling back to the request's.
    private var currentURL: URL {
        easy?.info(string: CURLINFO_EFFECTIVE_URL).flatMap { URL(string: $0) } ?? request.url
    }
}
