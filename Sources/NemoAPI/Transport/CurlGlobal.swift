import CCurl

/// libcurl's process-wide state, initialised once (`curl_global_init`) before the first handle is made.
enum CurlGlobal {
    /// The result of the one `curl_global_init` call; Swift runs a static initialiser exactly once, thread-safely.
    private static let initialised: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

    /// Makes sure libcurl is initialised; returns false when initialisation failed.
    static func ensureInitialised() -> Bool {
        initialised == CURLE_OK
    }

    /// The libcurl version string, e.g. `7.88.1`.
    static var version: String {
        // Every version of `curl_version_info_data` starts with the same fields, so the first layout is enough.
        String(cString: curl_version_info(CURLVERSION_FIRST).pointee.version)
    }
}
