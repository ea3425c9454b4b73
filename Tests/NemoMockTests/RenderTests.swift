import Foundation
import NemoMock
import NemoTestSupport
import Testing

/// Render jobs on the virtual clock, both poll shapes, cancel, failure, downloads with Range.
@Suite struct RenderTests {
    static let draft = #"{"t":[{"tt":0,"sg":[{"d":5000,"m":{"name":"clip"}}]}]}"#

    /// A token and session ready to export.
    static func ready(_ mock: MockHarness) async throws -> (String, String) {
        let token = try await mock.token()
        return (token, try await mock.session(token: token))
    }

    @Test func topLevelPollShape() async throws {
        try await MockHarness.with(scenario: "poll-top-level") { mock in
            let (token, session) = try await Self.ready(mock)
            #expect(try await mock.export(token: token, session: session, id: "r1", draft: Self.draft).status == 200)
            var last = JSONValueBox(nil)
            for _ in 0..<4 { last = try await mock.get("/api/render/proxy/lambda/r1", token: token).json() }
            #expect(last["status"].string == "completed")
            #expect(last["progress"].int == 100)
            #expect(last["data"].isNull)
            let url = try #require(last["output"]["url"].string)
            #expect(
                try await mock.get(mock.path(of: url), token: nil).body.elementsEqual(
                    try Paths.fixture("media/render.mp4")))
        }
    }

    @Test func failedRenderAndDuplicateId() async throws {
        try await MockHarness.with(scenario: "render-failed") { mock in
            let (token, session) = try await Self.ready(mock)
            #expect(try await mock.export(token: token, session: session, id: "r1", draft: Self.draft).status == 200)
            var statuses: [String] = []
            var final = JSONValueBox(nil)
            for _ in 0..<3 {
                final = try await mock.get("/api/render/proxy/lambda/r1", token: token).json()["data"]
                statuses.append(final["status"].string ?? "?")
            }
            #expect(statuses == ["processing", "failed", "failed"])
            #expect(final["error"].string?.contains("submit again with a new id") == true)
            #expect(final["outputUrl"].isNull)
            let again = try await mock.export(token: token, session: session, id: "r1", draft: Self.draft)
            #expect(again.status == 409)
            #expect(try again.json()["error"]["code"].string == "duplicate_id")
            #expect(try await mock.export(token: token, session: session, id: "r2", draft: Self.draft).status == 200)
            let media = try await mock.send("GET", "/media/renders/r1.mp4")
            #expect(media.status == 404)
        }
    }

    @Test func stuckRenderNeverCompletes() async throws {
        try await MockHarness.with(scenario: "render-stuck") { mock in
            let (token, session) = try await Self.ready(mock)
            _ = try await mock.export(token: token, session: session, id: "r1", draft: Self.draft)
            var statuses = Set<String>()
            for _ in 0..<12 {
                statuses.insert(
                    try await mock.get("/api/render/proxy/lambda/r1", token: token).json()["data"]["status"].string
                        ?? "?")
            }
            #expect(statuses == ["processing"])
            let download = try await mock.get("/api/render/proxy/r1/download", token: token)
            #expect(download.status == 409)
        }
    }

    @Test func cancelPendingRender() async throws {
        try await MockHarness.with { mock in
            let (token, session) = try await Self.ready(mock)
            _ = try await mock.export(token: token, session: session, id: "r1", draft: Self.draft)
            let cancel = try await mock.json("POST", "/api/render/proxy/lambda/r1/cancel", token: token, body: "{}")
            #expect(cancel.status == 200)
            #expect(try cancel.json()["data"]["status"].string == "cancelled")
            let poll = try await mock.get("/api/render/proxy/lambda/r1", token: token).json()["data"]
            #expect(poll["status"].string == "cancelled")
            let twice = try await mock.json("POST", "/api/render/proxy/lambda/r1/cancel", token: token, body: "{}")
            #expect(twice.status == 409)
            let unknown = try await mock.json("POST", "/api/render/proxy/lambda/zzz/cancel", token: token, body: "{}")
            #expect(unknown.status == 404)
        }
    }

    @Test func emptyDraftAndBadIdAreRefused() async throws {
        try await MockHarness.with { mock in
            let (token, session) = try await Self.ready(mock)
            let empty = try await mock.export(
                token: token, session: session, id: "r1", draft: #"{"t":[{"tt":0,"sg":[]}]}"#)
            #expect(empty.status == 400)
            #expect(try empty.json()["error"]["code"].string == "empty_draft")
            let badId = try await mock.export(token: token, session: session, id: "../x", draft: Self.draft)
            #expect(try badId.json()["error"]["code"].string == "invalid_id")
            let otherSession = try await mock.export(token: token, session: "999999999999", id: "r9", draft: Self.draft)
            #expect(try otherSession.json()["code"].int == 1002)
        }
    }

    @Test func fallbackDownloadAndRanges() async throws {
        try await MockHarness.with { mock in
            let (token, session) = try await Self.ready(mock)
            _ = try await mock.export(token: token, session: session, id: "r1", draft: Self.draft)
            #expect(try await mock.get("/api/render/proxy/r1/download", token: token).status == 409)
            for _ in 0..<4 { _ = try await mock.get("/api/render/proxy/lambda/r1", token: token) }
            let mp4 = try Paths.fixture("media/render.mp4")
            let full = try await mock.get("/api/render/proxy/r1/download", token: token)
            #expect(full.status == 200 && full.body.elementsEqual(mp4))
            #expect(full.header("accept-ranges") == "bytes")
            #expect(try await mock.get("/api/render/proxy/r1/download", token: nil).status == 401)

            let part = try await mock.get("/media/renders/r1.mp4", token: nil, extra: [("Range", "bytes=100-199")])
            #expect(part.status == 206)
            #expect(part.header("content-range") == "bytes 100-199/\(mp4.count)")
            #expect(part.body == Array(mp4[100..<200]))
            let tail = try await mock.get("/media/renders/r1.mp4", token: nil, extra: [("Range", "bytes=-10")])
            #expect(tail.body == Array(mp4.suffix(10)))
            let beyond = try await mock.get(
                "/media/renders/r1.mp4", token: nil, extra: [("Range", "bytes=\(mp4.count)-")])
            #expect(beyond.status == 416)
            #expect(beyond.header("content-range") == "bytes */\(mp4.count)")
            let head = try await mock.send("HEAD", "/media/renders/r1.mp4")
            #expect(head.status == 200 && head.header("content-length") == String(mp4.count))
        }
    }

    @Test func cutDownloadResumesWithRange() async throws {
        try await MockHarness.with(scenario: "download-cut") { mock in
            let (token, session) = try await Self.ready(mock)
            _ = try await mock.export(token: token, session: session, id: "r1", draft: Self.draft)
            for _ in 0..<4 { _ = try await mock.get("/api/render/proxy/lambda/r1", token: token) }
            let mp4 = try Paths.fixture("media/render.mp4")
            var received: [UInt8] = []
            var attempts = 0
            while received.count < mp4.count, attempts < 40 {
                attempts += 1
                let range = received.isEmpty ? [] : [("Range", "bytes=\(received.count)-")]
                let response = try await mock.get("/media/renders/r1.mp4", token: nil, extra: range)
                #expect(response.status == (received.isEmpty ? 200 : 206))
                if attempts == 1 {
                    #expect(response.truncated)
                    #expect(response.body.count == mp4.count / 2)
                }
                received += response.body
            }
            #expect(received.elementsEqual(mp4))
            #expect(attempts == 2)
        }
    }

    @Test func rendersAdvanceInRealTimeAtNonZeroScale() async throws {
        // render-slow is queued for 120 virtual seconds and completes at 300: 3 s and 7.5 s of real time at
        // scale 40 (long enough that a machine busy with the rest of the suite still sees the pending state first).
        let scale = TestTiming.timeScale(40)
        try await MockHarness.with(timeScale: scale, scenario: "render-slow") { mock in
            let (token, session) = try await Self.ready(mock)
            let start = ContinuousClock.now
            _ = try await mock.export(token: token, session: session, id: "r1", draft: Self.draft)
            var statuses: [String] = []
            while statuses.last != "completed", ContinuousClock.now - start < TestTiming.stretched(.seconds(60)) {
                let status = try await mock.get("/api/render/proxy/lambda/r1", token: token).json()["data"]["status"]
                if let status = status.string, statuses.last != status { statuses.append(status) }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(statuses.last == "completed")
            #expect(statuses.first == "pending")
            #expect(ContinuousClock.now - start >= .milliseconds(Int64(299_000 / scale)))
        }
    }
}
