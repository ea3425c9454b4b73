import NemoCore
import Foundation
import Testing

@testable import NemoMock

/// The transcript text format: markers, round trips, fixtures, recordings.
@Suite struct TranscriptFormatTests {
    @Test func bodyMarkers() throws {
        let text = """
            name: t
            @ 0.5
            | data: a
            |
            |r x
            |rn y
            |- z
            |x e4 bd a0
            @ 1 end
            """
        let transcript = try TranscriptParser.parse(text, file: "t.transcript")
        #expect(transcript.steps.count == 2)
        #expect(transcript.streamBytes == Array("data: a\n\nx\ry\r\nz".utf8) + [0xE4, 0xBD, 0xA0])
        #expect(transcript.steps.first?.at == 0.5)
        #expect(transcript.duration == 1)
    }

    @Test func repeatedChunks() throws {
        let transcript = try TranscriptParser.parse("@ 15 every 15 until 60\n| : hb\n|\n@ 61 end\n", file: "r")
        #expect(transcript.steps.compactMap { if case .chunk(let at, _) = $0 { at } else { nil } } == [15, 30, 45, 60])
    }

    @Test(arguments: [
        ("@ 1\n| a\n@ 0.5\n| b\n", "time order"),
        ("| a\n", "must follow"),
        ("@ 0\n|q a\n", "unknown body marker"),
        ("@ 0\n|x zz\n", "hexadecimal"),
        ("bogus: 1\n@ 0\n| a\n", "unknown header"),
        ("@ 0 state draft {bad\n@ 0\n| a\n", "state value"),
        ("kind: render\n@ 0 done 100\n", "pending|processing"),
        ("name: x\n", "at least one chunk"),
        ("@ 0\n| a\nname: late\n", "before the first"),
    ])
    func errorsNameTheLine(text: String, message: String) {
        #expect {
            _ = try TranscriptParser.parse(text, file: "bad.transcript")
        } throws: { error in
            "\(error)".contains(message) && "\(error)".hasPrefix("bad.transcript")
        }
    }

    /// Arbitrary bytes at every chunking survive writer → parser unchanged.
    @Test(arguments: [1, 2, 3, 5, 8, 64])
    func writerRoundTrip(chunkSize: Int) throws {
        var bytes = Array("data: {\"t\":\"你好 🎬\"}\r\n\r\n: c\r\rdata:\n\n".utf8)
        bytes += [0xEF, 0xBB, 0xBF, 0x00, 0x7F, 0x0A, 0x0D]
        var transcript = Transcript(name: "rt")
        transcript.match.texts = ["hello"]
        transcript.cost = 5
        var at = 0.0
        for start in stride(from: 0, to: bytes.count, by: chunkSize) {
            transcript.steps.append(.chunk(at: at, bytes: Array(bytes[start..<min(start + chunkSize, bytes.count)])))
            at += 0.25
        }
        transcript.steps.append(.state(at: at, key: "draft", json: #"{"t":[]}"#))
        transcript.steps.append(.append(at: at, path: "draft.t", json: #"{"tt":0}"#))
        transcript.steps.append(.end(at: at))
        let text = TranscriptWriter.text(of: transcript)
        let parsed = try TranscriptParser.parse(text, file: "rt")
        #expect(parsed.steps == transcript.steps)
        #expect(parsed.match == transcript.match)
        #expect(parsed.cost == 5)
        #expect(String(validating: Array(text.utf8), as: UTF8.self) != nil)
    }

    @Test func everyFixtureLoads() throws {
        let library = try TranscriptLibrary.load(from: Paths.fixtures.appendingPathComponent("transcripts"))
        #expect(library.transcripts.count >= 20)
        #expect(library.scenarios["default"] != nil)
        for profile in ProductProfile.all {
            let scenario = try #require(library.scenarios["default"])
            let chosen = library.select(
                scenario: scenario, text: profile.exampleRequest, profile: profile.slug, turn: 1)
            #expect(chosen?.name == "profile-\(profile.slug)")
        }
    }

    @Test(arguments: ["scenario-video-streaming", "scenario-tools", "scenario-draft", "scenario-error-streaming"])
    func recordingsImportByteExact(recording: String) throws {
        let base = Paths.adkRecordings.appendingPathComponent(recording)
        let body = [UInt8](try Data(contentsOf: base.appendingPathExtension("sse")))
        let imported = try RecordingImporter.transcript(
            name: recording, body: body,
            head: try String(contentsOf: base.appendingPathExtension("headers"), encoding: .utf8),
            timing: try String(contentsOf: base.appendingPathExtension("timing"), encoding: .utf8))
        #expect(imported.streamBytes == body)
        #expect(imported.headers.first?.1 == "text/event-stream; charset=utf-8")
        let library = try TranscriptLibrary.load(from: Paths.fixtures.appendingPathComponent("transcripts"))
        let fixture = try #require(library.transcripts.values.first { $0.source.contains(recording + " ") })
        #expect(fixture.streamBytes == body)
        let chunkTimes = { (t: Transcript) in t.steps.compactMap { if case .chunk(let at, _) = $0 { at } else { nil } }
        }
        #expect(chunkTimes(fixture) == chunkTimes(imported))
    }

    @Test func libraryRejectsDanglingNames() throws {
        var scenario = Scenario(name: "s")
        scenario.render = "missing"
        #expect(throws: TranscriptError.self) {
            _ = try TranscriptLibrary(transcripts: [], scenarios: [scenario])
        }
        #expect(throws: TranscriptError.self) {
            _ = try Scenario.parse("events: xml\n", file: "x.scenario")
        }
    }

    @Test func matchRules() {
        var rule = MatchRule()
        rule.texts = ["Add a Title"]
        rule.profiles = ["ai-animations"]
        rule.turns = [2]
        #expect(rule.matches(text: "please add a title now", profile: "AI-Animations", turn: 2))
        #expect(!rule.matches(text: "please add a title now", profile: "ai-animations", turn: 1))
        #expect(!rule.matches(text: "please add a title now", profile: nil, turn: 2))
        #expect(!rule.matches(text: "add music", profile: "ai-animations", turn: 2))
        #expect(MatchRule().matches(text: "", profile: nil, turn: 9))
    }
}
