import Foundation
import NemoAPI
import Testing

@Suite("Wire models: what the mock sends, and lenient variants")
struct WireModelTests {
    @Test func tokenResponseAsTheMockSendsIt() throws {
        let body = try JSONValue(
            parsing: #"{"code":0,"message":"ok","data":{"token":"nmv_usr_abc123","user_id":"u_1","#
                + #""expires_at":"2026-11-28T00:00:00Z","credits":100}}"#)
        let token = try TokenResponse.decode(body: body)
        #expect(token.token.rawValue == "nmv_usr_abc123")
        #expect(token.userID == "u_1")
        #expect(token.credits == 100)
        #expect(token.expiresAt == Date(timeIntervalSince1970: 1_795_824_000))
        #expect(!String(describing: token).contains("nmv_usr_abc123"))
    }

    @Test func tokenResponseVariants() throws {
        let token = try TokenResponse(wire: ["access_token": "t0k3n", "expiresAt": 1_795_824_000, "credits": "100"])
        #expect(token.token.rawValue == "t0k3n")
        #expect(token.credits == 100)
        #expect(token.expiresAt == Date(timeIntervalSince1970: 1_795_824_000))
        let millis = try TokenResponse(wire: ["token": "t", "expires_at": 1_795_824_000_000])
        #expect(millis.expiresAt == Date(timeIntervalSince1970: 1_795_824_000))
        let relative = try TokenResponse(wire: ["token": "t", "expires_in": 60])
        #expect(abs((relative.expiresAt?.timeIntervalSinceNow ?? 0) - 60) < 5)
        let fractional = try TokenResponse(wire: ["token": "t", "expires_at": "2026-11-28T00:00:00.500Z"])
        #expect(fractional.expiresAt == Date(timeIntervalSince1970: 1_795_824_000.5))
    }

    static let tokenless: [JSONValue] = [["token": ""], ["user_id": "u"], ["token": nil], [1, 2], "text"]

    @Test(arguments: tokenless)
    func tokenResponseWithoutTokenIsMalformed(_ payload: JSONValue) {
        #expect(throws: NemoAPIError.self) { try TokenResponse(wire: payload) }
        do {
            _ = try TokenResponse(wire: payload)
        } catch {
            #expect(error.code == .malformedResponse)
        }
    }

    @Test func sessionResponse() throws {
        let body: JSONValue = [
            "code": 0,
            "data": ["task_id": "t_1", "session_id": "7301234567890123456", "user_id": "u", "task_name": "project"],
        ]
        let session = try SessionResponse.decode(body: body)
        #expect(session.sessionID == "7301234567890123456")
        #expect(session.taskID == "t_1")
        let numeric = try SessionResponse(wire: ["sessionId": 123_456, "bind": "bind_1"])
        #expect(numeric.sessionID == "123456")
        #expect(numeric.bindID == "bind_1")
        #expect(throws: NemoAPIError.self) { try SessionResponse(wire: ["task_id": "t"]) }
    }

    @Test func aFailureBodyBecomesTheTablesError() throws {
        let body: JSONValue = ["code": 1002, "message": "Session not found: create a new session and retry once"]
        do {
            _ = try SessionState.decode(body: body, httpStatus: 404)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .sessionNotFound && error.bodyCode == 1002 && error.httpStatus == 404)
            #expect(error.message == "The session was not found (HTTP 404, code 1002): start a new session and send "
                + "the request again.")
        }
    }

    @Test func uploadResponseAsTheMockSendsIt() throws {
        let body = try JSONValue(
            parsing: #"""
                {"code":0,"message":"ok","data":{"files":[
                {"filename":"a.png","file_type":"image","cdn_url":"http://h/media/uploads/1/a.png","width":640,
                 "height":480,"hash":"abc","size":1234},
                {"filename":"clip.mp4","file_type":"video","cdn_url":"http://h/c.mp4","duration":"2.5","width":"320",
                 "height":180,"fps":30,"hash":"def","size":99,"extra":{"x":1}},
                {"cdn_url":"https://cdn/x/song.mp3?sig=1"},
                {"nothing":true}, 5],
                "session_state_applied":true}}
                """#)
        let upload = try UploadResponse.decode(body: body)
        #expect(upload.sessionStateApplied == true)
        #expect(upload.files.map(\.filename) == ["a.png", "clip.mp4", "song.mp3"])
        let image = upload.files[0]
        #expect(image.fileType == "image" && image.width == 640 && image.height == 480 && image.duration == nil)
        let video = upload.files[1]
        #expect(video.duration == 2.5 && video.width == 320 && video.fps == 30 && video.hash == "def")
        #expect(try UploadResponse(wire: [["filename": "x.jpg"]]).files.count == 1)
        #expect(throws: NemoAPIError.self) { try UploadResponse(wire: ["file": "x"]) }
    }

    static let balances: [(JSONValue, CreditBalance)] = [
        (["available": 50, "frozen": 50, "total": 100], CreditBalance(available: 50, frozen: 50, total: 100)),
        (["available": "7", "frozen": "0", "total": "7"], CreditBalance(available: 7, frozen: 0, total: 7)),
        (["available": 3], CreditBalance(available: 3, frozen: 0, total: 3)),
        (["available": 2.0, "frozen": 1, "unknown": "x"], CreditBalance(available: 2, frozen: 1, total: 3)),
    ]

    @Test(arguments: balances)
    func creditBalance(_ payload: JSONValue, _ expected: CreditBalance) throws {
        #expect(try CreditBalance(wire: payload) == expected)
    }

    @Test func creditBalanceSummaryAndMissingField() throws {
        #expect(CreditBalance(available: 50, frozen: 50, total: 100).summary
            == "Credits: 50 available, 50 in use by a run, 100 total")
        #expect(CreditBalance(available: 100, frozen: 0, total: 100).summary == "Credits: 100 available, 100 total")
        #expect(throws: NemoAPIError.self) { try CreditBalance(wire: ["total": 1]) }
    }

    @Test func sessionStateFromTheRecordedSession() throws {
        let url = ModelFixtures.adk.appendingPathComponent("session-draft.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        let state = try SessionState(wire: try JSONValue(parsing: text))
        #expect(state.draftRevision == 2)
        #expect(state.draftStatus == "ready")
        #expect(state.timeline.tracks.count == 3)
        #expect(state.isReadyForExport)
    }

    @Test func sessionStateAsTheMockSendsIt() throws {
        let body: JSONValue = [
            "code": 0,
            "data": [
                "id": "1", "appName": "nemo_agent", "userId": "me", "lastUpdateTime": 1.5,
                "state": [
                    "draft": ["t": [["tt": 0, "sg": [["d": 5000, "m": ["name": "x"]]]]]], "draft_rev": "3",
                    "draft_status": "raw", "video_infos": ["b": ["id": "b"], "a": ["id": "a"]],
                    "canvas_config": ["width": 1920, "height": 1080], "video_analyses": [],
                    "generated_media": [["media_id": "m_001"]], "custom": true,
                ],
            ],
        ]
        let state = try SessionState.decode(body: body)
        #expect(state.draftRevision == 3)
        #expect(state.videoInfos == [["id": "a"], ["id": "b"]])
        #expect(state.canvas == CanvasConfig(width: 1920, height: 1080, aspectRatio: "16:9"))
        #expect(state.generatedMedia.count == 1)
        #expect(state.values["custom"] == true)
        #expect(state.timeline.summary == "Timeline (1 track): 1. Video: x (0-5s)")
    }

    @Test func sessionStateOddPayloads() throws {
        let empty = try SessionState(wire: ["state": [:]])
        #expect(empty.draft == nil && !empty.isReadyForExport && empty.timeline.tracks.isEmpty)
        let draftText = #"{"t":[{"tt":7,"sg":[{"d":"3000","m":{"text":"Hi"}}]}]}"#
        let textDraft = try SessionState(wire: ["state": ["draft": .string(draftText)]])
        #expect(textDraft.timeline.summary == #"Timeline (1 track): 1. Title: "Hi" (0-3s)"#)
        let noState = try SessionState(wire: ["draft": ["t": []], "bind": "bind_9"])
        #expect(noState.draft == ["t": []] && noState.bindID == "bind_9")
        #expect(throws: NemoAPIError.self) { try SessionState(wire: ["state": 5]) }
        #expect(throws: NemoAPIError.self) { try SessionState(wire: "state") }
    }

    @Test func canvasRatio() {
        #expect(CanvasConfig(wire: ["width": 1080, "height": 1920])?.aspectRatio == "9:16")
        #expect(CanvasConfig(wire: ["aspect_ratio": "1:1"])?.aspectRatio == "1:1")
        #expect(CanvasConfig(wire: ["width": 0, "height": 10])?.aspectRatio == nil)
        #expect(CanvasConfig(wire: "16:9") == nil)
    }

    @Test func requestBodiesAreTheDocumentedOnes() {
        #expect(APIRequestBody.session(language: "zh").jsonText == #"{"language":"zh","task_name":"project"}"#)
        #expect(APIRequestBody.session(language: nil).jsonText == #"{"task_name":"project"}"#)
        #expect(
            APIRequestBody.message(sessionID: "42", text: "hi \"you\"").jsonText
                == #"{"app_name":"nemo_agent","new_message":{"parts":[{"text":"hi \"you\""}]},"#
                + #""session_id":"42","user_id":"me"}"#)
        #expect(
            APIRequestBody.uploadURLs(["https://x/a.png"]).jsonText
                == #"{"source_type":"url","urls":["https://x/a.png"]}"#)
        let draft: JSONValue = ["t": []]
        #expect(
            APIRequestBody.render(id: "render_1", sessionID: "42", draft: draft).jsonText
                == #"{"draft":{"t":[]},"id":"render_1","output":{"format":"mp4","quality":"high"},"sessionId":"42"}"#)
        let date = Date(timeIntervalSince1970: 1_795_219_245.123)
        #expect(APIRequestBody.renderID(at: date) == "render_1795219245123")
        #expect(APIRequestBody.renderID(at: date, attempt: 1) == "render_1795219245123-1")
    }
}

/// Paths to the repository's fixtures, found from this file's path.
enum ModelFixtures {
    /// The repository's `Fixtures/adk` folder.
    static let adk: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Models
        .deletingLastPathComponent()  // NemoAPITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository
        .appendingPathComponent("Fixtures/adk")
}
