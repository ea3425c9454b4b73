public import Foundation

/// The one place where secrets are removed from what the transport prints, logs or puts in errors.
public enum Redaction {
    /// Header names whose values are secrets (lowercased).
    static let secretHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]

    /// The value of header `name` as it may be shown: `Bearer ***` for credentials, `***` for cookies.
    public static func headerValue(name: String, value: String) -> String {
        let lowered = name.lowercased()
        guard secretHeaders.contains(lowered) else { return value }
        if lowered.hasSuffix("authorization"), let space = value.firstIndex(of: " ") {
            return "\(value[..<space]) ***"
        }
        return "***"
    }

    /// `url` without user info and with any query or fragment replaced by `?…`, e.g.
    /// `https://host:8443/path?…`: signed URLs carry credentials in their query.
    public static func url(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "<url>" }
        let hadQuery = components.query != nil || components.fragment != nil
        components.user = nil
        components.password = nil
        components.query = nil
        components.fragment = nil
        return (components.string ?? "<url>") + (hadQuery ? "?…" : "")
    }

    /// `host:port` of `url` for messages such as "could not connect to 127.0.0.1:8080".
    static func endpoint(_ url: URL) -> String {
        let host = url.host ?? "?"
        let port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
