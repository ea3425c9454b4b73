import Foundation
import NemoSSE
import NemoCore
import Testing

/// Cross-checks NemoSSE's hand-written JSON (it has no Foundation) with Foundation's decoder.
@Suite("SSEEventJSON output is valid JSON")
struct SSEEventJSONFoundationTests {
    private struct Line: Decodable, Equatable {
        var type: String
        var data: String
        var id: String?
        var retry: Int?
    }

    @Test("random strings survive a round trip through JSONDecoder", arguments: 0..<20)
    func randomStrings(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed))
        let alphabet: [Unicode.Scalar] =
            (0..<0x80).compactMap(Unicode.Scalar.init) + ["中", "文", "🎬", "\u{2028}", "\u{FFFD}", "é"]
        func randomString() -> String {
            var string = ""
            for _ in 0..<Int.random(in: 0..<40, using: &random) {
                string.unicodeScalars.append(alphabet.randomElement(using: &random)!)
            }
            return string
        }
        let event = SSEEvent(type: randomString(), data: randomString(), lastEventID: randomString(),
                             retry: Bool.random(using: &random) ? Int.random(in: 0...1_000_000, using: &random) : nil)
        let line = SSEEventJSON.line(for: event)
        let decoded = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
        let expected = Line(type: event.type, data: event.data,
                            id: event.lastEventID.isEmpty ? nil : event.lastEventID, retry: event.retry)
        #expect(decoded == expected, "line \(line)")
    }
}
