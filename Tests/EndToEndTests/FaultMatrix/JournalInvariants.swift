import Foundation

/// The rules every row's journal must keep, whatever the fault: they are what "recovered" has to mean.
enum JournalInvariants {
    /// What the table says every row checks.
    static let summary =
        "every row: at most one accepted `/run_sse` per user message (a replay only after a refusal), "
        + "attribution headers on every request, no token in any URL, no token or client id in the output"

    /// The broken rules, as messages (empty when all hold).
    static func violations(_ journal: [JournalRecord], profile: String) -> [String] {
        var problems: [String] = []
        var byMessage: [String: [Int]] = [:]
        for record in journal {
            if let text = record.messageText { byMessage[text, default: []].append(record.status) }
            if record.header("X-Skill-Source") != profile || (record.header("X-Skill-Version") ?? "").isEmpty
                || (record.header("X-Skill-Platform") ?? "").isEmpty
            {
                problems.append("no attribution on \(record.method) \(record.path)")
            }
            let path = record.path.lowercased()
            if path.contains("nmv_") || path.contains("token=") {
                problems.append("a token in a URL: \(record.path)")
            }
        }
        for (text, statuses) in byMessage {
            let accepted = statuses.filter { (200..<300).contains($0) }.count
            let lastIsTheAcceptedOne = statuses.dropLast().allSatisfy { !(200..<300).contains($0) }
            if accepted > 1 || !lastIsTheAcceptedOne {
                problems.append("/run_sse for '\(text.prefix(30))' answered \(statuses): a message was sent again")
            }
        }
        return problems
    }

    /// Secrets found in a command's output: any mock token, the cached token, the client id.
    static func leaks(in output: String, secrets: [String]) -> [String] {
        var found = secrets.filter { !$0.isEmpty && output.contains($0) }.map { _ in "a secret" }
        if output.range(of: "nmv_usr_[0-9a-f]{6}", options: .regularExpression) != nil { found.append("a token") }
        return found
    }
}
