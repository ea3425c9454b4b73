import Foundation
import NemoAPI
import Testing

@Suite("Render submit and both poll shapes")
struct RenderModelTests {
    @Test func submitAnswer() throws {
        let body = try JSONValue(
            parsing: #"{"success":true,"data":{"id":"render_1","status":"pending","progress":0,"#
                + #""createdAt":"2026-11-21T00:00:00Z"}}"#)
        let job = try RenderJobStatus.decode(body: body)
        #expect(job.id == "render_1" && job.status == .pending && job.progress == 0 && job.outputURL == nil)
        #expect(job.createdAt == Date(timeIntervalSince1970: 1_795_219_200))
    }

    /// The mock's nested poll body (`poll: data`), completed.
    static let nested = #"""
        {"success":true,"data":{"id":"render_1","status":"completed","progress":100,
        "outputUrl":"http://127.0.0.1:1/media/renders/render_1.mp4","createdAt":"2026-11-21T00:00:00Z",
        "completedAt":"2026-11-21T00:00:40Z","error":null}}
        """#

    /// The mock's top-level poll body (`poll: top`), completed.
    static let topLevel = #"""
        {"success":true,"id":"render_1","status":"completed","progress":100,
        "output":{"url":"http://127.0.0.1:1/media/renders/render_1.mp4","format":"mp4"},
        "createdAt":"2026-11-21T00:00:00Z","completedAt":"2026-11-21T00:00:40Z","error":null}
        """#

    @Test(arguments: [(nested, RenderJobStatus.Shape.nested), (topLevel, .topLevel)])
    func bothPollShapesGiveTheSameJob(_ text: String, _ shape: RenderJobStatus.Shape) throws {
        let body = try JSONValue(parsing: text)
        for job in [try RenderJobStatus.decode(body: body), try RenderJobStatus(wire: body)] {
            #expect(job.shape == shape)
            #expect(job.id == "render_1")
            #expect(job.status == .completed && job.status.isFinal)
            #expect(job.progress == 100)
            #expect(job.outputURL == "http://127.0.0.1:1/media/renders/render_1.mp4")
            #expect(job.createdAt == Date(timeIntervalSince1970: 1_795_219_200))
            #expect(job.completedAt == Date(timeIntervalSince1970: 1_795_219_240))
            #expect(job.errorMessage == nil)
        }
    }

    @Test func pendingInBothShapes() throws {
        let nested = try RenderJobStatus.decode(
            body: ["success": true, "data": ["id": "r", "status": "processing", "progress": 40, "outputUrl": nil]])
        #expect(nested.status == .processing && nested.progress == 40 && nested.outputURL == nil)
        #expect(nested.shape == .nested)
        let top = try RenderJobStatus.decode(
            body: ["success": true, "id": "r", "status": "pending", "progress": 0, "output": nil])
        #expect(top.status == .pending && top.outputURL == nil && top.shape == .topLevel)
    }

    @Test func failedJobCarriesItsMessage() throws {
        let job = try RenderJobStatus(wire: ["status": "failed", "progress": 60, "error": ["message": "GPU lost"]])
        #expect(job.status == .failed && job.status.isFinal && job.errorMessage == "GPU lost" && job.progress == 60)
    }

    static let progressCases: [(JSONValue, Int)] = [
        (["status": "processing", "progress": 0.42], 42),
        (["status": "processing", "progress": "55"], 55),
        (["status": "processing", "progress": 150], 100),
        (["status": "processing", "progress": -3], 0),
        (["status": "processing", "progress": 1], 1),
        (["status": "processing"], 0),
        (["status": "completed", "progress": 80], 100),
        (["status": "processing", "percent": 12.9], 12),
    ]

    @Test(arguments: progressCases)
    func progressIsZeroToHundred(_ payload: JSONValue, _ expected: Int) throws {
        #expect(try RenderJobStatus(wire: payload).progress == expected)
    }

    static let urlCases: [(JSONValue, String)] = [
        (["status": "completed", "output_url": "u1"], "u1"),
        (["status": "completed", "output": "u2"], "u2"),
        (["status": "completed", "output": ["outputUrl": "u3"]], "u3"),
        (["status": "completed", "url": "u4"], "u4"),
        (["success": true, "data": ["status": "completed", "output": ["url": "u5"]]], "u5"),
    ]

    @Test(arguments: urlCases)
    func outputURLSpellings(_ payload: JSONValue, _ url: String) throws {
        #expect(try RenderJobStatus(wire: payload).outputURL == url)
    }

    @Test(arguments: [
        ("pending", RenderStatus.pending), ("QUEUED", .pending), ("processing", .processing),
        ("rendering", .processing),
        ("completed", .completed), ("succeeded", .completed), ("done", .completed), ("failed", .failed),
        ("error", .failed), ("cancelled", .cancelled), ("canceled", .cancelled), ("paused", .other("paused")),
    ])
    func statusSpellings(_ text: String, _ status: RenderStatus) {
        #expect(RenderStatus(text) == status)
    }

    @Test func statusIsRequired() {
        #expect(throws: NemoAPIError.self) { try RenderJobStatus(wire: ["id": "r", "progress": 5]) }
        #expect(throws: NemoAPIError.self) {
            try RenderJobStatus.decode(body: ["success": false, "error": ["code": "not_found", "message": "No job"]],
                httpStatus: 404)
        }
    }

    @Test func decodeFromBytes() throws {
        let job = try RenderJobStatus.decode(bytes: Array(Self.topLevel.utf8))
        #expect(job.status == .completed)
        let cases: [(Int, NemoAPIError.Code)] = [(200, .malformedResponse), (502, .serverError), (429, .rateLimited)]
        for (status, code) in cases {
            do {
                _ = try RenderJobStatus.decode(bytes: Array("<html>oops</html>".utf8), httpStatus: status)
                Issue.record("expected an error for \(status)")
            } catch {
                #expect(error.code == code)
                #expect(error.httpStatus == (status == 200 ? nil : status))
            }
        }
    }
}
