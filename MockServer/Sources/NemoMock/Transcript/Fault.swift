/// A fault the mock injects on demand, from a scenario's `fault:` line or an `X-Mock-Fault` header.
///
/// Spellings (one fault per line or header value; several header values are separated by `;`):
/// `status 429 <path-prefix|*> once|always`, `drop-after <k>`, `stall <seconds> after <k> [real]`,
/// `malformed after <k>`, `cut-download <fraction>`, and the request faults of ``RequestFault``:
/// `code <1001|1002|2001|4001|4002> <path-prefix|*> once|always`, `expire-token <path-prefix|*> once|always`,
/// `lose-session <path-prefix|*> once|always`.
public enum Fault: Sendable, Equatable {
    /// Answer requests whose path starts with `path` (`*` = all) with HTTP `status`.
    case status(code: Int, path: String, once: Bool)
    /// Close the SSE connection right after event `k` (the run goes on without the client).
    case dropAfter(events: Int)
    /// Send no bytes for `seconds` after event `k` (virtual seconds, or real ones when `real`).
    case stall(seconds: Double, afterEvents: Int, real: Bool)
    /// Insert a malformed event after event `k`.
    case malformed(afterEvents: Int)
    /// Close whole-file downloads after this fraction of the body (Range requests complete).
    case cutDownload(fraction: Double)
    /// Before answering a request whose path starts with `path` (`*` = all): answer a body code, expire the
    /// request's token, or forget its session (see ``RequestFault``); `once` fires a single time.
    case request(RequestFault, path: String, once: Bool)

    /// Parses one fault spelling.
    public static func parse(_ text: String) -> Fault? {
        let words = text.split(separator: " ").map(String.init)
        switch (words.first ?? "", words.count) {
        case ("status", 4):
            guard let code = Int(words[1]), (400...599).contains(code), ["once", "always"].contains(words[3]) else {
                return nil
            }
            return .status(code: code, path: words[2], once: words[3] == "once")
        case ("drop-after", 2):
            return Int(words[1]).flatMap { $0 >= 0 ? .dropAfter(events: $0) : nil }
        case ("stall", 4), ("stall", 5):
            guard let seconds = Double(words[1]), seconds >= 0, words[2] == "after", let k = Int(words[3]) else {
                return nil
            }
            if words.count == 5, words[4] != "real" { return nil }
            return .stall(seconds: seconds, afterEvents: k, real: words.count == 5)
        case ("malformed", 3):
            guard words[1] == "after", let k = Int(words[2]) else { return nil }
            return .malformed(afterEvents: k)
        case ("code", 4), ("expire-token", 3), ("lose-session", 3):
            return RequestFault.parse(words)
        case ("cut-download", 2):
            guard let fraction = Double(words[1]), fraction >= 0, fraction < 1 else { return nil }
            return .cutDownload(fraction: fraction)
        default:
            return nil
        }
    }

    /// Parses an `X-Mock-Fault` header value (faults separated by `;`), nil when any part is invalid.
    public static func parseList(_ text: String) -> [Fault]? {
        var faults: [Fault] = []
        for part in text.split(separator: ";") {
            guard let fault = parse(String(part.trimmingSpaces)) else { return nil }
            faults.append(fault)
        }
        return faults
    }
}
