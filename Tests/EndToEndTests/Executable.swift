import Foundation
import NemoAPI
import NemoTestSupport
import Synchronization

/// Runs the built `nemo`, `nemo-prep` and `nemo-mock` executables as a user would.
enum Executable {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Fixtures").path
    static let images = fixtures + "/images"

    /// The folder holding the built products (beside the test bundle).
    static let products: URL = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("nemo").path) { return url }
        }
        return root.appendingPathComponent(".build/debug")
    }()

    /// What a finished process left.
    typealias Result = SpawnedProcess.Result

    /// Runs `tool` with `arguments` in `folder` with a private config home; waits at most `timeout`.
    static func run(
        _ tool: String, _ arguments: [String], in folder: String, environment extra: [String: String] = [:],
        timeout: Duration = .seconds(120), useProducts: Bool = true
    ) async throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = folder + "/config"
        environment.removeValue(forKey: "NEMO_TOKEN")
        environment.removeValue(forKey: "NEMO_API_URL")
        // The embedded mock serves its recorded clip unless a test asks for a real render (which takes seconds).
        environment["NEMO_MOCK_RENDER"] = "recorded"
        for (key, value) in extra { environment[key] = value }
        let path = useProducts ? products.appendingPathComponent(tool).path : "/bin/" + tool
        return try await SpawnedProcess.run(path, arguments, environment: environment, in: folder, timeout: timeout)
    }

    /// A fresh working folder, removed when the test process exits.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.path + "/nemo-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        _ = removalAtExit
        createdFolders.withLock { $0.append(path) }
        return path
    }
}

extension SpawnedProcess.Result {
    /// Every stdout line parsed as JSON (fails the caller's expectation if one does not parse).
    func jsonLines() throws -> [JSONValue] {
        try stdout.split(separator: "\n").map { try JSONValue(parsing: String($0)) }
    }
}

/// The working folders the tests made.
private let createdFolders = Mutex<[String]>([])

/// Registers, once, the removal of every working folder when the test process exits.
private let removalAtExit: Void = {
    atexit {
        for path in createdFolders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
    }
}()

/// `nemo-mock serve` as a separate process on a free port.
final class MockProcess: Sendable {
    let process: SpawnedProcess
    let url: String

    init(scenario: String = "default", credits: Int = 100, render: String = "recorded") throws {
        (process, url) = try Self.launch([
            "serve", "--port", "0", "--fixtures", Executable.fixtures, "--scenario", scenario, "--credits", "\(credits)",
            "--render", render,
        ])
    }

    /// Starts the built `nemo-mock` with `arguments` and waits for its "listening url=..." line.
    static func launch(_ arguments: [String]) throws -> (process: SpawnedProcess, url: String) {
        let process = try SpawnedProcess(
            Executable.products.appendingPathComponent("nemo-mock").path, arguments, error: .null)
        let text = process.readOutput(until: "\n")
        guard let range = text.range(of: #"url=(\S+)"#, options: .regularExpression) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "nemo-mock: \(text)"])
        }
        return (process, String(text[range].dropFirst(4)))
    }

    deinit {
        process.interrupt()
        _ = process.waitUntilExit()
    }
}
