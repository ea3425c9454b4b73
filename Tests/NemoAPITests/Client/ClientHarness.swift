import Dispatch
import Foundation
import NemoAPI
import NemoCore
import NemoMock
import Synchronization

/// A mock server in-process on 127.0.0.1 port 0, a client pointed at it with its own state folder, and helpers to
/// read the mock's journal.
struct ClientHarness: Sendable {
    /// The repository root, found from this file.
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Fixtures")

    let server: MockServer
    let baseURL: URL
    let stateFolder: String
    let client: NemoClient
    let sleeper: RecordingSleeper

    /// Runs `body` against a fresh mock in `scenario` and stops it afterwards (the client waits with `custom`, when
    /// given, instead of recording its waits in `sleeper`).
    static func with<T: Sendable>(
        scenario: String = "default", timeScale: Double = 0, credits: Int = 100,
        profile: ProductProfile = .createVideoFromImages,
        liveness: LivenessPolicy.Configuration = .init(), maximumPolls: Int = 20, sleeper custom: (any Sleeper)? = nil,
        _ body: (ClientHarness) async throws -> T
    ) async throws -> T {
        let server = try MockServer(
            configuration: MockConfiguration(
                fixtures: fixtures, seed: 42, timeScale: timeScale, defaultScenario: scenario,
                creditsPerToken: credits))
        let url = try await server.start()
        let folder = FileManager.default.temporaryDirectory.path + "/nemo-client-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let sleeper = RecordingSleeper()
        let client = NemoClient(
            configuration: NemoClient.Configuration(
                baseURL: url, profile: profile, stateFolder: folder,
                environment: ["HOME": folder], liveness: liveness,
                recovery: StreamRecovery.Configuration(firstWait: .seconds(30), nextWait: .seconds(60)),
                polling: RenderPolling.Configuration(interval: .seconds(30), maximumPolls: maximumPolls),
                sleeper: custom ?? sleeper))
        let harness = ClientHarness(
            server: server, baseURL: url, stateFolder: folder, client: client, sleeper: sleeper)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let result = try await body(harness)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// The mock's request journal.
    func journal() async throws -> [JournalRecord] {
        let response = try await CurlTransport().send(
            HTTPRequest(method: .get, url: baseURL.appendingPathComponent("_mock/journal")))
        let value = try JSONValue(parsingUTF8: response.body)
        return (value["entries"]?.arrayValue ?? []).map { entry in
            var headers: [String: String] = [:]
            for pair in entry["headers"]?.arrayValue ?? [] {
                if let name = pair[0]?.stringValue { headers[name] = pair[1]?.stringValue ?? "" }
            }
            return JournalRecord(
                method: entry["method"]?.stringValue ?? "", path: entry["path"]?.stringValue ?? "",
                status: entry["status"]?.intValue ?? 0, headers: headers)
        }
    }

    /// Sends a message and collects every update until it completes.
    func say(_ text: String) async throws -> [MessageUpdate] {
        var updates: [MessageUpdate] = []
        for try await update in client.send(message: text) { updates.append(update) }
        return updates
    }

    /// A temporary output path.
    func output(_ name: String) -> String { stateFolder + "/" + name }
}

/// One request the mock saw.
struct JournalRecord: Sendable {
    let method: String
    let path: String
    let status: Int
    let headers: [String: String]

    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

/// A sleeper that returns at once and remembers what it was asked to wait.
final class RecordingSleeper: Sleeper {
    private let waits = Mutex<[Duration]>([])

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        waits.withLock { $0.append(duration) }
        await Task.yield()
    }

    var recorded: [Duration] { waits.withLock { $0 } }
}

extension [MessageUpdate] {
    /// The outcome the stream completed with.
    var outcome: MessageOutcome? {
        for update in self { if case .completed(let outcome) = update { return outcome } }
        return nil
    }
}

/// A sleeper that waits until cancelled and then takes 300 ms to give up (as tearing down a transfer can), so a
/// test can tell whether its caller returned before the work behind it had stopped.
final class SlowToStopSleeper: Sleeper {
    /// Yields when a wait begins.
    let started: AsyncStream<Void>
    private let start: AsyncStream<Void>.Continuation
    private let ended = Atomic(false)

    init() {
        (started, start) = AsyncStream<Void>.makeStream()
    }

    /// Whether a cancelled wait has finished giving up.
    var stopped: Bool { ended.load(ordering: .sequentiallyConsistent) }

    func sleep(for duration: Duration) async throws {
        start.yield()
        try? await Task.sleep(for: .seconds(3_600))  // ends when the task is cancelled
        // Not cancellable: the tear-down takes its time whatever happens.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { done.resume() }
        }
        ended.store(true, ordering: .sequentiallyConsistent)
        throw CancellationError()
    }
}
