import Dispatch
import Foundation
import NemoAPI
import NemoTestSupport

/// `nemo-mock serve` in its own process, playing a scenario written for one row: a fixtures folder whose
/// `transcripts/` links every stored transcript and scenario and adds `matrix.scenario` (the row's base scenario
/// plus its `fault:` lines). Exports serve the recorded clip (`--render recorded`), so downloads can be compared
/// byte for byte.
final class MatrixMock: Sendable {
    let process: SpawnedProcess
    /// The mock's base URL.
    let url: String
    /// The row's fixtures folder (removed at stop).
    let fixtures: String

    /// Writes the row's scenario and starts the mock on a free port; returns once it printed its ready line.
    init(scenario base: String, faults: [String], credits: Int) throws {
        let stored = Executable.fixtures
        let fixtures = FileManager.default.temporaryDirectory.path + "/nemo-matrix-fixtures-" + UUID().uuidString
        let manager = FileManager.default
        try manager.createDirectory(atPath: fixtures + "/transcripts", withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: fixtures + "/media", withDestinationPath: stored + "/media")
        for name in try manager.contentsOfDirectory(atPath: stored + "/transcripts") {
            try manager.createSymbolicLink(
                atPath: fixtures + "/transcripts/" + name, withDestinationPath: stored + "/transcripts/" + name)
        }
        let baseText = try String(contentsOfFile: stored + "/transcripts/\(base).scenario", encoding: .utf8)
        let lines = baseText.split(separator: "\n").filter { !$0.hasPrefix("name:") }.map(String.init)
            + faults.map { "fault: " + $0 }
        try Data((lines.joined(separator: "\n") + "\n").utf8)
            .write(to: URL(fileURLWithPath: fixtures + "/transcripts/matrix.scenario"))

        (process, url) = try MockProcess.launch([
            "serve", "--port", "0", "--fixtures", fixtures, "--scenario", "matrix", "--credits", "\(credits)",
            "--time-scale", "0", "--render", "recorded",
        ])
        self.fixtures = fixtures
    }

    /// Starts a mock without blocking a cooperative thread while it loads.
    static func start(scenario: String, faults: [String], credits: Int) async throws -> MatrixMock {
        try await OwnThread.run { Result { try MatrixMock(scenario: scenario, faults: faults, credits: credits) } }
            .get()
    }

    /// Every request the mock journaled so far.
    func journal() async throws -> [JournalRecord] {
        let request = HTTPRequest(method: .get, url: URL(string: url + "/_mock/journal")!)
        let response = try await CurlTransport().send(request)
        let value = try JSONValue(parsingUTF8: response.body)
        return (value["entries"]?.arrayValue ?? []).map(JournalRecord.init)
    }

    deinit {
        // A test that stopped early (a failed #require) still ends its mock.
        process.interrupt()
        try? FileManager.default.removeItem(atPath: fixtures)
    }

    /// Stops the mock (SIGINT, as a user would) and removes the row's fixtures folder.
    func stop() async {
        process.interrupt()
        _ = await process.exit()
        try? FileManager.default.removeItem(atPath: fixtures)
    }
}

/// One request in the mock's journal.
struct JournalRecord: Sendable {
    let method: String
    let path: String
    let status: Int
    let headers: [(String, String)]
    let body: String

    init(method: String, path: String, status: Int, headers: [(String, String)], body: String = "") {
        self.method = method
        self.path = path
        self.status = status
        self.headers = headers
        self.body = body
    }

    init(_ entry: JSONValue) {
        method = entry["method"]?.stringValue ?? ""
        path = entry["path"]?.stringValue ?? ""
        status = entry["status"]?.intValue ?? 0
        headers = (entry["headers"]?.arrayValue ?? []).map { ($0[0]?.stringValue ?? "", $0[1]?.stringValue ?? "") }
        body = entry["body"]?.stringValue ?? ""
    }

    /// The first value of header `name` (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// The user's message text, for `/run_sse`.
    var messageText: String? {
        guard path == "/run_sse", let value = try? JSONValue(parsing: body) else { return nil }
        return (value["new_message"]?["parts"]?.arrayValue ?? []).compactMap { $0["text"]?.stringValue }
            .joined(separator: "\n")
    }
}
