public import Foundation

/// Reads the times the service sends: ISO 8601 text (with or without fractional seconds, `Z` or an offset), or a
/// number of seconds since 1970 (milliseconds when the number is too large to be seconds), also as a string.
public enum WireDate {
    /// The time `value` holds, or `nil` when it is not one of the accepted forms.
    public static func parse(_ value: JSONValue?) -> Date? {
        guard let value else { return nil }
        if let number = value.lenientDouble {
            return date(fromEpoch: number)
        }
        guard let text = value.stringValue?.trimmingWhitespace, !text.isEmpty else { return nil }
        return parse(iso8601: text)
    }

    /// The time an ISO 8601 text holds (`2026-11-28T00:00:00Z`, `2026-11-28T00:00:00.250+01:00`).
    public static func parse(iso8601 text: String) -> Date? {
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return date }
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return try? Date(text, strategy: fractional)
    }

    /// The time as ISO 8601 text in UTC with whole seconds, e.g. `2026-11-28T00:00:00Z`.
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// Seconds since 1970, or milliseconds when the value is beyond the year 33658 as seconds.
    private static func date(fromEpoch number: Double) -> Date? {
        guard number.isFinite, number >= 0 else { return nil }
        let seconds = number > 1.0e12 ? number / 1000 : number
        return Date(timeIntervalSince1970: seconds)
    }
}
