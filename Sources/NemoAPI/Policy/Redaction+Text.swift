/// Secrets removed from free text (messages, the service's error texts), beside the transport's header and URL
/// redaction in `Transport/Redaction.swift`: one type, the one place nemo redacts.
extension Redaction {
    /// What a secret is replaced with.
    public static let placeholder = "<redacted>"

    /// `text` with every secret replaced by ``placeholder``.
    ///
    /// Redacted: every `secrets` string given (4 characters or more); the service's tokens (`nmv_` followed by 4 or
    /// more token characters); `Bearer <anything>`; JSON web tokens (`eyJ….….…`); `"token":"…"` members in JSON.
    public static func redact(_ text: String, secrets: [String] = []) -> String {
        var result = text
        for secret in secrets where secret.count >= 4 {
            result = result.replacing(secret, with: placeholder)
        }
        guard result.contains("nmv_") || result.contains("eyJ") || result.lowercased().contains("bearer")
            || result.contains("token")
        else {
            return result
        }
        result = result.replacing(#/(?i)(bearer)\s+[^\s"',;]+/#) { "\($0.output.1) \(placeholder)" }
        result = result.replacing(#/nmv_[A-Za-z0-9_\-.]{4,}/#, with: placeholder)
        result = result.replacing(#/eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*/#, with: placeholder)
        result = result.replacing(#/("(?:access_)?token"\s*:\s*")[^"]*"/#) { "\($0.output.1)\(placeholder)\"" }
        return result
    }
}
