import Foundation
import NemoAPI
import NemoTestSupport
import Testing

/// How `nemo say` shows an answer that streams in partial pieces and then arrives whole as the final text.
@Suite("nemo say: streamed text")
struct StreamedTextTests {
    @Test("partials split inside characters print the answer once: the final text adds only what was not shown")
    func answerPrintedOnce() async throws {
        let mock = try MockProcess(scenario: "cjk-partials")
        let folder = try Executable.folder()
        let common = ["--api-url", mock.url, "--profile", "create-video-from-images"]
        let json = try await Executable.run("nemo", ["say", "中文 please", "--json"] + common, in: folder)
        #expect(json.status == 0, "\(json.stderr)")
        let texts = try json.jsonLines().filter { $0["event"]?.stringValue == "text" }
        let final = try #require(texts.last { $0["partial"]?.boolValue == false }?["text"]?.stringValue)
        let partials = texts.filter { $0["partial"]?.boolValue == true }.compactMap { $0["text"]?.stringValue }
        try #require(partials.count > 1 && final.hasPrefix(partials.joined()), "the scenario streams the final text")

        let human = try await Executable.run("nemo", ["say", "中文 please", "--new-session"] + common, in: folder)
        #expect(human.status == 0, "\(human.stderr)")
        let shown = human.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(shown.components(separatedBy: final).count == 2, "printed once:\n\(shown)")
        #expect(shown.hasPrefix(final), "nothing before the answer:\n\(shown)")
    }
}
