/// The registration page the service links to when an anonymous user runs out of credits (2001).
///
/// The mock (following the seeds) sends `data.bind` (`bind_` + 12 hex digits, from the token's account) and
/// `data.register_url` = `https://nemovideo.ai/register?bind=<bind>`; the seeds add that the bind id may also come
/// with the session or state. The link is the body's `register_url` when it has one, else built from a bind id.
public enum RegistrationLink {
    /// The registration page.
    public static let base = "https://nemovideo.ai/register"

    /// `https://nemovideo.ai/register?bind=<bind>` (the id percent-encoded), or the bare page without an id.
    public static func url(bind: String?) -> String {
        guard let bind, !bind.isEmpty else { return base }
        return base + "?bind=" + percentEncoded(bind)
    }

    /// The link for a 2001 answer: its `data.register_url`, else built from its `data.bind`, else from `bindID`.
    public static func url(from data: JSONValue?, bindID: String?) -> String {
        if let link = data?.member("register_url", "registerUrl", "registration_url")?.stringValue,
            link.hasPrefix("https://") || link.hasPrefix("http://")
        {
            return link
        }
        return url(bind: data?.member("bind", "bind_id", "bindId")?.lenientString ?? bindID)
    }

    /// `text` with everything but unreserved URL characters percent-encoded.
    private static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if scalar.properties.isASCIIHexDigit || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || "-._~".unicodeScalars.contains(scalar)
            {
                result.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
