import CCurl
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension CurlTransfer {
    /// The result of a finished transfer: an error a callback recorded, cancellation, success, or curl's failure.
    func outcome(_ code: CURLcode) -> Result<Void, TransportError> {
        if let abortError { return .failure(abortError) }
        if isCancelled { return .failure(cancelledError) }
        if code == CURLE_OK { return .success(()) }
        return .failure(error(for: code))
    }

    /// The error for an abandoned or cancelled request.
    var cancelledError: TransportError {
        TransportError(.cancelled, "the request \(request.method) \(Redaction.url(request.url)) was cancelled")
    }

    /// The error for a request that ran past its total time limit.
    func totalTimeoutError(_ limit: Duration) -> TransportError {
        TransportError(
            .totalTimeout,
            "total timeout: \(request.method) \(Redaction.url(request.url)) did not finish within \(limit.spoken): "
                + "retry, or raise the total timeout")
    }

    /// The error for a connection on which no byte moved for the idle limit.
    func idleTimeoutError(_ limit: Duration) -> TransportError {
        TransportError(
            .idleTimeout,
            "idle timeout: no data from \(Redaction.endpoint(request.url)) for \(limit.spoken) "
                + "(\(request.method) \(Redaction.url(request.url)), \(bytesReceived) body bytes received): "
                + "the server stalled; retry, or raise the idle timeout")
    }

    /// Maps a libcurl failure to a typed error with an actionable message.
    private func error(for code: CURLcode) -> TransportError {
        let endpoint = Redaction.endpoint(request.url)
        let target = "\(request.method) \(Redaction.url(request.url))"
        let detail = scrub(easy?.errorMessage(for: code) ?? String(cString: curl_easy_strerror(code)))
        let curlCode = Int(code.rawValue)
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST:
            return TransportError(
                .couldNotResolveHost,
                "could not resolve host \(request.url.host ?? "?"): check the URL and the network connection",
                curlCode: curlCode)
        case CURLE_COULDNT_CONNECT:
            let osError = Int32(easy?.info(CURLINFO_OS_ERRNO) ?? 0)
            let reason = osError == 0 ? detail : String(cString: strerror(osError)).lowercased()
            let advice =
                osError == ECONNREFUSED
                ? "is the server running?" : "check the address and that the server is reachable"
            return TransportError(
                .couldNotConnect, "could not connect to \(endpoint) (\(reason)): \(advice)", curlCode: curlCode)
        case CURLE_OPERATION_TIMEDOUT:
            if easy?.info(offset: CURLINFO_CONNECT_TIME_T) == 0 {
                return TransportError(
                    .connectTimeout,
                    "connect timeout: no connection to \(endpoint) within \(settings.timeouts.connect.spoken): "
                        + "check the address and the network, or raise the connect timeout",
                    curlCode: curlCode)
            }
            return TransportError(.totalTimeout, "timeout: \(target): \(detail)", curlCode: curlCode)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_USE_SSL_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_CLIENTCERT,
            CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED:
            return TransportError(
                .tlsFailure,
                "TLS failure with \(endpoint) (\(detail)): check the server's certificate and the system's CA "
                    + "certificates; certificate verification stays on",
                curlCode: curlCode)
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_HTTP2,
            CURLE_HTTP2_STREAM:
            return TransportError(
                .connectionLost,
                "the connection to \(endpoint) broke during \(target) after \(bytesReceived) body bytes "
                    + "(\(detail)): retry; downloads resume where they stopped",
                curlCode: curlCode)
        case CURLE_TOO_MANY_REDIRECTS:
            return TransportError(
                .tooManyRedirects,
                "\(target) was redirected more than \(settings.maxRedirects) times: check the URL",
                curlCode: curlCode)
        case CURLE_WEIRD_SERVER_REPLY, CURLE_BAD_CONTENT_ENCODING, CURLE_UNSUPPORTED_PROTOCOL:
            return TransportError(
                .protocolError, "\(endpoint) did not answer \(target) with valid HTTP (\(detail))",
                curlCode: curlCode)
        case CURLE_URL_MALFORMAT:
            return TransportError(.invalidRequest, "the URL of \(target) is malformed (\(detail))", curlCode: curlCode)
        case CURLE_READ_ERROR:
            return TransportError(
                .fileUnreadable, "a file to upload with \(target) could not be read (\(detail))", curlCode: curlCode)
        default:
            return TransportError(
                .other, "\(target) failed: \(detail) (libcurl error \(curlCode))", curlCode: curlCode)
        }
    }

    /// `text` with the full URL and every secret header value of the request replaced by their redacted forms.
    private func scrub(_ text: String) -> String {
        var text = text.replacingOccurrences(of: request.url.absoluteString, with: Redaction.url(request.url))
        for field in request.headers where Redaction.secretHeaders.contains(field.name.lowercased()) {
            if !field.value.isEmpty { text = text.replacingOccurrences(of: field.value, with: "***") }
        }
        return text
    }
}
