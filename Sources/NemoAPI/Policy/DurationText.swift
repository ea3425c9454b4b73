/// Durations in words for messages: `45 s`, `5 min`, `3 h`, `7 days`.
public enum DurationText {
    /// `duration` rounded to the unit that reads best.
    public static func describe(_ duration: Duration) -> String {
        let seconds = max(0, Int(duration.seconds.rounded(.up)))
        switch seconds {
        case ..<120: return "\(seconds) s"
        case ..<7200: return "\((seconds + 59) / 60) min"
        case ..<172_800: return "\((seconds + 3599) / 3600) h"
        default: return "\((seconds + 86399) / 86400) days"
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
