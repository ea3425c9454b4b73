import NemoSSE
import NemoSSEReference
import NemoCore
import Testing

@Suite("SSEParser agrees with the reference parser")
struct SSEParserDifferentialTests {
    @Test("random streams at random chunk splits", arguments: 0..<200)
    func randomStreams(seed: Int) {
        var generator = SSEStreamGenerator(seed: UInt64(seed))
        let stream = generator.stream(lineCount: Int.random(in: 1...60, using: &generator.random))
        let expected = ChunkedParsing.reference(stream)
        for _ in 0..<10 {
            let splits = generator.splits(count: stream.count)
            let outcome = ChunkedParsing.parse(stream, splitAt: splits)
            #expect(outcome == expected, "stream \(stream) split at \(splits)")
        }
        #expect(ChunkedParsing.parse(stream, chunkSize: 1) == expected)
        #expect(ChunkedParsing.parse(stream, splitAt: []) == expected)
    }

    @Test("random byte soup", arguments: 0..<100)
    func randomBytes(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &+ 1_000)
        let alphabet: [UInt8] =
            Array("data:event:id:retry: 0123\r\n\n\n".utf8) + [0, 0xEF, 0xBB, 0xBF, 0xFF, 0xC3, 0xA9, 0xF0, 0x9F]
        let stream = (0..<Int.random(in: 0...400, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
        let expected = ChunkedParsing.reference(stream)
        for size in [1, 2, 5, 16, 64, max(1, stream.count)] {
            #expect(ChunkedParsing.parse(stream, chunkSize: size) == expected, "stream \(stream) chunk size \(size)")
        }
    }

    @Test("Swift's UTF-8 repair matches the WHATWG decoder on every 1- to 3-byte sequence")
    func utf8RepairMatchesWhatwg() {
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                    0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for a in interesting {
            for b in interesting {
                for c in interesting {
                    let bytes = [UInt8(ascii: "x"), a, b, c]
                    let whatwg = ReferenceUTF8Decoder.decode(bytes)
                    let swift = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
                    #expect(swift == whatwg, "bytes \(bytes)")
                }
            }
        }
    }
}
