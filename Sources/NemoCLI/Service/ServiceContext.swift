import Dispatch
import Foundation
import Glibc
import NemoAPI
import NemoRender

/// What a service command runs with: the settings, the backend (the embedded mock is started and stopped here),
/// the client and the reporter. ``run(_:_:)`` also turns Ctrl-C into cancellation and errors into exit statuses.
struct ServiceContext: Sendable {
    let settings: Settings
    let client: NemoClient
    let reporter: Reporter

    /// Sets up, runs `body`, tears down; throws a ``CLIError`` carrying the documented exit status.
    ///
    /// - Parameter output: the file the command writes, if any: on Ctrl-C its partial download is removed, so an
    ///   interrupted command leaves no partial output (the render itself can be finished with `--resume`).
    static func run(
        _ options: GlobalOptions, reuseSession: Bool = true, output: String? = nil,
        _ body: @escaping @Sendable (ServiceContext) async throws -> Void
    ) async throws {
        let settings = try Settings.resolve(options)
        let reporter = Reporter(json: settings.json)
        let backend = try await Backend.start(settings)
        let platform = Attribution.Platform.detect(
            installPath: URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path,
            home: settings.environment["HOME"] ?? NSHomeDirectory())
        let mock = settings.backend == .mock
        let logger = try LogSetup.bootstrapOnce(level: options.logLevel ?? settings.environment["NEMO_LOG_LEVEL"])
        let client = NemoClient(
            configuration: NemoClient.Configuration(
                baseURL: backend.url, profile: settings.profile, platform: platform,
                stateFolder: settings.stateFolder, environment: settings.environment,
                polling: RenderPolling.Configuration(
                    interval: .milliseconds(Int64(settings.pollInterval * 1000)), maximumPolls: settings.maxPolls),
                // The embedded mock replays minutes in milliseconds: every client wait is scaled the same way.
                sleeper: mock ? ScaledSleeper(factor: 0.001) : TaskSleeper()),
            transport: CurlTransport(logger: logger), logger: logger)
        let context = ServiceContext(settings: settings, client: client, reporter: reporter)
        if reuseSession, let session = try? await client.rememberedSession() { await client.use(session: session) }
        let work = Task { try await body(context) }
        let interrupt = Interrupt.install { work.cancel() }
        defer { interrupt.cancel() }
        let result = await work.result
        await backend.stop()
        switch result {
        case .success:
            return
        case .failure(let error as NemoAPIError):
            let status = ErrorMapping.status(for: error.code)
            reporter.failure(ErrorMapping.message(for: error), code: error.code.rawValue, status: status)
            throw ExitCodeOnly(status: status)
        case .failure(let error as RenderError) where error.code != .cancelled:
            reporter.failure(error.message, code: error.code.rawValue, status: .render)
            throw ExitCodeOnly(status: .render)
        case .failure(let error as CLIError):
            reporter.failure(error.message, code: "usage", status: error.status)
            throw ExitCodeOnly(status: error.status)
        case .failure(let error as ExitCodeOnly):
            throw error
        case .failure(let error)
        where error is CancellationError || (error as? RenderError)?.code == .cancelled || Task.isCancelled
            || work.isCancelled:
            if let output { try? FileManager.default.removeItem(at: CurlTransport.partialFileURL(for: URL(fileURLWithPath: output))) }
            var message = "Interrupted; nothing was written."
            if let job = try? await client.pendingRenders().last {
                message += " Render \(job.id) is still running on the service: finish it with "
                    + "`nemo export --resume \(job.id)`."
            }
            reporter.failure(message, code: "interrupted", status: .interrupted)
            throw ExitCodeOnly(status: .interrupted)
        case .failure(let error):
            reporter.failure("\(error)", code: "failed", status: .service)
            throw ExitCodeOnly(status: .service)
        }
    }
}

/// An exit status whose message was already shown.
struct ExitCodeOnly: Error {
    let status: ExitStatus
}

/// Turns SIGINT and SIGTERM into a call to `handler` (once), instead of killing the process.
// @unchecked: the sources are set once in init and only cancelled afterwards; DispatchSource is thread-safe.
final class Interrupt: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    private init(sources: [any DispatchSourceSignal]) {
        self.sources = sources
    }

    static func install(_ handler: @escaping @Sendable () -> Void) -> Interrupt {
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
        return Interrupt(sources: sources)
    }

    func cancel() {
        sources.forEach { $0.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
