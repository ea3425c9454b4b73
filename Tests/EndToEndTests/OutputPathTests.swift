import Foundation
import NemoTestSupport
import Testing

/// An output nobody can write is refused before anything is uploaded or rendered.
@Suite("output path checked first")
struct OutputPathTests {
    @Test("run, export and render refuse a missing or unwritable output folder at once (exit 2, nothing sent)",
          arguments: [["run", Executable.images + "/beach.jpg", "--backend", "mock"], ["export", "--backend", "mock"],
                      ["render", "state.json"]])
    func refused(command: [String]) async throws {
        let folder = try Executable.folder()
        let result = try await Executable.run("nemo", command + ["--out", "missing/v.mp4"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("does not exist. Nothing was sent."), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/config/nemovideo/session.json"))
    }
}
