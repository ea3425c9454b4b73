import Foundation
import NemoAPI
import Testing

@Suite("Render jobs in flight and the last session")
struct SessionStoresTests {
    static let start = Date(timeIntervalSince1970: 1_795_219_200)

    static func job(_ id: String, _ offset: TimeInterval, output: String? = nil) -> RenderJob {
        RenderJob(
            id: id, sessionID: "7301", startedAt: start + offset, outputPath: output, profile: "image-to-free",
            baseURL: "http://127.0.0.1:1")
    }

    @Test func renderJobsPersistAcrossInstances() throws {
        let folder = try TemporaryFolder()
        let store = RenderJobStore(folder: folder.path)
        #expect(try store.all().isEmpty && store.mostRecent() == nil)
        try store.add(Self.job("render_2", 20, output: "/tmp/b.mp4"))
        try store.add(Self.job("render_1", 10))
        let reopened = RenderJobStore(folder: folder.path)
        #expect(try reopened.all().map(\.id) == ["render_1", "render_2"])
        #expect(try reopened.job(id: "render_2") == Self.job("render_2", 20, output: "/tmp/b.mp4"))
        #expect(try reopened.mostRecent()?.id == "render_2")
        #expect(try folder.mode("render_jobs.json") == 0o600)
    }

    @Test func addingTheSameIDReplacesIt() throws {
        let folder = try TemporaryFolder()
        let store = RenderJobStore(folder: folder.path)
        try store.add(Self.job("render_1", 0))
        try store.add(Self.job("render_1", 5, output: "/out.mp4"))
        #expect(try store.all() == [Self.job("render_1", 5, output: "/out.mp4")])
    }

    @Test func removeFinishesAJob() throws {
        let folder = try TemporaryFolder()
        let store = RenderJobStore(folder: folder.path)
        try store.add(Self.job("render_1", 0))
        try store.add(Self.job("render_2", 1))
        #expect(try store.remove(id: "render_1"))
        #expect(try !store.remove(id: "render_1"))
        #expect(try store.all().map(\.id) == ["render_2"])
    }

    @Test func concurrentAddsKeepEveryJob() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<24 {
                group.addTask {
                    try? RenderJobStore(folder: path).add(Self.job("render_\(index)", Double(index)))
                }
            }
        }
        #expect(try RenderJobStore(folder: path).all().count == 24)
    }

    @Test func aDamagedJobListIsReportedNotOverwritten() throws {
        let folder = try TemporaryFolder()
        try folder.write("render_jobs.json", "{not json")
        let store = RenderJobStore(folder: folder.path)
        do {
            try store.add(Self.job("render_1", 0))
            Issue.record("a damaged list was overwritten")
        } catch {
            #expect(error.code == .storage && error.message.contains("Fix it or delete it"))
        }
        #expect(try folder.read("render_jobs.json") == "{not json")
    }

    @Test func entriesMissingFieldsAreSkipped() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "render_jobs.json",
            #"[{"id":"a","session_id":"1","started_at":"2026-11-21T00:00:00Z"},{"id":"b"},7,"#
                + #"{"id":"c","session_id":2,"started_at":1795219300}]"#)
        #expect(try RenderJobStore(folder: folder.path).all().map(\.id) == ["a", "c"])
    }

    @Test func lastSessionRoundTrip() throws {
        let folder = try TemporaryFolder()
        let store = LastSessionStore(folder: folder.path + "/deep/er")
        #expect(try store.load() == nil)
        let session = LastSession(
            sessionID: "7301234567890123456", taskID: "t_1", profile: "image-to-free", baseURL: "http://127.0.0.1:9",
            savedAt: Self.start)
        try store.save(session)
        #expect(try store.load() == session)
        #expect(try store.load(profile: "image-to-free", baseURL: "http://127.0.0.1:9") == session)
        #expect(try store.load(profile: "ai-animations") == nil)
        #expect(try store.load(baseURL: "https://mega-api-prod.nemovideo.ai") == nil)
        #expect(try folder.mode("deep/er/session.json") == 0o600)
        try store.clear()
        #expect(try store.load() == nil)
    }

    @Test func damagedLastSessionCountsAsNone() throws {
        let folder = try TemporaryFolder()
        try folder.write("session.json", #"{"session_id":"1"}"#)
        #expect(try LastSessionStore(folder: folder.path).load() == nil)
    }

    @Test func aFileWhereTheFolderShouldBeIsAClearError() throws {
        let folder = try TemporaryFolder()
        try folder.write("nemovideo", "a file")
        do {
            try LastSessionStore(folder: folder.file("nemovideo")).save(
                LastSession(sessionID: "1", taskID: nil, profile: "p", savedAt: Self.start))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .storage)
            #expect(error.message.contains(folder.file("nemovideo")))
        }
    }
}
