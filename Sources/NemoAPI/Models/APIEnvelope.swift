/// A response body opened: the payload of a success, or what the service refused.
///
/// Every documented envelope is accepted:
/// - `{"code":0,"message":"...","data":{...}}` (code 0 is success; the code may be sent as a string);
/// - render's `{"success":true,"data":{...}}`, and its top-level poll shape `{"success":true,"status":...}`
///   (no `data`: the payload is the whole body);
/// - failures: `{"code":N,"message":...,"data":...}`, `{"success":false,"error":{"code":"...","message":...}}`,
///   ADK's `{"detail":...}` (see ``ADKErrorBody``), or any body at all with a non-2xx status;
/// - a 2xx body with no envelope at all is its own payload.
///
/// A `code` equal to the HTTP status (`{"code":429,...}` with status 429) is an HTTP error written in the
/// envelope, not a service code, so ``ServiceFailure/bodyCode`` stays `nil` for it.
public enum APIEnvelope: Sendable, Hashable {
    /// The request succeeded; the associated value is the payload (`data`, or the body without one).
    case success(JSONValue)
    /// The service refused the request.
    case failure(ServiceFailure)

    /// Opens `body` (nil or not JSON: `.null`) received with `httpStatus` and an optional `Retry-After` header.
    public init(httpStatus: Int, body: JSONValue?, retryAfter: String? = nil) {
        let body = body ?? .null
        let isHTTPSuccess = (200..<300).contains(httpStatus)
        var failure = ServiceFailure(httpStatus: httpStatus, retryAfter: retryAfter)
        failure.message = Self.message(in: body)
        if let data = body["data"], data != .null {
            failure.data = data
        }

        if let code = body["code"], let number = code.lenientInt {
            if number == 0, isHTTPSuccess {
                self = .success(Self.payload(of: body))
                return
            }
            if number != 0, number != httpStatus {
                failure.bodyCode = number
            }
            self = .failure(failure)
            return
        }
        if let success = body["success"]?.lenientBool {
            if success, isHTTPSuccess {
                self = .success(Self.payload(of: body))
                return
            }
            failure.errorName = body["error"]?["code"]?.lenientString ?? body["error"]?.stringValue
            self = .failure(failure)
            return
        }
        if isHTTPSuccess, !Self.isErrorOnly(body) {
            self = .success(Self.payload(of: body))
            return
        }
        failure.errorName = body["error"]?["code"]?.lenientString
        self = .failure(failure)
    }

    /// Whether a body without envelope is only an error: ADK's `detail`, or a non-null `error` and nothing else.
    static func isErrorOnly(_ body: JSONValue) -> Bool {
        guard let members = body.objectValue else { return false }
        if members["detail"] != nil { return true }
        guard let error = members["error"], error != .null else { return false }
        return members.keys.allSatisfy { ["error", "error_details", "message", "status"].contains($0) }
    }

    /// The payload of a success: `data` when the body has it, else the body itself.
    static func payload(of body: JSONValue) -> JSONValue {
        if let data = body["data"], data != .null { return data }
        return body
    }

    /// The service's message in any of the documented places.
    static func message(in body: JSONValue) -> String? {
        if let text = body["message"]?.stringValue, !text.isEmpty { return text }
        if let text = body["error"]?["message"]?.stringValue, !text.isEmpty { return text }
        if let text = body["error"]?.stringValue, !text.isEmpty { return text }
        if let detail = ADKErrorBody(body: body) { return detail.detail }
        if let text = body["msg"]?.stringValue, !text.isEmpty { return text }
        return nil
    }
}
