import Testing

@testable import NemoAPI

/// The stream reader's bound on what a hostile or broken stream can make the client hold.
@Suite("Message stream reader limits")
struct MessageStreamReaderTests {
    @Test("an endless line (no newline for more than 16 MiB) puts the stream over its limit")
    func endlessLine() {
        var reader = MessageStreamReader()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        _ = reader.consume(Array("data: ".utf8))
        for _ in 0..<15 { _ = reader.consume(piece) }
        let underLimit = !reader.isOverLimit
        #expect(underLimit)
        for _ in 0..<2 { _ = reader.consume(piece) }
        let overLimit = reader.isOverLimit
        #expect(overLimit)
    }

    @Test("an endless event (data lines but no blank line) is caught too; normal events never are")
    func endlessEvent() {
        var reader = MessageStreamReader()
        let line = Array(("data: " + String(repeating: "x", count: 1000) + "\n").utf8)
        for _ in 0..<1000 { _ = reader.consume(line + Array("\n".utf8)) }
        let underLimit = !reader.isOverLimit
        #expect(underLimit)
        for _ in 0..<17_000 { _ = reader.consume(line) }
        let overLimit = reader.isOverLimit
        #expect(overLimit)
    }
}
