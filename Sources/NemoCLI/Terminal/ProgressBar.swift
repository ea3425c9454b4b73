import Foundation
import Synchronization

/// A one-line progress bar on standard error, redrawn in place; drawn only when a person is watching.
///
/// Safe to update from any thread. Redraws at most every 100 ms except for the final state.
public final class ProgressBar: Sendable {
    private struct State {
        var completed = 0
        var total: Int
        var lastDraw: ContinuousClock.Instant?
        var visible = false
    }

    private let title: String
    private let unit: ProgressUnit
    private let enabled: Bool
    private let state: Mutex<State>

    /// Creates a bar for `total` units of work; `enabled` false makes every call a no-op.
    public init(title: String, total: Int, unit: ProgressUnit = .items, enabled: Bool) {
        self.title = title
        state = Mutex(State(total: max(total, 0)))
        self.unit = unit
        self.enabled = enabled
    }

    /// Sets the amount done (and the total, when it became known or changed) and redraws if due.
    public func update(completed: Int, total: Int? = nil, detail: String = "") {
        guard enabled else { return }
        state.withLock { state in
            if let total { state.total = max(total, 0) }
            state.completed = min(completed, state.total)
            let now = ContinuousClock.now
            let final = state.completed == state.total
            if let last = state.lastDraw, !final, now - last < .milliseconds(100) { return }
            state.lastDraw = now
            state.visible = true
            Terminal.err("\r\u{1B}[2K" + line(completed: state.completed, total: state.total, detail: detail))
        }
    }

    /// Prints a message above the bar (the bar is redrawn at the next update); nothing when disabled.
    public func message(_ text: String) {
        guard enabled else { return }
        state.withLock { state in
            Terminal.err("\r\u{1B}[2K" + text + "\n")
            state.lastDraw = nil
        }
    }

    /// Ends the bar's line.
    public func finish() {
        guard enabled else { return }
        state.withLock { state in
            if state.visible { Terminal.err("\n") }
            state.visible = false
        }
    }

    private func line(completed: Int, total: Int, detail: String) -> String {
        let fraction = total == 0 ? 1 : Double(completed) / Double(total)
        let counts = "\(unit.format(completed))/\(unit.format(total))"
        let percent = String(Int((fraction * 100).rounded(.down))) + "%"
        let fixed = title.count + counts.count + percent.count + 6
        let available = max(10, Terminal.width - fixed - min(detail.count, 30) - 2)
        let width = min(40, available)
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var text = "\(title) \(bar) \(percent) \(counts)"
        if !detail.isEmpty { text += "  " + String(detail.suffix(30)) }
        return text
    }
}

/// How a progress bar counts.
public enum ProgressUnit: Sendable {
    /// Whole items (images, files).
    case items
    /// Bytes, shown as KB/MB/GB.
    case bytes

    func format(_ value: Int) -> String {
        switch self {
        case .items: return String(value)
        case .bytes: return ByteCount.format(value)
        }
    }
}

/// Human-readable byte counts (decimal units, as the service states its limits).
public enum ByteCount {
    /// "1.5 MB", "312 KB", "20 B".
    public static func format(_ bytes: Int) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var index = 0
        while value >= 1000 && index < units.count - 1 {
            value /= 1000
            index += 1
        }
        if index == 0 { return "\(bytes) B" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) \(units[index])" : "\(rounded) \(units[index])"
    }

    /// Parses "20000000", "20MB", "20 MB", "500KiB", "1.5G"; `nil` when malformed.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        guard let number = Double(digits), number >= 0 else { return nil }
        let suffix = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        let multipliers: [String: Double] = [
            "": 1, "b": 1, "k": 1e3, "kb": 1e3, "kib": 1024, "m": 1e6, "mb": 1e6, "mib": 1_048_576,
            "g": 1e9, "gb": 1e9, "gib": 1_073_741_824,
        ]
        guard let multiplier = multipliers[suffix] else { return nil }
        return Int((number * multiplier).rounded())
    }
}
