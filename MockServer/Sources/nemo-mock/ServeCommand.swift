import ArgumentParser
import Foundation
import Logging
import NemoMock
import NemoRender

/// `nemo-mock serve`: serves the fixtures until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the NemoVideo API from the fixtures folder.")

    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "Port to bind (0 = any free port).") var port = 0
    @Option(help: "Fixtures folder (with transcripts/ and media/).") var fixtures = "Fixtures"
    @Option(name: .customLong("time-scale"), help: "Virtual seconds per real second (0 = never sleep).")
    var timeScale = 0.0
    @Option(help: "Seed of every id, token and choice.") var seed: UInt64 = 42
    @Option(help: "Scenario used when a request names none.") var scenario = "default"
    @Option(name: .customLong("credits"), help: "Credits per anonymous token.") var credits = 100
    @Flag(help: "Log each request to standard error.") var verbose = false
    @Option(help: "Exports: 'local' renders each draft from the session's uploads; 'recorded' serves media/render.mp4.")
    var render: RenderMode = .local

    /// The export hook that renders each draft with the offline renderer.
    static let offlineRenderer: DraftRenderer = { job, progress in
        try Renderer.render(
            draftJSON: job.draftJSON, width: job.width, height: job.height, to: job.outputPath,
            localFile: job.localFile, progress: progress)
    }

    /// How exports are rendered.
    enum RenderMode: String, ExpressibleByArgument {
        case local, recorded
    }

    func validate() throws {
        guard timeScale >= 0 else { throw ValidationError("--time-scale must be 0 or more") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0-65535") }
    }

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "nemo-mock")
        logger.logLevel = verbose ? .debug : .warning
        let configuration = MockConfiguration(
            host: host, port: port, fixtures: URL(fileURLWithPath: fixtures), seed: seed, timeScale: timeScale,
            defaultScenario: scenario, creditsPerToken: credits,
            draftRenderer: render == .local ? Self.offlineRenderer : nil)
        let server: MockServer
        do {
            server = try MockServer(configuration: configuration, logger: logger)
        } catch {
            throw ValidationError("\(error)")
        }
        let url = try await server.start(shutdownOnSignals: true)
        let line =
            "nemo-mock listening url=\(url.absoluteString) seed=\(seed) time-scale=\(timeScale) scenario=\(scenario)\n"
        FileHandle.standardOutput.write(Data(line.utf8))
        await server.waitUntilStopped()
    }
}
