/// How many times each remedy was already applied to one request (its replays), so that "replay once" holds.
public struct RecoveryHistory: Sendable, Hashable {
    /// Replays per remedy.
    public private(set) var counts: [RecoveryRule.Remedy: Int] = [:]

    /// Creates an empty history (a request not yet replayed).
    public init() {}

    /// How many times `remedy` was applied.
    public func count(_ remedy: RecoveryRule.Remedy) -> Int {
        counts[remedy, default: 0]
    }

    /// Counts `action` (a failure or reconciliation counts nothing).
    public mutating func record(_ action: RecoveryAction) {
        if let remedy = action.remedy {
            counts[remedy, default: 0] += 1
        }
    }
}
