import Foundation
import NemoAPI
import NemoCore
import NemoTestSupport
import Testing

@Suite("The fault matrix: every fault the mock injects × the nemo command that meets it")
struct FaultMatrixTests {
    /// At most this many rows run at once (most of a row's time is the client's documented 30 s waits).
    static let gate = Gate(width: 24)

    @Test("row", arguments: FaultMatrix.rows)
    func row(_ row: FaultRow) async throws {
        await Self.gate.enter()
        defer { Task { await Self.gate.leave() } }
        let folder = try Executable.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mock = try await MatrixMock.start(scenario: row.scenario, faults: row.faults, credits: row.credits)
        do {
            try await check(row, mock: mock, folder: folder)
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }

    private func check(_ row: FaultRow, mock: MatrixMock, folder: String) async throws {
        let common = [
            "--api-url", mock.url, "--profile", MatrixCommand.profile.slug, "--poll-interval", "0.05", "--max-polls",
            "6",
        ]
        for setup in row.command.setup {
            let result = try await nemo(setup + common, in: folder)
            try #require(result.status == 0, "setup \(setup[0]): \(result.stderr)")
        }
        let before = try await mock.journal().count
        let stdin = try row.command.prepare(in: folder)
        let result = try await nemo(row.command.arguments + common, in: folder, stdin: stdin)
        let journal = try await mock.journal()
        let own = Array(journal.dropFirst(before))

        // The outcome: exit status and message.
        #expect(!result.timedOut, "the command hung")
        #expect(result.status == row.outcome.status, "exit \(result.status): \(result.stderr)")
        switch row.outcome {
        case .recovered(let text):
            if let text { #expect(result.stdout.lowercased().contains(text.lowercased()), "\(result.stdout)") }
            let expected = Checksum.sha256(fileAt: Executable.fixtures + "/media/render.mp4")
            for output in row.command.outputs {
                #expect(Checksum.sha256(fileAt: folder + "/" + output) == expected, "\(output) is the rendered video")
            }
        case .fails(_, let text):
            #expect(result.stderr.lowercased().contains(text.lowercased()), "stderr: \(result.stderr)")
            if row.command != .batch {
                for output in row.command.outputs {
                    #expect(!FileManager.default.fileExists(atPath: folder + "/" + output), "no output after a failure")
                }
            }
        }
        let left = try leftovers(in: folder)
        #expect(left.isEmpty, "temporary files left: \(left)")

        // The journal: the row's own checks, then the invariants over every request.
        for check in row.checks {
            #expect(
                check.holds(for: own),
                "\(check.text): \(check.matching(own).map { "\($0.method) \($0.path) \($0.status)" })")
        }
        let violations = JournalInvariants.violations(journal, profile: MatrixCommand.profile.slug)
        #expect(violations.isEmpty, "\(violations)")
        let leaks = JournalInvariants.leaks(in: result.stdout + result.stderr, secrets: try secrets(in: folder))
        #expect(leaks.isEmpty, "\(leaks) in the output")
    }

    /// With `NEMO_REGENERATE_FAULT_MATRIX=1` the test first rewrites the README between the markers.
    @Test("the README's reliability section is this table")
    func readmeTable() throws {
        let path = Executable.root.path + "/README.md"
        var readme = try String(contentsOfFile: path, encoding: .utf8)
        var begin = try #require(readme.range(of: "<!-- fault-matrix:begin -->"))
        var end = try #require(readme.range(of: "<!-- fault-matrix:end -->"))
        if ProcessInfo.processInfo.environment["NEMO_REGENERATE_FAULT_MATRIX"] == "1" {
            readme.replaceSubrange(begin.upperBound..<end.lowerBound, with: "\n" + FaultMatrix.readmeSection + "\n")
            try Data(readme.utf8).write(to: URL(fileURLWithPath: path))
            begin = try #require(readme.range(of: "<!-- fault-matrix:begin -->"))
            end = try #require(readme.range(of: "<!-- fault-matrix:end -->"))
        }
        let section = readme[begin.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(section == FaultMatrix.readmeSection, "run once with NEMO_REGENERATE_FAULT_MATRIX=1")
    }

    @Test("the matrix covers every category the issue names, and every command")
    func coverage() {
        let categories = Set(FaultMatrix.rows.map(\.category))
        #expect(categories == Set(FaultRow.Category.allCases))
        let commands = Set(FaultMatrix.rows.map(\.command.rawValue))
        #expect(commands == ["run", "say", "export", "upload", "status", "credits", "chat", "batch"])
        for code in ["2001", "4001", "4002", "400", "402", "429", "500", "502", "503"] {
            #expect(FaultMatrix.rows.contains { $0.faultText.contains(" \(code) ") }, "code \(code)")
        }
    }

    /// Runs the built `nemo` with a private config home.
    private func nemo(_ arguments: [String], in folder: String, stdin: String? = nil) async throws
        -> SpawnedProcess.Result
    {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = folder + "/config"
        // The mock serves its recorded clip: a real render of each export would take seconds (lead's note).
        environment["NEMO_MOCK_RENDER"] = "recorded"
        for key in ["NEMO_TOKEN", "NEMO_API_URL", "NEMO_BACKEND", "NEMO_PROFILE", "NEMO_CONFIG", "NEMO_CLIENT_ID"] {
            environment.removeValue(forKey: key)
        }
        return try await SpawnedProcess.run(
            Executable.products.appendingPathComponent("nemo").path, arguments, environment: environment, in: folder,
            input: stdin.map { .file($0) } ?? .null)
    }

    /// The cached token and the client id, when the command left them.
    private func secrets(in folder: String) throws -> [String] {
        let config = folder + "/config/nemovideo"
        var found: [String] = []
        if let data = FileManager.default.contents(atPath: config + "/token.json"),
            let token = try? JSONValue(parsingUTF8: [UInt8](data))["token"]?.stringValue
        {
            found.append(token)
        }
        if let id = try? String(contentsOfFile: config + "/client_id", encoding: .utf8) {
            found.append(id.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return found
    }

    /// Files in the working folder that are neither inputs nor finished outputs (partial downloads, temp files).
    private func leftovers(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { name in
            !["config", "conversation.txt", "plan.yaml"].contains(name) && !name.hasSuffix(".mp4")
        }
    }
}

/// Lets at most `width` callers in at once.
actor Gate {
    private let width: Int
    private var inside = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(width: Int) { self.width = width }

    func enter() async {
        if inside < width {
            inside += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            inside -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
