import CCurl
import Foundation
import Logging
import Synchronization

/// One HTTP exchange driven by libcurl on a thread of its own, never on Swift's cooperative pool.
///
/// The thread runs a curl multi handle holding this transfer's easy handle and polls it at most 100 ms at a time,
/// so cancellation (``cancel()`` wakes the poll at once) and the total and idle limits act promptly. Callbacks find
/// this object through `Unmanaged.passUnretained(self).toOpaque()`; the thread keeps it alive until the end.
final class CurlTransfer: @unchecked Sendable {
    // @unchecked Sendable: everything but `cancelled` and `multi.wakeup()` is touched only by the transfer thread,
    // from `start()` to the end of `run()`; other threads only call `cancel()` / `wakeup()`, which use an atomic
    // flag and `curl_multi_wakeup` (documented thread-safe).
    let request: HTTPRequest
    let settings: TransferSettings
    let sink: any TransferSink
    let logger: Logger?
    let progressHandler: (@Sendable (TransferProgress) -> Void)?
    let easy: CurlEasy?
    let multi: CurlMulti?
    private let cancelled = Atomic<Bool>(false)

    // Transfer-thread state.
    var parser: ResponseHeadParser
    var lastActivity = ContinuousClock.now
    var abortError: TransportError?
    var startedAt = ContinuousClock.now
    var uploadFile: UploadFile?
    var progress = TransferProgress()
    var lastReport: ContinuousClock.Instant?
    var bytesReceived: Int64 = 0

    init(
        request: HTTPRequest, settings: TransferSettings, sink: any TransferSink, logger: Logger?,
        progress: (@Sendable (TransferProgress) -> Void)?
    ) {
        self.request = request
        self.settings = settings
        self.sink = sink
        self.logger = logger
        self.progressHandler = progress
        self.easy = CurlEasy()
        self.multi = CurlMulti()
        self.parser = ResponseHeadParser(followsRedirects: settings.maxRedirects > 0)
    }

    /// Starts the transfer thread.
    func start() {
        let thread = Thread { self.run() }
        thread.name = "nemo-curl"
        thread.start()
    }

    /// Stops the transfer as soon as possible; it then finishes with ``TransportError/Code/cancelled``.
    func cancel() {
        cancelled.store(true, ordering: .releasing)
        multi?.wakeup()
    }

    /// Whether ``cancel()`` was called.
    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    private func run() {
        let started = ContinuousClock.now
        logger?.debug(
            "http request started",
            metadata: ["http.method": "\(request.method)", "http.url": "\(Redaction.url(request.url))"])
        var result = drive()
        if case .failure(var error) = result {
            error.requestSent = (easy?.info(CURLINFO_REQUEST_SIZE) ?? 0) > 0
            result = .failure(error)
        }
        reportProgress(final: true)
        let elapsed = ContinuousClock.now - started
        switch result {
        case .success:
            logger?.debug(
                "http request finished",
                metadata: [
                    "http.method": "\(request.method)", "http.url": "\(Redaction.url(request.url))",
                    "http.status": "\(easy?.info(CURLINFO_RESPONSE_CODE) ?? 0)",
                    "http.bytes_received": "\(bytesReceived)", "http.duration_ms": "\(elapsed.wholeMilliseconds)",
                ])
        case .failure(let error):
            logger?.debug(
                "http request failed",
                metadata: [
                    "http.method": "\(request.method)", "http.url": "\(Redaction.url(request.url))",
                    "error.code": "\(error.code)", "error.message": "\(error.message)",
                ])
        }
        sink.finish(result)
    }

    private func drive() -> Result<Void, TransportError> {
        if let error = configure() { return .failure(error) }
        guard let easy, let multi, multi.add(easy) else {
            return .failure(TransportError(.other, "libcurl could not start the request: out of memory?"))
        }
        defer { multi.remove(easy) }
        let start = ContinuousClock.now
        startedAt = start
        lastActivity = start
        while true {
            if isCancelled { return .failure(cancelledError) }
            guard multi.perform() else { return .failure(TransportError(.other, "libcurl's multi interface failed")) }
            if let code = multi.finishedResult() { return outcome(code) }
            let now = ContinuousClock.now
            if let total = settings.timeouts.total, now - start >= total {
                return .failure(totalTimeoutError(total))
            }
            if easy.info(offset: CURLINFO_CONNECT_TIME_T) == 0 {
                lastActivity = now
            } else if let idle = settings.timeouts.idle, now - lastActivity >= idle {
                return .failure(idleTimeoutError(idle))
            }
            multi.poll(milliseconds: 100)
        }
    }

    /// Reports progress to the handler when the interval has passed, or always when `final`.
    func reportProgress(final: Bool = false) {
        guard let progressHandler else { return }
        let now = ContinuousClock.now
        if !final, let lastReport, now - lastReport < settings.progressInterval { return }
        lastReport = now
        progressHandler(progress)
    }
}
