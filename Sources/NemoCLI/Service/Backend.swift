import Foundation
import NemoMock
import NemoRender

/// The service a command talks to: the real one at a URL, or nemo-mock started in this process on a free loopback
/// port (stopped when the command ends).
struct Backend: Sendable {
    /// Where requests go.
    let url: URL
    private let mock: MockServer?

    /// Starts what `settings` ask for.
    static func start(_ settings: Settings) async throws -> Backend {
        guard settings.backend == .mock else { return Backend(url: settings.apiURL, mock: nil) }
        let fixtures = try locateFixtures(settings.mockFixtures)
        do {
            let server = try MockServer(
                configuration: MockConfiguration(
                    host: "127.0.0.1", port: 0, fixtures: fixtures, seed: 42, timeScale: 0,
                    defaultScenario: settings.mockScenario, draftRenderer: draftRenderer(settings.mockRender)))
            return Backend(url: try await server.start(), mock: server)
        } catch {
            throw CLIError(message: "The embedded mock could not start: \(error)", status: .service)
        }
    }

    /// The mock's export hook for `mode`: the offline renderer, or none (the recorded clip).
    static func draftRenderer(_ mode: MockRenderMode) -> DraftRenderer? {
        guard mode == .local else { return nil }
        return { job, progress in
            try Renderer.render(
                draftJSON: job.draftJSON, width: job.width, height: job.height, to: job.outputPath,
                localFile: job.localFile, progress: progress)
        }
    }

    /// Stops the embedded mock, if any.
    func stop() async {
        await mock?.stop()
    }

    /// The fixtures folder: the one given, else `Fixtures/` in the working folder or above the executable.
    static func locateFixtures(_ given: String?) throws -> URL {
        if let given {
            guard FileManager.default.fileExists(atPath: given + "/transcripts") else {
                throw CLIError.usage("--mock-fixtures \(given) has no transcripts/ folder.")
            }
            return URL(fileURLWithPath: given)
        }
        var candidates = [FileManager.default.currentDirectoryPath]
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder.path)
            folder.deleteLastPathComponent()
        }
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/Fixtures/transcripts") {
            return URL(fileURLWithPath: candidate + "/Fixtures")
        }
        throw CLIError.usage(
            "The mock's fixtures were not found; run from the nemo checkout or pass --mock-fixtures DIR.")
    }
}
