public import Foundation

/// Reads a `Retry-After` header: a number of seconds (`30`), or an HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`).
public enum RetryAfter {
    /// How long to wait; `nil` when the text is neither form. A date in the past is no wait.
    public static func parse(_ text: String, now: Date) -> Duration? {
        let text = text.trimmingWhitespace
        if let seconds = Double(text), seconds.isFinite {
            return .milliseconds(Int64((max(0, seconds) * 1000).rounded()))
        }
        guard let date = httpDate(text) else { return nil }
        let seconds = max(0, date.timeIntervalSince(now))
        return .seconds(Int64(seconds.rounded(.up)))
    }

    /// The date an IMF-fixdate (RFC 9110) holds.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
