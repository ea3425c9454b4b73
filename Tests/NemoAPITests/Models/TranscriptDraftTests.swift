import Foundation
import NemoAPI
import Testing

/// The drafts the mock's transcripts set (`@ t state draft {...}` and `@ t append draft.t {...}` steps), read the
/// way the client reads the state endpoint's answers.
@Suite("Drafts of the mock's transcripts")
struct TranscriptDraftTests {
    static let folder = ModelFixtures.adk.deletingLastPathComponent().appendingPathComponent("transcripts")

    /// The JSON of every `state draft` / `append draft.t` step of `name`, templates left out.
    static func steps(_ name: String, _ kind: String) throws -> [JSONValue] {
        let text = try String(contentsOf: folder.appendingPathComponent(name + ".transcript"), encoding: .utf8)
        return try text.split(whereSeparator: \.isNewline).compactMap { line -> JSONValue? in
            guard line.hasPrefix("@"), let range = line.range(of: " \(kind) ") else { return nil }
            let json = line[range.upperBound...]
            guard !json.contains("{{") else { return nil }
            return try JSONValue(parsing: String(json))
        }
    }

    @Test func everyLiteralDraftIsReadyAndSummarised() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".transcript") }.map { String($0.dropLast(".transcript".count)) }
        var drafts = 0
        for name in names {
            for draft in try Self.steps(name, "state draft") {
                let timeline = Timeline(draft: draft)
                #expect(timeline.isReadyForExport, "\(name)")
                #expect(timeline.summary.hasPrefix("Timeline ("), "\(name)")
                #expect(!timeline.summary.contains("clip 1"), "\(name): every segment has a name")
                drafts += 1
            }
        }
        #expect(drafts >= 3)
    }

    @Test func theRecordedDraftIsTheDocumentedExample() throws {
        let draft = try #require(try Self.steps("adk-draft", "state draft").first)
        #expect(Timeline(draft: draft).summary == TimelineSummaryTests.documentedSummary)
    }

    @Test func theSilentTitleEditIsReportedAsDocumented() throws {
        let before = try #require(try Self.steps("adk-video-streaming", "state draft").first)
        let appended = try #require(try Self.steps("edit-silent-title", "append draft.t").first)
        guard case .object(var members) = before, case .array(let tracks)? = members["t"] else {
            Issue.record("unexpected draft \(before)")
            return
        }
        members["t"] = .array(tracks + [appended])
        let change = TimelineChange(from: Timeline(draft: before), to: Timeline(draft: .object(members)))
        #expect(change.summary == "Title added: 'Paradise Found' (0-3s)")
    }
}
