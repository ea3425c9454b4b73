import CCurl

/// Owns a `curl_slist` of header lines, freed in deinit; it must outlive the transfer that uses it.
final class CurlHeaderList {
    /// The list head (nil while empty).
    private(set) var pointer: UnsafeMutablePointer<curl_slist>?

    init() {}

    deinit {
        curl_slist_free_all(pointer)
    }

    /// Appends one line such as `Name: value` (or `Name:` to stop curl sending its own header).
    func append(_ line: String) -> Bool {
        guard let grown = curl_slist_append(pointer, line) else { return false }
        pointer = grown
        return true
    }
}
