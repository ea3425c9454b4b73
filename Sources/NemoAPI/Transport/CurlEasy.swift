import CCurl

/// Owns one libcurl easy handle (`CURL *`), freed in deinit, with typed setters for the options the transport uses.
///
/// Not thread-safe: a handle is configured and driven by a single transfer thread. Header lists and mime bodies
/// given to it are kept alive here until the handle is cleaned up.
final class CurlEasy {
    /// The handle.
    let handle: UnsafeMutableRawPointer
    /// Where curl writes a human-readable message for the last failure (`CURLOPT_ERRORBUFFER`).
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headerList: CurlHeaderList?
    private var mime: CurlMime?

    /// Creates a handle, or nil when libcurl cannot be initialised or allocate one.
    init?() {
        guard CurlGlobal.ensureInitialised(), let easy = curl_easy_init() else { return nil }
        handle = easy
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        _ = nemo_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer))
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
        // headerList and mime are released after this body runs, i.e. after the cleanup above, as curl requires.
    }

    /// Sets a numeric option.
    func set(_ option: CURLoption, _ value: Int) -> CURLcode {
        nemo_curl_setopt_long(handle, option, value)
    }

    /// Sets a `curl_off_t` option (sizes).
    func set(_ option: CURLoption, offset value: Int64) -> CURLcode {
        nemo_curl_setopt_off_t(handle, option, curl_off_t(value))
    }

    /// Sets a string option (curl copies the string).
    func set(_ option: CURLoption, _ value: String) -> CURLcode {
        nemo_curl_setopt_string(handle, option, value)
    }

    /// Sets a pointer option, e.g. the context of a callback.
    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) -> CURLcode {
        nemo_curl_setopt_pointer(handle, option, value)
    }

    /// Sets the request headers; the list is kept alive as long as this handle.
    func setHeaders(_ list: CurlHeaderList) -> CURLcode {
        headerList = list
        return nemo_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, list.pointer)
    }

    /// Sets a multipart body; it is kept alive as long as this handle.
    func setMime(_ body: CurlMime) -> CURLcode {
        mime = body
        return nemo_curl_setopt_pointer(handle, CURLOPT_MIMEPOST, UnsafeMutableRawPointer(body.pointer))
    }

    /// A numeric piece of information about the transfer (0 when unavailable).
    func info(_ info: CURLINFO) -> Int {
        var value = 0
        return nemo_curl_getinfo_long(handle, info, &value) == CURLE_OK ? value : 0
    }

    /// A `curl_off_t` piece of information (sizes, microsecond times; 0 when unavailable).
    func info(offset info: CURLINFO) -> Int64 {
        var value: curl_off_t = 0
        return nemo_curl_getinfo_off_t(handle, info, &value) == CURLE_OK ? Int64(value) : 0
    }

    /// A string piece of information, e.g. the effective URL (nil when unavailable).
    func info(string info: CURLINFO) -> String? {
        var value: UnsafePointer<CChar>?
        guard nemo_curl_getinfo_string(handle, info, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }

    /// curl's message for the last failure, or its generic text for `code` when it left none.
    func errorMessage(for code: CURLcode) -> String {
        let text = String(cString: errorBuffer).trimmingTrailingNewlines
        return text.isEmpty ? String(cString: curl_easy_strerror(code)) : text
    }
}

extension String {
    /// The string without trailing CR/LF characters.
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while let last = text.last, last.isNewline { text = text.dropLast() }
        return String(text)
    }
}
