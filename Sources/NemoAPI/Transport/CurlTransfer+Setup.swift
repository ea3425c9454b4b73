import CCurl
import Foundation

extension CurlTransfer {
    /// Checks the request and sets every option of the easy handle; an error means nothing was sent.
    func configure() -> TransportError? {
        guard let easy else { return TransportError(.other, "libcurl could not create a handle: out of memory?") }
        if let error = validate() { return error }
        let context = Unmanaged.passUnretained(self).toOpaque()
        var codes: [CURLcode] = [
            easy.set(CURLOPT_URL, request.url.absoluteString),
            easy.set(CURLOPT_NOSIGNAL, 1),
            easy.set(CURLOPT_PROTOCOLS_STR, "http,https"),
            easy.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https"),
            easy.set(CURLOPT_FOLLOWLOCATION, settings.maxRedirects > 0 ? 1 : 0),
            easy.set(CURLOPT_MAXREDIRS, settings.maxRedirects),
            easy.set(CURLOPT_CONNECTTIMEOUT_MS, settings.timeouts.connect.wholeMilliseconds),
            easy.set(CURLOPT_USERAGENT, settings.userAgent),
            easy.set(CURLOPT_BUFFERSIZE, 256 * 1024),
            easy.set(CURLOPT_UPLOAD_BUFFERSIZE, 256 * 1024),
            easy.set(CURLOPT_TCP_KEEPALIVE, 1),
            nemo_curl_setopt_write_callback(easy.handle, curlWriteCallback),
            easy.set(CURLOPT_WRITEDATA, pointer: context),
            nemo_curl_setopt_header_callback(easy.handle, curlHeaderCallback),
            easy.set(CURLOPT_HEADERDATA, pointer: context),
            nemo_curl_setopt_xferinfo_callback(easy.handle, curlProgressCallback),
            easy.set(CURLOPT_XFERINFODATA, pointer: context),
            easy.set(CURLOPT_NOPROGRESS, 0),
        ]
        codes += methodOptions(easy)
        let headers = CurlHeaderList()
        do {
            codes += try bodyOptions(easy, context: context, headers: headers)
        } catch {
            return error
        }
        for field in request.headers where field.name.lowercased() != "content-length" {
            guard headers.append("\(field.name): \(field.value)") else {
                return TransportError(.other, "libcurl could not store the request headers: out of memory?")
            }
        }
        codes.append(easy.setHeaders(headers))
        if let failed = codes.first(where: { $0 != CURLE_OK }) {
            let reason = String(cString: curl_easy_strerror(failed))
            return TransportError(
                .other, "libcurl refused an option for \(Redaction.url(request.url)): \(reason)",
                curlCode: Int(failed.rawValue))
        }
        return nil
    }

    private func validate() -> TransportError? {
        let scheme = request.url.scheme?.lowercased() ?? ""
        guard scheme == "http" || scheme == "https" else {
            return TransportError(
                .unsupportedScheme,
                "cannot fetch \(Redaction.url(request.url)): only http and https URLs are supported")
        }
        guard let host = request.url.host, !host.isEmpty else {
            return TransportError(.invalidRequest, "the URL \(Redaction.url(request.url)) has no host")
        }
        guard request.method.isValidToken else {
            return TransportError(.invalidRequest, "'\(request.method)' is not a valid HTTP method")
        }
        if request.method == .get || request.method == .head, !request.body.isNone {
            return TransportError(.invalidRequest, "a \(request.method) request cannot have a body: use POST or PUT")
        }
        if let field = request.headers.firstInvalidField {
            return TransportError(
                .invalidRequest,
                "header '\(field.name)' cannot be sent: its name is not a token or its value has a line break")
        }
        return nil
    }

    private func methodOptions(_ easy: CurlEasy) -> [CURLcode] {
        switch request.method {
        case .get: [easy.set(CURLOPT_HTTPGET, 1)]
        case .head: [easy.set(CURLOPT_NOBODY, 1)]
        case .post: [easy.set(CURLOPT_POST, 1)]
        default: [easy.set(CURLOPT_POST, 1), easy.set(CURLOPT_CUSTOMREQUEST, request.method.rawValue)]
        }
    }

    /// Sets the body options and the headers the body needs (`Content-Type`, and an empty `Expect` so curl never
    /// waits for `100 Continue`).
    private func bodyOptions(
        _ easy: CurlEasy, context: UnsafeMutableRawPointer, headers: CurlHeaderList
    ) throws(TransportError) -> [CURLcode] {
        var codes: [CURLcode] = []
        var contentType: String?
        switch request.body {
        case .none:
            if request.method != .get && request.method != .head {
                codes.append(easy.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: 0))
                codes.append(easy.set(CURLOPT_COPYPOSTFIELDS, ""))
            }
        case .bytes(let bytes, let type):
            contentType = type
            codes += copyBody(bytes, easy)
        case .json(let bytes):
            contentType = "application/json"
            codes += copyBody(bytes, easy)
        case .file(let url, let type):
            contentType = type
            let file = try UploadFile(path: url.path)
            uploadFile = file
            codes += [
                easy.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: file.size),
                nemo_curl_setopt_read_callback(easy.handle, curlReadCallback),
                easy.set(CURLOPT_READDATA, pointer: context),
                nemo_curl_setopt_seek_callback(easy.handle, curlSeekCallback),
                easy.set(CURLOPT_SEEKDATA, pointer: context),
            ]
        case .multipart(let files, let fields):
            codes.append(try multipart(files: files, fields: fields, easy))
        }
        if !request.headers.contains("Content-Type") {
            if let contentType {
                _ = headers.append("Content-Type: \(contentType)")
            } else if request.body.isNone {
                _ = headers.append("Content-Type:")  // no made-up form type on an empty POST
            }
        }
        if !request.body.isNone, !request.headers.contains("Expect") {
            _ = headers.append("Expect:")
        }
        return codes
    }

    private func copyBody(_ bytes: [UInt8], _ easy: CurlEasy) -> [CURLcode] {
        let size = easy.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(bytes.count))
        guard !bytes.isEmpty else { return [size, easy.set(CURLOPT_COPYPOSTFIELDS, "")] }
        let copy = bytes.withUnsafeBytes { buffer in
            // COPYPOSTFIELDS copies POSTFIELDSIZE bytes at once: the pointer does not outlive this scope.
            nemo_curl_setopt_pointer(
                easy.handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress))
        }
        return [size, copy]
    }

    private func multipart(
        files: [MultipartFile], fields: [MultipartField], _ easy: CurlEasy
    ) throws(TransportError) -> CURLcode {
        guard let mime = CurlMime(easy: easy.handle) else {
            throw TransportError(.other, "libcurl could not create a multipart body: out of memory?")
        }
        for field in fields {
            let code = mime.addField(name: field.name, value: field.value)
            guard code == CURLE_OK else { return code }
        }
        for file in files {
            try UploadFile.checkReadable(file.url.path)
            let code = mime.addFile(
                field: file.field, path: file.url.path, filename: file.filename, contentType: file.contentType)
            guard code == CURLE_OK else { return code }
        }
        return easy.setMime(mime)
    }
}
