public import ArgumentParser
import Foundation
import NemoMock

/// `nemo mock`: serve nemo-mock in the foreground (the same server `--backend mock` embeds).
public struct MockCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mock", abstract: "Serve nemo-mock until Ctrl-C (prints one line with its URL when ready).")

    @Option(help: "Address to bind (loopback only by default).") var host = "127.0.0.1"
    @Option(help: "Port (0: any free port).") var port = 0
    @Option(help: "Fixtures folder (default: Fixtures/ of the checkout).") var fixtures: String?
    @Option(help: "Virtual time per real time: 0 never waits, 1 is real time.") var timeScale = 0.0
    @Option(help: "Seed for ids, tokens and choices.") var seed: UInt64 = 42
    @Option(help: "Default scenario.") var scenario = "default"
    @Option(help: "Exports: 'local' renders each draft from the session's uploads; 'recorded' serves a canned clip.")
    var render: MockRenderMode = .local

    public init() {}

    public func run() async throws {
        let folder = try Backend.locateFixtures(fixtures)
        let server = try MockServer(
            configuration: MockConfiguration(
                host: host, port: port, fixtures: folder, seed: seed, timeScale: timeScale, defaultScenario: scenario,
                draftRenderer: Backend.draftRenderer(render)))
        let url = try await server.start(shutdownOnSignals: true)
        Terminal.out("nemo-mock listening url=\(url.absoluteString) seed=\(seed) time-scale=\(timeScale) scenario=\(scenario)\n")
        await server.waitUntilStopped()
    }
}
