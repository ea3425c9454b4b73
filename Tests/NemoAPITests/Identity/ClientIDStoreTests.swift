import Foundation
import NemoAPI
import Testing

@Suite("Client id: NEMO_CLIENT_ID, else a file created once")
struct ClientIDStoreTests {
    @Test func createdOnceThenReused() throws {
        let folder = try TemporaryFolder()
        let store = ClientIDStore(folder: folder.path + "/nemovideo")
        let first = try store.clientID(environment: [:])
        #expect(first.origin == .created)
        #expect(UUID(uuidString: first.id) != nil)
        let again = try ClientIDStore(folder: folder.path + "/nemovideo").clientID(environment: [:])
        #expect(again == (first.id, .file))
        #expect(try folder.read("nemovideo/client_id") == first.id + "\n")
        #expect(try folder.mode("nemovideo/client_id") == 0o600)
        #expect(try folder.mode("nemovideo") == 0o700)
    }

    @Test func environmentWins() throws {
        let folder = try TemporaryFolder()
        let store = ClientIDStore(folder: folder.path)
        _ = try store.clientID(environment: [:])
        let chosen = try store.clientID(environment: ["NEMO_CLIENT_ID": " 7f1c2a90-0000-4000-8000-000000000001 "])
        #expect(chosen == ("7f1c2a90-0000-4000-8000-000000000001", .environment))
        let blank = try store.clientID(environment: ["NEMO_CLIENT_ID": "  "])
        #expect(blank.origin == .file)
    }

    @Test(arguments: ["", "not a valid id!", String(repeating: "a", count: 129), "é"])
    func implausibleFileIsReplaced(_ content: String) throws {
        let folder = try TemporaryFolder()
        try folder.write("client_id", content)
        let store = ClientIDStore(folder: folder.path)
        let id = try store.clientID(environment: [:])
        #expect(id.origin == .created)
        #expect(try store.load() == id.id)
    }

    @Test func replaceMakesANewID() throws {
        let folder = try TemporaryFolder()
        let store = ClientIDStore(folder: folder.path)
        let first = try store.clientID(environment: [:]).id
        let second = try store.replace()
        #expect(first != second)
        #expect(try store.clientID(environment: [:]) == (second, .file))
    }

    @Test(arguments: [("abc-123_X", true), ("a b", false), ("", false), ("ünï", false)])
    func plausibleIDs(_ text: String, _ plausible: Bool) {
        #expect(ClientIDStore.isPlausible(text) == plausible)
    }

    @Test(arguments: [
        (["XDG_CONFIG_HOME": "/x/config", "HOME": "/home/u"], "/x/config/nemovideo"),
        (["XDG_CONFIG_HOME": "/x/config/", "HOME": "/home/u"], "/x/config/nemovideo"),
        (["XDG_CONFIG_HOME": "relative/config", "HOME": "/home/u"], "/home/u/.config/nemovideo"),
        (["XDG_CONFIG_HOME": "", "HOME": "/home/u/"], "/home/u/.config/nemovideo"),
    ])
    func configFolder(_ environment: [String: String], _ path: String) throws {
        #expect(try ConfigFolder.path(environment: environment) == path)
    }

    @Test func configFolderNeedsAHome() {
        #expect(throws: NemoAPIError.self) { try ConfigFolder.path(environment: ["HOME": "relative"]) }
        do {
            _ = try ConfigFolder.path(environment: [:])
        } catch {
            #expect(error.code == .configuration && error.message.contains("set HOME"))
        }
    }

    @Test(arguments: [
        ("/home/u/.clawhub/skills/nemo/bin/nemo", Attribution.Platform.clawhub),
        ("/home/u/.cursor/skills/nemo/nemo", .cursor),
        ("/home/u/.cursor/other/nemo", .unknown),
        ("/usr/local/bin/nemo", .unknown),
        ("/home/uu/.clawhub/nemo", .unknown),
    ])
    func platformFromTheInstallPath(_ path: String, _ platform: Attribution.Platform) {
        #expect(Attribution.Platform.detect(installPath: path, home: "/home/u") == platform)
        #expect(Attribution.Platform.detect(installPath: path, home: "/home/u/") == platform)
        #expect(Attribution.Platform.detect(installPath: path, environment: ["HOME": "/home/u"]) == platform)
        #expect(Attribution.Platform.detect(installPath: path, environment: [:]) == .unknown)
    }
}
