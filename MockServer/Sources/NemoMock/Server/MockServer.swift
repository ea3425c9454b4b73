public import Foundation
import HTTPTypes
import HummingbirdCore
public import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization
import UnixSignals

/// A deterministic NemoVideo server, started in-process: `start()` binds and returns its URL,
/// `stop()` shuts it down. Used by the tests, by `nemo --backend mock`, and by `nemo-mock serve`.
///
/// ```swift
/// let server = try MockServer(configuration: .init(fixtures: fixturesURL))
/// let url = try await server.start()   // http://127.0.0.1:<port>
/// ...
/// await server.stop()
/// ```
public final class MockServer: Sendable {
    /// Why the server could not start.
    public struct StartError: Error, Sendable, CustomStringConvertible {
        /// What went wrong and what to do.
        public let message: String
        /// The message.
        public var description: String { message }
    }

    private struct Running: Sendable {
        var group: ServiceGroup
        var task: Task<Void, any Error>
    }

    /// The configuration the server was created with.
    public let configuration: MockConfiguration
    let service: MockService
    private let logger: Logger
    private let running = Mutex<Running?>(nil)

    /// Creates a server, loading and validating the fixtures; nothing is bound until `start()`.
    ///
    /// - Parameter logger: where requests are logged at debug level (nothing is logged when nil).
    public init(configuration: MockConfiguration, logger: Logger? = nil) throws {
        self.configuration = configuration
        self.logger = logger ?? Logger(label: "nemo-mock", factory: { _ in SwiftLogNoOpLogHandler() })
        let library = try TranscriptLibrary.load(from: configuration.fixtures.appendingPathComponent("transcripts"))
        guard library.scenarios[configuration.defaultScenario] != nil else {
            throw StartError(message: "Unknown scenario '\(configuration.defaultScenario)': see `nemo-mock scenarios`")
        }
        self.service = try MockService(configuration: configuration, library: library, logger: self.logger)
    }

    /// Binds, starts serving, and returns the base URL (with the port actually bound).
    ///
    /// With `shutdownOnSignals`, SIGINT and SIGTERM stop the server gracefully (for the CLI).
    public func start(shutdownOnSignals: Bool = false) async throws -> URL {
        let service = self.service
        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        let server = try HTTPServerBuilder.http1().buildServer(
            configuration: ServerConfiguration(
                address: .hostname(configuration.host, port: configuration.port), backlog: 1024),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            logger: logger,
            responder: { request, responseWriter, channel in
                // curl sends `Expect: 100-continue` before large uploads and waits for this answer.
                if request.headers[.expect]?.lowercased() == "100-continue" {
                    try await responseWriter.writeInformationalHead(HTTPResponse(status: .continue))
                }
                let response = await service.respond(to: request, remote: channel.remoteAddress?.ipAddress)
                try await responseWriter.write(response: response.head, body: response.body)
            },
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            })
        let group = ServiceGroup(
            configuration: .init(
                services: [server, RunCanceller(service: service)],
                gracefulShutdownSignals: shutdownOnSignals ? [.sigterm, .sigint] : [], logger: logger))
        let task = Task {
            defer { portContinuation.finish() }
            try await group.run()
        }
        running.withLock { $0 = Running(group: group, task: task) }
        var port: Int?
        for await bound in portStream { port = bound }
        guard let port, port > 0 else {
            _ = try? await task.value
            throw StartError(message: "Could not bind \(configuration.host):\(configuration.port): choose another port")
        }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return URL(string: "http://\(host):\(port)")!
    }

    /// Stops serving: ends runs in progress, closes connections, and waits for the server to finish.
    public func stop() async {
        guard
            let current = running.withLock({ state -> Running? in
                defer { state = nil }
                return state
            })
        else { return }
        await current.group.triggerGracefulShutdown()
        _ = try? await current.task.value
        service.removeOwnedUploads()
    }

    /// Blocks until the server stops (after `stop()`, or SIGINT/SIGTERM when `handleSignals`).
    public func waitUntilStopped() async {
        guard let task = running.withLock({ $0?.task }) else { return }
        _ = try? await task.value
    }
}

/// Ends the runs in progress when the server begins a graceful shutdown, so open streams close.
private struct RunCanceller: Service {
    let service: MockService

    func run() async throws {
        try? await gracefulShutdown()
        service.cancelRuns()
    }
}
