import NemoAPI
import Testing

/// One envelope case: status and body in, what opening it must give.
struct EnvelopeCase: Sendable, CustomTestStringConvertible {
    let name: String
    let status: Int
    let body: String?
    let payload: JSONValue?
    let bodyCode: Int?
    let errorName: String?
    let message: String?

    var testDescription: String { name }

    static func success(_ name: String, _ status: Int, _ body: String, _ payload: JSONValue) -> EnvelopeCase {
        EnvelopeCase(
            name: name, status: status, body: body, payload: payload, bodyCode: nil, errorName: nil, message: nil)
    }

    static func failure(
        _ name: String, _ status: Int, _ body: String?, code: Int? = nil, error: String? = nil, message: String? = nil
    ) -> EnvelopeCase {
        EnvelopeCase(
            name: name, status: status, body: body, payload: nil, bodyCode: code, errorName: error, message: message)
    }
}

@Suite("APIEnvelope: every documented envelope and odd bodies")
struct APIEnvelopeTests {
    static let cases: [EnvelopeCase] = [
        .success("code 0 with data", 200, #"{"code":0,"message":"ok","data":{"x":1}}"#, ["x": 1]),
        .success("code \"0\" as a string", 200, #"{"code":"0","data":{"x":2}}"#, ["x": 2]),
        .success("render success with data", 200, #"{"success":true,"data":{"id":"r"}}"#, ["id": "r"]),
        .success(
            "render top-level poll shape", 200, #"{"success":true,"status":"pending","output":null}"#,
            ["success": true, "status": "pending", "output": nil]),
        .success("no envelope at all", 200, #"{"available":5}"#, ["available": 5]),
        .success("code 0 without data", 200, #"{"code":0,"message":"ok"}"#, ["code": 0, "message": "ok"]),
        .success(
            "error member null beside data", 200, #"{"error":null,"status":"ok"}"#, ["error": nil, "status": "ok"]),
        .failure(
            "1001 with HTTP 401", 401, #"{"code":1001,"message":"Token expired"}"#, code: 1001,
            message: "Token expired"),
        .failure("1001 with HTTP 200 (errors-200)", 200, #"{"code":1001,"message":"Token invalid"}"#, code: 1001),
        .failure("code as a string", 200, #"{"code":"2001","message":"Out of credits"}"#, code: 2001),
        .failure("HTTP error written as code", 429, #"{"code":429,"message":"Too many"}"#, message: "Too many"),
        .failure("plain 400", 400, #"{"code":400,"message":"X-Client-Id header is required"}"#),
        .failure(
            "render failure", 402, #"{"success":false,"error":{"code":"export_blocked","message":"Free plan"}}"#,
            error: "export_blocked", message: "Free plan"),
        .failure("ADK detail", 404, #"{"detail":"Session not found: 42"}"#, message: "Session not found: 42"),
        .failure(
            "ADK validation list", 422,
            #"{"detail":[{"loc":["body","new_message"],"msg":"Field required","type":"missing"}]}"#,
            message: "body.new_message: Field required"),
        .failure("no body at all", 502, nil),
        .failure("2xx with only an error", 200, #"{"error":"boom"}"#, message: "boom"),
        .failure("2xx with only detail", 200, #"{"detail":"nope"}"#, message: "nope"),
        .failure("success true but HTTP 500", 500, #"{"success":true,"data":{}}"#),
        .failure("code 0 but HTTP 503", 503, #"{"code":0}"#),
    ]

    @Test(arguments: cases)
    func opens(_ testCase: EnvelopeCase) throws {
        let body = try testCase.body.map { try JSONValue(parsing: $0) }
        let envelope = APIEnvelope(httpStatus: testCase.status, body: body)
        switch envelope {
        case .success(let payload):
            #expect(testCase.payload == payload)
        case .failure(let failure):
            #expect(testCase.payload == nil, "expected success, got \(failure)")
            #expect(failure.httpStatus == testCase.status)
            #expect(failure.bodyCode == testCase.bodyCode)
            #expect(failure.errorName == testCase.errorName)
            if let message = testCase.message { #expect(failure.message == message) }
        }
    }

    @Test func keepsDataAndRetryAfterOfFailures() throws {
        let body = try JSONValue(
            parsing: #"{"code":2001,"message":"Out","data":{"bind":"bind_0a1b2c3d4e5f","register_url":"u"}}"#)
        guard case .failure(let failure) = APIEnvelope(httpStatus: 403, body: body, retryAfter: "30") else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.data?["bind"] == "bind_0a1b2c3d4e5f")
        #expect(failure.retryAfter == "30")
        for text in [#"{"code":1001,"message":"x"}"#, #"{"code":1001,"data":null}"#] {
            guard case .failure(let bare) = APIEnvelope(httpStatus: 401, body: try JSONValue(parsing: text)) else {
                Issue.record("expected a failure")
                continue
            }
            #expect(bare.data == nil, "no data, or null data, is no data")
        }
    }

    @Test func adkErrorBodyReadsEveryDetailForm() throws {
        #expect(ADKErrorBody(body: ["detail": "Session not found: 1"])?.isSessionNotFound == true)
        #expect(ADKErrorBody(body: ["detail": ["msg": "bad"]])?.detail == "bad")
        let mixed: JSONValue = ["detail": ["plain", ["msg": "m", "loc": ["body", 0]]]]
        #expect(ADKErrorBody(body: mixed)?.detail == "plain; body.0: m")
        #expect(ADKErrorBody(body: ["detail": ""]) == nil)
        #expect(ADKErrorBody(body: ["message": "x"]) == nil)
    }
}
