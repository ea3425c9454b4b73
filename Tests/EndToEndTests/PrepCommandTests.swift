import Foundation
import NemoAPI
import NemoTestSupport
import Testing

@Suite("nemo-prep, the built binary")
struct PrepCommandTests {
    @Test("exit 0 and a manifest when every image is done; --json prints the manifest")
    func success() async throws {
        let folder = try Executable.folder()
        let result = try await Executable.run("nemo-prep", [Executable.images, "-o", "out", "--json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try JSONValue(parsing: result.stdout)
        #expect(manifest["summary"]?["succeeded"]?.intValue == 5)
        #expect(FileManager.default.fileExists(atPath: folder + "/out/manifest.json"))
    }

    @Test("exit 1 when some images fail; the others are written")
    func partialFailure() async throws {
        let folder = try Executable.folder()
        try Data("not an image".utf8).write(to: URL(fileURLWithPath: folder + "/bad.jpg"))
        let result = try await Executable.run(
            "nemo-prep", [Executable.images + "/beach.jpg", folder + "/bad.jpg", "-o", "out"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("bad.jpg") && result.stdout.contains("not an image"))
        #expect(FileManager.default.fileExists(atPath: folder + "/out/beach.png"))
    }

    @Test("exit 2 on usage errors, with the reason", arguments: [
        ["--aspect", "wide"], ["--max-size", "big"], ["--contrast", "3"], ["--profile", "nope"],
    ])
    func usageErrors(arguments: [String]) async throws {
        let folder = try Executable.folder()
        let result = try await Executable.run("nemo-prep", [Executable.images, "-o", "out"] + arguments, in: folder)
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    @Test("--plan prints the plan and writes nothing")
    func planOnly() async throws {
        let folder = try Executable.folder()
        let result = try await Executable.run("nemo-prep", [Executable.images, "-o", "out", "--plan"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Plan only"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }
}
