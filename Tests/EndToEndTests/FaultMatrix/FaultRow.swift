import Foundation
import Testing

/// One row of the fault matrix: a fault the mock injects, the `nemo` command that meets it, what must come out,
/// and what the mock's journal must show.
struct FaultRow: Sendable, CustomTestStringConvertible {
    /// The kinds of fault the issue names.
    enum Category: String, Sendable, CaseIterable {
        case errorCode = "error code"
        case rateLimit = "429"
        case serverError = "5xx"
        case stream = "stream"
        case render = "render"
        case download = "download"
        case token = "token expiry"
        case session = "session lost"
    }

    /// What the command must end with.
    enum Outcome: Sendable, Equatable {
        /// Exit 0 (and, when given, this text in the output).
        case recovered(String? = nil)
        /// This exit status, with this text (case-insensitive) on stderr.
        case fails(Int32, String)

        /// The exit status expected.
        var status: Int32 {
            switch self {
            case .recovered: 0
            case .fails(let status, _): status
            }
        }
    }

    /// A check on the requests the command made (setup requests excluded).
    enum JournalCheck: Sendable, Equatable {
        /// The statuses of requests `METHOD path` (a path ending in `*` is a prefix), in order.
        case statuses(String, [Int])
        /// The statuses of the first requests `METHOD path` (more may follow).
        case begins(String, [Int])
        /// How many requests `METHOD path` there were.
        case count(String, Int)
    }

    let category: Category
    /// The scenario the fault lines are added to.
    let scenario: String
    /// Fault spellings (`fault:` lines of the row's scenario).
    let faults: [String]
    let command: MatrixCommand
    let outcome: Outcome
    let checks: [JournalCheck]
    /// Credits per anonymous token.
    let credits: Int

    init(
        _ category: Category, _ faults: [String], scenario: String = "default", _ command: MatrixCommand,
        _ outcome: Outcome, _ checks: [JournalCheck] = [], credits: Int = 100
    ) {
        self.category = category
        self.scenario = scenario
        self.faults = faults
        self.command = command
        self.outcome = outcome
        self.checks = checks
        self.credits = credits
    }

    /// The fault as the table shows it.
    var faultText: String {
        var parts = faults
        if scenario != "default" { parts.insert("scenario \(scenario)", at: 0) }
        return parts.joined(separator: "; ")
    }

    var testDescription: String { "\(command.rawValue) ← \(faultText)" }
}

extension FaultRow.JournalCheck {
    /// The method and path (or prefix) a check is about.
    private var target: (method: String, path: String) {
        let key: String
        switch self {
        case .statuses(let text, _), .begins(let text, _), .count(let text, _): key = text
        }
        let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
        return (parts[0], parts[1])
    }

    /// The records this check is about.
    func matching(_ records: [JournalRecord]) -> [JournalRecord] {
        let (method, path) = target
        return records.filter { record in
            guard record.method == method else { return false }
            return path.hasSuffix("*") ? record.path.hasPrefix(String(path.dropLast())) : record.path == path
        }
    }

    /// Whether `records` (the command's requests) pass.
    func holds(for records: [JournalRecord]) -> Bool {
        switch self {
        case .statuses(_, let expected): matching(records).map(\.status) == expected
        case .begins(_, let expected): Array(matching(records).map(\.status).prefix(expected.count)) == expected
        case .count(_, let expected): matching(records).count == expected
        }
    }

    /// The check as the table shows it.
    var text: String {
        let (method, path) = target
        switch self {
        case .statuses(_, let statuses):
            return "`\(method) \(path)` " + statuses.map(String.init).joined(separator: "→")
        case .begins(_, let statuses):
            return "`\(method) \(path)` " + statuses.map(String.init).joined(separator: "→") + "…"
        case .count(_, let count):
            return "\(count)× `\(method) \(path)`"
        }
    }
}
