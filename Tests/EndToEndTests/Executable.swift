import Foundation
import NemoAPI
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
    struct Result: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String

        /// Every stdout line parsed as JSON (fails the caller's expectation if one does not parse).
        func jsonLines() throws -> [JSONValue] {
            try stdout.split(separator: "\n").map { try JSONValue(parsing: String($0)) }
        }
    }

    /// Runs `tool` with `arguments` in `folder` with a private config home; waits at most `timeout`.
    static func run(
        _ tool: String, _ arguments: [String], in folder: String, environment extra: [String: String] = [:],
        timeout: Duration = .seconds(120), useProducts: Bool = true
    ) async throws -> Result {
        let process = Process()
        process.executableURL = useProducts ? products.appendingPathComponent(tool) : URL(fileURLWithPath: "/bin/" + tool)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = folder + "/config"
        environment.removeValue(forKey: "NEMO_TOKEN")
        environment.removeValue(forKey: "NEMO_API_URL")
        // The embedded mock serves its recorded clip unless a test asks for a real render (which takes seconds).
        environment["NEMO_MOCK_RENDER"] = "recorded"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        async let stdout = Task.detached { out.fileHandleForReading.readDataToEndOfFile() }.value
        async let stderr = Task.detached { err.fileHandleForReading.readDataToEndOfFile() }.value
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline { process.terminate() }
            try await Task.sleep(for: .milliseconds(20))
        }
        return Result(
            status: process.terminationStatus, stdout: String(decoding: await stdout, as: UTF8.self),
            stderr: String(decoding: await stderr, as: UTF8.self))
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

/// The working folders the tests made.
private let createdFolders = Mutex<[String]>([])

/// Registers, once, the removal of every working folder when the test process exits.
private let removalAtExit: Void = {
    atexit {
        for path in createdFolders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
    }
}()

extension Executable {
}

/// `nemo-mock serve` as a separate process on a free port.
final class MockProcess: Sendable {
    let process: Process
    let url: String

    init(scenario: String = "default", credits: Int = 100, render: String = "recorded") throws {
        (process, url) = try Self.launch([
            "serve", "--port", "0", "--fixtures", Executable.fixtures, "--scenario", scenario, "--credits", "\(credits)",
            "--render", render,
        ])
    }

    /// Starts the built `nemo-mock` with `arguments` and waits for its "listening url=..." line.
    static func launch(_ arguments: [String]) throws -> (process: Process, url: String) {
        let process = Process()
        process.executableURL = Executable.products.appendingPathComponent("nemo-mock")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: #"url=(\S+)"#, options: .regularExpression) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "nemo-mock: \(text)"])
        }
        return (process, String(text[range].dropFirst(4)))
    }

    deinit {
        process.interrupt()
        process.waitUntilExit()
    }
}
