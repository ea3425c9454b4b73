/// Deterministic renderings of virtual times (no locale, no time zone database).
public enum Timestamp {
    /// Seconds with six decimals, as in ADK `timestamp` fields (`1795219200.250000`).
    public static func seconds(_ value: Double) -> String {
        let micros = Int64((value * 1_000_000).rounded())
        let whole = micros / 1_000_000
        let fraction = String(micros % 1_000_000)
        return "\(whole).\(String(repeating: "0", count: 6 - fraction.count))\(fraction)"
    }

    /// ISO 8601 in UTC with milliseconds (`2026-11-21T00:00:00.000Z`).
    public static func iso8601(_ value: Double) -> String {
        let millis = Int64((value * 1000).rounded())
        let days = Int64((Double(millis) / 86_400_000).rounded(.down))
        let dayMillis = millis - days * 86_400_000
        let (year, month, day) = civil(fromDays: days)
        let hour = dayMillis / 3_600_000
        let minute = dayMillis / 60_000 % 60
        let second = dayMillis / 1000 % 60
        let milli = dayMillis % 1000
        func pad(_ n: Int64, _ width: Int) -> String {
            let text = String(n)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):"
            + "\(pad(second, 2)).\(pad(milli, 3))Z"
    }

    /// Year, month, day of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
