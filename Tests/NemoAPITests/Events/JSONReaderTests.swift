import Foundation
import NemoAPI
import NemoSSE
import NemoCore
import Testing

@Suite("JSONValue parsing (the hand-written reader)")
struct JSONReaderTests {
    /// Foundation's reading of the same text, through `JSONValue`'s `Codable` conformance: the oracle.
    private func foundation(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    @Test("every line of the recordings and the session file reads as Foundation reads it")
    func recordingsMatchFoundation() throws {
        var texts = [String(decoding: try AgentFixtures.data("session-draft.json"), as: UTF8.self)]
        for name in ["scenario-video-streaming", "scenario-tools", "scenario-draft", "scenario-error-streaming"] {
            texts += try AgentFixtures.sseEvents(name).map(\.data)
        }
        #expect(texts.count == 18)
        for text in texts {
            #expect(try JSONValue(parsing: text) == foundation(text))
        }
    }

    @Test(
        "strings and escapes",
        arguments: [
            (#""plain""#, "plain"),
            (#""a\"b\\c\/d""#, "a\"b\\c/d"),
            (#""\b\f\n\r\t""#, "\u{8}\u{C}\n\r\t"),
            (#""\u0041\u00e9\u6e32\u67d3""#, "Aé渲染"),
            (#""\ud83d\udca5 boom""#, "💥 boom"),
            (#""\uD83C\uDFAC""#, "🎬"),
            (#""lone high \ud83d end""#, "lone high \u{FFFD} end"),
            (#""lone low \udca5""#, "lone low \u{FFFD}"),
            (#""high then escape \ud83d\n""#, "high then escape \u{FFFD}\n"),
            (#""high then BMP \ud83d\u0041""#, "high then BMP \u{FFFD}A"),
            (#""中文 🎞️ raw""#, "中文 🎞️ raw"),
            (#""""#, ""),
        ]
    )
    func strings(_ text: String, _ expected: String) throws {
        #expect(try JSONValue(parsing: text) == .string(expected))
    }

    @Test(
        "numbers",
        arguments: [
            ("0", 0.0), ("-0", -0.0), ("42", 42), ("-17", -17), ("1.5", 1.5), ("1e3", 1000), ("1E+2", 100),
            ("2.5e-3", 0.0025), ("1795249385.2540555", 1_795_249_385.2540555), ("123456789012345", 123_456_789_012_345),
            ("12345678901234567890", 12_345_678_901_234_567_168), ("0.35", 0.35),
        ]
    )
    func numbers(_ text: String, _ expected: Double) throws {
        #expect(try JSONValue(parsing: text) == .number(expected))
        #expect(try JSONValue(parsing: text) == foundation(text))
    }

    @Test(
        "invalid text is refused with an offset",
        arguments: [
            "", " ", "01", "1.", ".5", "-", "1e", "1e+", "+1", "tru", "nul", "True", "[1,]", "[1 2]", "{\"a\"}",
            "{\"a\":1,}", "{a:1}", "{\"a\":1", "[", "\"open", "\"bad \\x escape\"", "\"\\u12\"", "\"\\u12G4\"",
            "\"tab\there\"", "\"nl\nhere\"", "1 2", "{} x", "1e400", "NaN",
        ]
    )
    func invalid(_ text: String) {
        #expect(throws: JSONParsingError.self) { try JSONValue(parsing: text) }
        do {
            _ = try JSONValue(parsing: text)
        } catch {
            #expect(error.code == .invalidSyntax)
            #expect(error.offset >= 0 && error.offset <= text.utf8.count)
            #expect(error.message.hasPrefix("Invalid JSON at byte \(error.offset): "))
        }
    }

    @Test("nesting is limited, so hostile input cannot overflow the stack")
    func depthLimit() throws {
        let depth = JSONValue.maximumDepth
        let deepest = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try JSONValue(parsing: deepest).arrayValue?.count == 1)
        let tooDeep = String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1)
        #expect(throws: JSONParsingError.self) { try JSONValue(parsing: tooDeep) }
        do {
            _ = try JSONValue(parsing: String(repeating: "{\"a\":", count: 100_000))
        } catch {
            #expect(error.code == .tooDeep)
        }
    }

    @Test("whitespace, duplicate keys, and bytes with invalid UTF-8")
    func otherRules() throws {
        #expect(try JSONValue(parsing: " \t\r\n{ \"a\" : [ 1 , true ] }\n") == ["a": [1, true]])
        #expect(try JSONValue(parsing: #"{"a":1,"a":2}"#) == ["a": 2])
        #expect(throws: JSONParsingError.self) { try JSONValue(parsingUTF8: Array("[\"\u{0}\"]".utf8)) }
        #expect(try JSONValue(parsingUTF8: Array(#"["\u0000"]"#.utf8)) == ["\u{0}"])
        let bytes: [UInt8] = Array(#"{"k":"a"#.utf8) + [0xFF] + Array(#"b"}"#.utf8)
        #expect(try JSONValue(parsingUTF8: bytes) == ["k": "a\u{FFFD}b"])
    }

    @Test("random values survive writing and reading, and Foundation reads the text the same", arguments: 0..<30)
    func randomRoundTrip(seed: Int) throws {
        var generator = RandomJSON(seed: UInt64(seed))
        let value = generator.value(depth: 0)
        let text = value.jsonText
        #expect(try JSONValue(parsing: text) == value, "text \(text)")
        #expect(try foundation(text) == value, "text \(text)")
    }
}

/// Random JSON values from a seed (SplitMix64), with awkward strings and numbers.
private struct RandomJSON {
    var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    mutating func below(_ bound: Int) -> Int {
        random.below(bound)
    }

    mutating func value(depth: Int) -> JSONValue {
        switch below(depth > 3 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(below(2) == 0)
        case 2:
            let numbers: [Double] = [0, -1, 42, 0.35, 1e-7, 1.5e300, -2.5, 1_795_249_385.2540555, 9_007_199_254_740_992]
            return .number(numbers[below(numbers.count)])
        case 3, 4: return .string(string())
        case 5: return .array((0..<below(4)).map { _ in value(depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<below(4) {
                members[string()] = value(depth: depth + 1)
            }
            return .object(members)
        }
    }

    mutating func string() -> String {
        let pieces = ["a", "\"", "\\", "/", "\n", "\u{1}", "\u{1F}", "中", "🎬", "\u{2028}", " ", "é", "\u{7F}"]
        return (0..<below(6)).map { _ in pieces[below(pieces.count)] }.joined()
    }
}
