import CCurl

/// Owns a `curl_mime` multipart body bound to one easy handle, freed in deinit (after the handle's cleanup).
///
/// File parts use `curl_mime_filedata`: curl opens and reads the file in small blocks while it sends.
final class CurlMime {
    /// The mime structure.
    let pointer: OpaquePointer

    /// Creates an empty mime body for `easy`, or nil when curl cannot allocate one.
    init?(easy: UnsafeMutableRawPointer) {
        guard let mime = curl_mime_init(easy) else { return nil }
        pointer = mime
    }

    deinit {
        curl_mime_free(pointer)
    }

    /// Adds a text field.
    func addField(name: String, value: String) -> CURLcode {
        guard let part = curl_mime_addpart(pointer) else { return CURLE_OUT_OF_MEMORY }
        let code = curl_mime_name(part, name)
        guard code == CURLE_OK else { return code }
        return curl_mime_data(part, value, value.utf8.count)
    }

    /// Adds a file part streamed from `path`, sent as `filename` with `contentType`.
    func addFile(field: String, path: String, filename: String, contentType: String) -> CURLcode {
        guard let part = curl_mime_addpart(pointer) else { return CURLE_OUT_OF_MEMORY }
        for step in [
            { curl_mime_name(part, field) }, { curl_mime_filedata(part, path) },
            { curl_mime_filename(part, filename) }, { curl_mime_type(part, contentType) },
        ] {
            let code = step()
            guard code == CURLE_OK else { return code }
        }
        return CURLE_OK
    }
}
