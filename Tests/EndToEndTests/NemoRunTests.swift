import Foundation
import NemoAPI
import NemoCore
import NemoTestSupport
import Testing

@Suite("nemo, the built binary, end to end")
struct NemoRunTests {
    @Test("every profile's example workflow against the embedded mock", arguments: ProductProfile.all)
    func profileWorkflow(profile: ProductProfile) async throws {
        let folder = try Executable.folder()
        let images = profile.acceptsTextOnly ? [] : [Executable.images + "/beach.jpg", Executable.images + "/fog.jpg"]
        let result = try await Executable.run(
            "nemo", ["run"] + images + ["--backend", "mock", "--profile", profile.slug, "--out", "clip.mp4"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Timeline ("))
        #expect(result.stdout.contains("✓ Saved clip.mp4"))
        let size = try FileManager.default.attributesOfItem(atPath: folder + "/clip.mp4")[.size] as? Int
        #expect((size ?? 0) > 1000)
    }

    @Test("every profile's example workflow against nemo-mock as a separate process", arguments: ProductProfile.all)
    func profileWorkflowSeparateMock(profile: ProductProfile) async throws {
        let mock = try MockProcess()
        let folder = try Executable.folder()
        let images = profile.acceptsTextOnly ? [] : [Executable.images + "/city.webp"]
        let result = try await Executable.run(
            "nemo", ["run"] + images + ["--api-url", mock.url, "--profile", profile.slug, "--poll-interval", "0.05",
                                         "--out", "clip.mp4"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/clip.mp4"))
    }

    @Test("refused files: 4001 lists the accepted formats, 4002 offers nemo prep (exit 6)")
    func refusedFiles() async throws {
        let folder = try Executable.folder()
        try Data("hello".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        let type = try await Executable.run(
            "nemo", ["run", folder + "/notes.txt", "--no-prep", "--backend", "mock"], in: folder)
        #expect(type.status == 6)
        #expect(type.stderr.contains("Accepted:") && type.stderr.contains("png"), "\(type.stderr)")
        #expect(FileManager.default.createFile(atPath: folder + "/huge.png", contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/huge.png"))
        try handle.truncate(atOffset: 25_000_000)
        try handle.close()
        let size = try await Executable.run(
            "nemo", ["run", folder + "/huge.png", "--no-prep", "--backend", "mock", "--profile", "image-to-video-ltx"],
            in: folder)
        #expect(size.status == 6)
        #expect(size.stderr.contains("nemo prep"), "\(size.stderr)")
    }

    @Test("--json: one JSON object per line, ending with the result")
    func jsonOutput() async throws {
        let folder = try Executable.folder()
        let result = try await Executable.run(
            "nemo", ["run", Executable.images, "--backend", "mock", "--json", "--out", "v.mp4"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let events = try result.jsonLines()
        let names = events.compactMap { $0["event"]?.stringValue }
        #expect(names.contains("prep_done") && names.contains("session") && names.contains("message_done"))
        #expect(names.last == "result")
        #expect(events.last?["output"]?.stringValue == "v.mp4")
        #expect(!result.stdout.contains("nmv_"), "no token in output")
    }

    @Test("against nemo-mock as a separate process: run, then say, status, credits and export continue the session")
    func separateMockAndIterative() async throws {
        let mock = try MockProcess(credits: 300)
        let folder = try Executable.folder()
        let common = ["--api-url", mock.url, "--profile", "create-video-from-images", "--poll-interval", "0.05"]
        let run = try await Executable.run("nemo", ["run", Executable.images] + common + ["--out", "first.mp4"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let say = try await Executable.run("nemo", ["say", "add a title Paradise Found", "--json"] + common, in: folder)
        #expect(say.status == 0, "\(say.stderr)")
        let done = try say.jsonLines().first { $0["event"]?.stringValue == "message_done" }
        #expect(done?["timeline"]?.stringValue?.hasPrefix("Timeline (") == true)
        let status = try await Executable.run("nemo", ["status"] + common, in: folder)
        #expect(status.status == 0)
        #expect(status.stdout.hasPrefix("Timeline (") && !status.stdout.contains("empty"))
        let credits = try await Executable.run("nemo", ["credits", "--json"] + common, in: folder)
        #expect(credits.status == 0)
        #expect(try credits.jsonLines().first?["available"]?.doubleValue != nil)
        let export = try await Executable.run("nemo", ["export", "--out", "second.mp4"] + common, in: folder)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/second.mp4"))
    }

    @Test("a silent edit is reported from the state")
    func silentEdit() async throws {
        let folder = try Executable.folder()
        let result = try await Executable.run(
            "nemo", ["run", Executable.images + "/beach.jpg", "--backend", "mock", "--mock-scenario", "silent-edit",
                     "--prompt", "add a title Paradise Found", "--out", "v.mp4"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("✓ Title"), "\(result.stdout)")
    }

    @Test("errors say what to do, with their documented exit status", arguments: [
        ("export-blocked", Int32(5), "plan"),
        ("rate-limited", Int32(7), "wait"),
        ("render-failed", Int32(9), "render"),
    ])
    func errorMessages(scenario: String, status: Int32, hint: String) async throws {
        let folder = try Executable.folder()
        let result = try await Executable.run(
            "nemo", ["run", Executable.images + "/beach.jpg", "--backend", "mock", "--mock-scenario", scenario,
                     "--out", "v.mp4"], in: folder)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.lowercased().contains(hint), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/v.mp4"), "no partial output")
    }

    @Test("out of credits: exit 4 with the registration link")
    func outOfCredits() async throws {
        let mock = try MockProcess(credits: 40)
        let folder = try Executable.folder()
        let result = try await Executable.run(
            "nemo", ["run", Executable.images + "/beach.jpg", "--api-url", mock.url, "--out", "v.mp4"], in: folder)
        #expect(result.status == 4, "\(result.stderr)")
        #expect(result.stderr.contains("bind="), "\(result.stderr)")
    }

    @Test("nemo sse decode prints one JSON object per event of a recording")
    func sseDecode() async throws {
        let folder = try Executable.folder()
        let recording = Executable.fixtures + "/adk/scenario-video-streaming.sse"
        let raw = try await Executable.run("nemo", ["sse", "decode", recording], in: folder)
        #expect(raw.status == 0)
        let events = try raw.jsonLines()
        #expect(events.count == 5)
        #expect(events.allSatisfy { $0["type"]?.stringValue == "message" && $0["retry"] == nil })
        let agent = try await Executable.run("nemo", ["sse", "decode", "--agent", recording], in: folder)
        let types = try agent.jsonLines().compactMap { $0["type"]?.stringValue }
        #expect(types.first == "tool_call" && types.contains("text"))
    }
}

@Suite("Interrupting nemo")
struct InterruptTests {
    @Test("Ctrl-C during the render stops cleanly, says how to resume, writes nothing; --resume finishes it")
    func interruptedRunResumed() async throws {
        let mock = try MockProcess(scenario: "render-slow")
        let folder = try Executable.folder()
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = folder + "/config"
        let process = try SpawnedProcess(
            Executable.products.appendingPathComponent("nemo").path,
            [
                "run", Executable.images + "/beach.jpg", "--api-url", mock.url, "--json", "--poll-interval", "30",
                "--out", "v.mp4",
            ], environment: environment, in: folder, error: .null)
        let seen = await OwnThread.run {
            let seen = process.readOutput(until: "render_submitted")
            process.interrupt()
            return seen + process.readOutput()
        }
        #expect(await process.exit().termination == .exited(130))
        #expect(seen.contains("nemo export --resume render_"), "\(seen)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/v.mp4"))

        let resumed = try await Executable.run(
            "nemo", ["export", "--resume", "last", "--api-url", mock.url, "--poll-interval", "0.05", "--out", "v.mp4"],
            in: folder)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/v.mp4"))
    }
}

@Suite("nemo chat and nemo batch")
struct ChatAndBatchTests {
    @Test("chat routes export, credits, status and upload without the agent; the rest is a message")
    func chatRouting() async throws {
        let folder = try Executable.folder()
        let script = folder + "/conversation.txt"
        try Data(
            """
            credits
            upload \(Executable.images)/beach.jpg
            combine these photos into a 30-second video with transitions and background music
            status
            export
            quit

            """.utf8
        ).write(to: URL(fileURLWithPath: script))
        let result = try await Executable.run(
            "sh", ["-c", "\(Executable.products.path)/nemo chat --backend mock --json --out chat.mp4 < conversation.txt"],
            in: folder, useProducts: false)
        #expect(result.status == 0, "\(result.stderr)")
        let events = try result.jsonLines()
        let intents = events.filter { $0["event"]?.stringValue == "route" }.compactMap { $0["intent"]?.stringValue }
        #expect(intents == ["credits", "upload", "message", "status", "export"])
        #expect(events.contains { $0["event"]?.stringValue == "result" && $0["output"]?.stringValue == "chat.mp4" })
        #expect(FileManager.default.fileExists(atPath: folder + "/chat.mp4"))
    }

    @Test("batch: each photo with its own instruction and render, in one session; YAML and JSON plans")
    func batchPlans() async throws {
        let mock = try MockProcess(credits: 1000)
        let folder = try Executable.folder()
        try Data(
            """
            jobs:
              - image: \(Executable.images)/beach.jpg
                prompt: animate this image into a 5-second video clip with smooth motion
                out: beach.mp4
              - images: [\(Executable.images)/city.webp]
                prompt: turn this image into a free downloadable video clip
                out: city.mp4
            """.utf8
        ).write(to: URL(fileURLWithPath: folder + "/plan.yaml"))
        let yaml = try await Executable.run(
            "nemo", ["batch", "plan.yaml", "--api-url", mock.url, "--json", "--poll-interval", "0.05"], in: folder)
        #expect(yaml.status == 0, "\(yaml.stderr)")
        let sessions = try yaml.jsonLines().filter { $0["event"]?.stringValue == "result" }
        #expect(sessions.count == 2)
        #expect(FileManager.default.fileExists(atPath: folder + "/beach.mp4"))
        #expect(FileManager.default.fileExists(atPath: folder + "/city.mp4"))
        let journal = try await CurlTransport().send(
            HTTPRequest(method: .get, url: URL(string: mock.url + "/_mock/journal")!))
        let entries = try JSONValue(parsingUTF8: journal.body)["entries"]?.arrayValue ?? []
        let created = entries.filter { $0["path"]?.stringValue == "/api/tasks/me/with-session/nemo_agent" }
        #expect(created.count == 1, "one session for the batch")

        try Data(#"{"jobs": [{"image": "missing.jpg", "prompt": "animate", "out": "m.mp4"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: folder + "/plan.json"))
        let json = try await Executable.run("nemo", ["batch", "plan.json", "--api-url", mock.url], in: folder)
        #expect(json.status == 1, "a failed job: \(json.stderr)")
        #expect(json.stderr.contains("missing.jpg"))
    }
}

@Suite("nemo mock and the configuration file")
struct MockAndConfigTests {
    @Test("nemo mock prints its URL when ready, serves, and stops on SIGINT")
    func nemoMock() async throws {
        let process = try SpawnedProcess(
            Executable.products.appendingPathComponent("nemo").path, ["mock", "--fixtures", Executable.fixtures],
            error: .inherit)
        let line = await OwnThread.run { process.readOutput(until: "\n") }
        let url = try #require(line.split(separator: " ").first { $0.hasPrefix("url=") }?.dropFirst(4))
        let health = try await CurlTransport().send(HTTPRequest(method: .get, url: URL(string: "\(url)/_mock/health")!))
        #expect(health.status == 200)
        process.interrupt()
        #expect(await process.exit().termination == .exited(0))
    }

    @Test("the config file sets the service and profile; flags and environment win over it")
    func configFile() async throws {
        let mock = try MockProcess()
        let folder = try Executable.folder()
        try FileManager.default.createDirectory(atPath: folder + "/config/nemovideo", withIntermediateDirectories: true)
        try Data(#"{"api_url": "\#(mock.url)", "profile": "ai-animations", "poll_interval": 0.05}"#.utf8)
            .write(to: URL(fileURLWithPath: folder + "/config/nemovideo/config.json"))
        // Text only works because the file chose ai-animations; the service is the file's URL.
        let fromFile = try await Executable.run("nemo", ["run", "--json", "--out", "t.mp4"], in: folder)
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        // A flag wins: another profile needs photos.
        let flag = try await Executable.run("nemo", ["run", "--profile", "image-to-free"], in: folder)
        #expect(flag.status == 2)
        // The environment wins over the file too.
        let env = try await Executable.run(
            "nemo", ["credits"], in: folder, environment: ["NEMO_API_URL": "http://127.0.0.1:1"])
        #expect(env.status == 8)
        #expect(env.stderr.contains("127.0.0.1:1"), "\(env.stderr)")
    }
}
