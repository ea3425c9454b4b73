import Foundation
import NemoMock
import Synchronization
import Testing

/// The export hook: a mock with a draft renderer serves the video it makes of the session's own media.
@Suite struct DraftRenderTests {
    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    /// What the hook saw, for the assertions.
    final class Calls: Sendable {
        let jobs = Mutex<[(draft: String, width: Int, height: Int)]>([])
    }

    @Test("the completed export is the renderer's video, made from the uploaded file the draft names")
    func rendersUploads() async throws {
        let calls = Calls()
        // The "renderer" writes the bytes of the media the draft's first segment names, found through the hook.
        let renderer: DraftRenderer = { job, progress in
            calls.jobs.withLock { $0.append((job.draftJSON, job.width, job.height)) }
            guard let url = job.draftJSON.firstMatch(of: /"cdn_url":"([^"]+)"/)?.1,
                let file = job.localFile(String(url))
            else { throw Refused(description: "no media in \(job.draftJSON)") }
            progress(0.5)
            try Data(contentsOf: URL(fileURLWithPath: file)).write(to: URL(fileURLWithPath: job.outputPath))
            progress(1)
        }
        try await MockHarness.with(draftRenderer: renderer) { mock in
            let (token, session) = try await RenderTests.ready(mock)
            let photo = TestImages.webp(width: 64, height: 48)
            let uploaded = try await mock.upload(token: token, session: session, files: [("beach.webp", photo)])
            let url = try #require(try uploaded.json()["data"]["files"][0]["cdn_url"].string)
            let draft = #"{"t":[{"tt":0,"sg":[{"d":5000,"m":{"cdn_url":"\#(url)"}}]}]}"#
            #expect(try await mock.export(token: token, session: session, id: "r1", draft: draft).status == 200)
            var status = ""
            for _ in 0..<6 where status != "completed" {
                status = try await mock.get("/api/render/proxy/lambda/r1", token: token).json()["data"]["status"]
                    .string ?? ""
            }
            #expect(status == "completed")
            #expect(try await mock.get("/media/renders/r1.mp4", token: nil).body == photo)
            #expect(try await mock.get("/api/render/proxy/r1/download", token: token).body == photo)
            let job = try #require(calls.jobs.withLock { $0.first })
            #expect(job.draft.contains(url))
            #expect(job.width == 1920 && job.height == 1080)
        }
    }

    @Test("a renderer that fails fails the job with its message, and nothing is served")
    func failure() async throws {
        let renderer: DraftRenderer = { _, _ in
            throw Refused(description: "Segment 1 of the video track refers to gone.png, which is not available")
        }
        try await MockHarness.with(draftRenderer: renderer) { mock in
            let (token, session) = try await RenderTests.ready(mock)
            _ = try await mock.export(token: token, session: session, id: "r1", draft: RenderTests.draft)
            var final = JSONValueBox(nil)
            for _ in 0..<6 where final["status"].string != "failed" {
                final = try await mock.get("/api/render/proxy/lambda/r1", token: token).json()["data"]
            }
            #expect(final["status"].string == "failed")
            #expect(final["error"].string?.contains("gone.png") == true)
            #expect(try await mock.send("GET", "/media/renders/r1.mp4").status == 404)
        }
    }

    @Test("media URLs resolve only to the mock's uploads and fixtures")
    func localFiles() async throws {
        let seen = Mutex<[String?]>([])
        let renderer: DraftRenderer = { job, _ in
            let urls = [
                "/media/fixtures/bgm.m4a", "/media/fixtures/../transcripts/default.scenario",
                "/media/uploads/1/nothing.png", "/etc/passwd", "http://example.com/media/fixtures/bgm.m4a",
            ]
            seen.withLock { $0 = urls.map(job.localFile) }
            throw Refused(description: "done")
        }
        try await MockHarness.with(draftRenderer: renderer) { mock in
            let (token, session) = try await RenderTests.ready(mock)
            _ = try await mock.export(token: token, session: session, id: "r1", draft: RenderTests.draft)
            for _ in 0..<6 { _ = try await mock.get("/api/render/proxy/lambda/r1", token: token) }
        }
        let files = seen.withLock { $0 }
        #expect(files.count == 5)
        #expect(files[0]?.hasSuffix("Fixtures/media/bgm.m4a") == true)
        #expect(files[1] == nil && files[2] == nil && files[3] == nil)
        // The host is not checked (the draft holds the mock's own base URL); the path must be one the mock serves.
        #expect(files[4]?.hasSuffix("Fixtures/media/bgm.m4a") == true)
    }
}
