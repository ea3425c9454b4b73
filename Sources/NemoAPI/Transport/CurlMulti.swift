import CCurl

/// Owns a `CURLM` multi handle driving one transfer on its thread; freed in deinit.
///
/// ``wakeup()`` is the only method that may be called from another thread (`curl_multi_wakeup` is thread-safe).
final class CurlMulti {
    /// The multi handle.
    let handle: UnsafeMutableRawPointer

    /// Creates a multi handle, or nil when curl cannot allocate one.
    init?() {
        guard CurlGlobal.ensureInitialised(), let multi = curl_multi_init() else { return nil }
        handle = multi
    }

    deinit {
        curl_multi_cleanup(handle)
    }

    /// Adds an easy handle to drive.
    func add(_ easy: CurlEasy) -> Bool {
        curl_multi_add_handle(handle, easy.handle) == CURLM_OK
    }

    /// Removes an easy handle (before it is cleaned up).
    func remove(_ easy: CurlEasy) {
        curl_multi_remove_handle(handle, easy.handle)
    }

    /// Does whatever work can be done now without blocking.
    func perform() -> Bool {
        var running: Int32 = 0
        return curl_multi_perform(handle, &running) == CURLM_OK
    }

    /// The result of a finished transfer, if one finished.
    func finishedResult() -> CURLcode? {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(handle, &queued) {
            if message.pointee.msg == CURLMSG_DONE { return message.pointee.data.result }
        }
        return nil
    }

    /// Waits until there is socket activity, ``wakeup()`` is called, or `milliseconds` pass.
    func poll(milliseconds: Int) {
        curl_multi_poll(handle, nil, 0, Int32(clamping: milliseconds), nil)
    }

    /// Interrupts a ``poll(milliseconds:)`` in progress (from any thread).
    func wakeup() {
        curl_multi_wakeup(handle)
    }
}
