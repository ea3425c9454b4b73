import Foundation
import NemoAPI
import NemoTestSupport
import Testing

@Suite("Secrets never reach output, logs or the journal")
struct SecretsTests {
    @Test("every command at the most verbose log level, human and --json: no token, no client id")
    func noSecretsAnywhere() async throws {
        let mock = try MockProcess(credits: 1000)
        let folder = try Executable.folder()
        let common = ["--api-url", mock.url, "--poll-interval", "0.05", "--log-level", "trace"]
        let image = Executable.images + "/beach.jpg"
        var outputs: [Executable.Result] = []
        for arguments in [
            ["run", image, "--out", "a.mp4"], ["run", image, "--out", "b.mp4", "--json"],
            ["say", "add a title Paradise Found"], ["status", "--json"], ["credits"], ["upload", image],
            ["export", "--out", "c.mp4", "--json"], ["upload", folder + "/missing.jpg"],
        ] {
            outputs.append(try await Executable.run("nemo", arguments + common, in: folder))
        }
        #expect(outputs.prefix(7).allSatisfy { $0.status == 0 }, "\(outputs.map(\.stderr))")
        #expect(outputs.last?.status == 6, "an error message is checked too")
        #expect(outputs.contains { $0.stderr.contains("trace nemo") }, "trace logs were written")

        let config = folder + "/config/nemovideo"
        let cache = try JSONValue(parsingUTF8: [UInt8](Data(contentsOf: URL(fileURLWithPath: config + "/token.json"))))
        let token = try #require(cache["token"]?.stringValue)
        let clientID = try String(contentsOfFile: config + "/client_id", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.count > 8 && clientID.count > 8)

        // The user's own token from the environment, at trace level, is not printed either.
        let own = try await Executable.run("nemo", ["credits", "--json"] + common, in: folder, environment: ["NEMO_TOKEN": token])
        #expect(own.status == 0)
        outputs.append(own)

        for output in outputs {
            for secret in [token, clientID] {
                #expect(!output.stdout.contains(secret) && !output.stderr.contains(secret))
            }
        }
        let journal = try await CurlTransport().send(HTTPRequest(method: .get, url: URL(string: mock.url + "/_mock/journal")!))
        #expect(!String(decoding: journal.body, as: UTF8.self).contains(token), "the mock's journal redacts it")
        let mode = try FileManager.default.attributesOfItem(atPath: config + "/token.json")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("a token cache that others can read is refused with a clear message")
    func insecureCacheRefused() async throws {
        let mock = try MockProcess()
        let folder = try Executable.folder()
        let first = try await Executable.run("nemo", ["credits", "--api-url", mock.url], in: folder)
        #expect(first.status == 0)
        let cache = folder + "/config/nemovideo/token.json"
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: cache)
        let second = try await Executable.run("nemo", ["credits", "--api-url", mock.url], in: folder)
        #expect(second.status == 3)
        #expect(second.stderr.contains("chmod 600") || second.stderr.contains("600"), "\(second.stderr)")
    }
}
