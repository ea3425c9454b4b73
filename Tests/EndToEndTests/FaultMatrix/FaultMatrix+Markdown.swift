import Foundation

extension FaultMatrix {
    /// The sentence before the table in the README.
    static let readmeIntro =
        "Generated from `Tests/EndToEndTests/FaultMatrix/FaultMatrix.swift`: each row runs the built `nemo` against "
        + "a `nemo-mock` process playing the fault (time scale 0), and `FaultMatrixTests` checks both the row and that "
        + "this table equals the rows; \(JournalInvariants.summary)."

    /// The matrix as a Markdown table: fault | command | outcome | exit | journal checks.
    static var markdown: String {
        var lines = ["| category | fault | command | outcome | exit | journal checks |", "|---|---|---|---|---|---|"]
        for row in rows {
            let outcome: String
            switch row.outcome {
            case .recovered(let text): outcome = text.map { "recovered (\"\($0)\")" } ?? "recovered"
            case .fails(_, let text): outcome = "fails: \"\(text)\""
            }
            let checks = row.checks.map(\.text).joined(separator: ", ")
            let fault = "`" + row.faultText.replacingOccurrences(of: "|", with: "\\|") + "`"
            lines.append(
                "| \(row.category.rawValue) | \(fault) | \(row.command.text) | \(outcome) | \(row.outcome.status) "
                    + "| \(checks.isEmpty ? "invariants" : checks) |")
        }
        return lines.joined(separator: "\n")
    }

    /// What the README holds between its `fault-matrix` markers.
    static var readmeSection: String {
        readmeIntro + "\n\n" + markdown
    }
}
