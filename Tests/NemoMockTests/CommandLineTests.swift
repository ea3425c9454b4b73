import Foundation
import NemoTestSupport
import Testing

/// The `nemo-mock` executable: the ready line, a live server, clean shutdown on signals.
@Suite struct CommandLineTests {
    /// The built `nemo-mock` beside the test bundle.
    static let binary: URL? = {
        let folder = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("nemo-mock"), folder.appendingPathComponent("nemo-mock"),
            folder.deletingLastPathComponent().appendingPathComponent("nemo-mock"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    @Test(.enabled(if: binary != nil, "nemo-mock is not built"), arguments: [SIGTERM, SIGINT])
    func servePrintsItsURLAndStopsOnSignal(signal: Int32) async throws {
        let process = try SpawnedProcess(
            Self.binary!.path,
            [
                "serve", "--host", "127.0.0.1", "--port", "0", "--fixtures", Paths.fixtures.path,
                "--time-scale", "0", "--seed", "42",
            ], error: .inherit)
        let output = try #require(process.standardOutput)
        let line = try await TestHTTPClient.onThread { () -> String in
            var bytes: [UInt8] = []
            while let byte = try output.read(upToCount: 1)?.first, byte != 0x0A {
                bytes.append(byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(line.hasPrefix("nemo-mock listening url=http://127.0.0.1:"))
        let url = try #require(
            line.split(separator: " ").first { $0.hasPrefix("url=") }.flatMap { URL(string: String($0.dropFirst(4))) })
        let client = TestHTTPClient(url: url)
        let token = try await client.send("POST", "/api/auth/anonymous-token", headers: [("X-Client-Id", "cli")])
        #expect(try token.json()["data"]["token"].string == "nmv_usr_28efe333b266f10347526757130f9f52581ce1ff")
        process.send(signal)
        #expect(await process.exit().termination == .exited(0))
    }

    @Test(.enabled(if: binary != nil, "nemo-mock is not built"))
    func checkValidatesFixtures() async throws {
        let result = try await SpawnedProcess.run(Self.binary!.path, ["check", "--fixtures", Paths.fixtures.path])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("scenarios: ok\n"))
    }
}
