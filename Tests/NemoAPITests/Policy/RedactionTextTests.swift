import NemoAPI
import Testing

@Suite("Redaction of secrets in text, and tokens that never print")
struct RedactionTests {
    @Test(arguments: [
        ("token nmv_usr_abcd1234 expired", "token <redacted> expired"),
        ("Authorization: Bearer abc.def-123", "Authorization: Bearer <redacted>"),
        ("bearer xyz, then", "bearer <redacted>, then"),
        (#"{"token":"s3cr3t","user_id":"u"}"#, #"{"token":"<redacted>","user_id":"u"}"#),
        (#"{"access_token" : "zz"}"#, #"{"access_token" : "<redacted>"}"#),
        ("jwt eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl end", "jwt <redacted> end"),
        ("nothing secret here, nmv_ too short: nmv_ab", "nothing secret here, nmv_ too short: nmv_ab"),
        ("", ""),
    ])
    func redacts(_ text: String, _ expected: String) {
        #expect(Redaction.redact(text) == expected)
    }

    @Test func redactsGivenSecrets() {
        #expect(Redaction.redact("my key is hunter22!", secrets: ["hunter22", "ab"]) == "my key is <redacted>!")
    }

    @Test func errorsRedactTheirMessage() {
        let error = NemoAPIError(code: .badRequest, message: "echo nmv_usr_0123456789")
        #expect(error.message == "echo <redacted>")
        #expect(error.description == "echo <redacted>")
    }

    @Test func bearerTokenNeverPrints() {
        let token = BearerToken("nmv_usr_topsecret")
        #expect(token.rawValue == "nmv_usr_topsecret")
        #expect(token.authorizationValue == "Bearer nmv_usr_topsecret")
        #expect(String(describing: token) == "<redacted>")
        #expect(String(reflecting: token) == "BearerToken(<redacted>)")
        #expect("\(token)" == "<redacted>")
        var dumped = ""
        dump(token, to: &dumped)
        #expect(!dumped.contains("topsecret"))
        let response = TokenResponse(token: token, userID: "u")
        #expect(!String(describing: response).contains("topsecret"))
        var dumpedResponse = ""
        dump(response, to: &dumpedResponse)
        #expect(!dumpedResponse.contains("topsecret"))
    }
}
