import Foundation
import NemoAPI
import NemoTestSupport
import Testing

/// `nemo render draft.json`: a saved draft rendered offline, its media found beside it.
@Suite("nemo render")
struct RenderCommandTests {
    static let draft = """
        {"data":{"state":{"draft":{"t":[
          {"tt":0,"sg":[{"d":2000,"m":{"filename":"red.png"}},
                        {"d":2000,"m":{"cdn_url":"https://cdn.example/u/1/blue.png","transition":"slide-left"}}]},
          {"tt":7,"sg":[{"d":1500,"m":{"text":"Hi <there> & you"}}]},
          {"tt":9,"sg":[{"d":100}]}]}}}}
        """

    static func folderWithMedia() throws -> String {
        let folder = try Executable.folder()
        for (name, colour) in [("red.png", "D02020"), ("blue.png", "2040D0")] {
            _ = try LocalExportTests.tool("ffmpeg", [
                "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=0x\(colour):s=800x600", "-frames:v", "1",
                folder + "/" + name,
            ])
        }
        try Data(draft.utf8).write(to: URL(fileURLWithPath: folder + "/state.json"))
        return folder
    }

    @Test("a state answer renders: warnings for what it cannot show, a result, the same bytes twice")
    func renders() async throws {
        let folder = try Self.folderWithMedia()
        let first = try await Executable.run(
            "nemo", ["render", "state.json", "--size", "320x180", "--out", "a.mp4", "--json"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let events = try first.jsonLines()
        #expect(events.contains { $0["event"]?.stringValue == "warning" && $0["message"]?.stringValue?.contains("type 9") == true })
        let result = try #require(events.last)
        #expect(result["event"]?.stringValue == "result" && result["frames"]?.doubleValue == 120)
        let second = try await Executable.run(
            "nemo", ["render", "state.json", "--size", "320x180", "--out", "b.mp4"], in: folder)
        #expect(second.status == 0 && second.stdout.contains("✓ Rendered b.mp4"), "\(second.stdout)")
        let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/a.mp4"))
        #expect(a == (try Data(contentsOf: URL(fileURLWithPath: folder + "/b.mp4"))))
        #expect(try LocalExportTests.colour(of: folder + "/a.mp4", at: 1)[0] > 150)
        #expect(try LocalExportTests.colour(of: folder + "/a.mp4", at: 3.5)[2] > 150)
    }

    @Test("missing media (exit 9) and an unreadable draft (exit 2) say what is wrong and write nothing")
    func failures() async throws {
        let folder = try Self.folderWithMedia()
        try FileManager.default.removeItem(atPath: folder + "/blue.png")
        let missing = try await Executable.run("nemo", ["render", "state.json", "--out", "v.mp4"], in: folder)
        #expect(missing.status == 9)
        #expect(missing.stderr.contains("blue.png"), "\(missing.stderr)")
        let unreadable = try await Executable.run("nemo", ["render", "nothing.json"], in: folder)
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.contains("cannot be read"), "\(unreadable.stderr)")
        try Data(#"{"hello":1}"#.utf8).write(to: URL(fileURLWithPath: folder + "/other.json"))
        let notDraft = try await Executable.run("nemo", ["render", "other.json"], in: folder)
        #expect(notDraft.status == 2 && notDraft.stderr.contains("no draft found"), "\(notDraft.stderr)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder)) == [
            "red.png", "state.json", "other.json",
        ])
    }
}
