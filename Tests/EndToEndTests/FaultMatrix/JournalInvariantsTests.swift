import Testing

@Suite("The fault matrix's journal invariants catch what they are for")
struct JournalInvariantsTests {
    static let attribution = [
        ("X-Skill-Source", "image-to-video-ltx"), ("X-Skill-Version", "1.0.0"), ("X-Skill-Platform", "unknown"),
    ]

    static func message(_ text: String, status: Int, headers: [(String, String)] = attribution) -> JournalRecord {
        JournalRecord(
            method: "POST", path: "/run_sse", status: status, headers: headers,
            body: #"{"new_message":{"parts":[{"text":"\#(text)"}]},"session_id":"1"}"#)
    }

    @Test("a replay after a refusal is allowed; a second accepted message, or one after acceptance, is not")
    func messageSentOnce() {
        let check = { JournalInvariants.violations($0, profile: "image-to-video-ltx") }
        #expect(check([Self.message("a", status: 429), Self.message("a", status: 200)]).isEmpty)
        #expect(check([Self.message("a", status: 200), Self.message("b", status: 200)]).isEmpty)
        #expect(check([Self.message("a", status: 200), Self.message("a", status: 200)]).count == 1)
        #expect(check([Self.message("a", status: 200), Self.message("a", status: 503)]).count == 1)
    }

    @Test("missing attribution and a token in a URL are reported")
    func attributionAndURLs() {
        let check = { JournalInvariants.violations($0, profile: "image-to-video-ltx") }
        #expect(check([Self.message("a", status: 200, headers: Array(Self.attribution.prefix(2)))]).count == 1)
        let wrongProfile = [("X-Skill-Source", "ai-animations")] + Self.attribution.dropFirst()
        #expect(check([Self.message("a", status: 200, headers: wrongProfile)]).count == 1)
        for path in ["/api/credits/balance/simple?token=abc", "/media/renders/x.mp4?t=nmv_usr_0123"] {
            let record = JournalRecord(method: "GET", path: path, status: 200, headers: Self.attribution)
            #expect(check([record]).count == 1)
        }
    }

    @Test("a token or the client id in the output is a leak")
    func leaks() {
        #expect(JournalInvariants.leaks(in: "Saved v.mp4", secrets: ["secret-id"]).isEmpty)
        #expect(JournalInvariants.leaks(in: "id secret-id", secrets: ["secret-id"]).count == 1)
        #expect(JournalInvariants.leaks(in: "Bearer nmv_usr_0a1b2c3d4e", secrets: []).count == 1)
    }
}
