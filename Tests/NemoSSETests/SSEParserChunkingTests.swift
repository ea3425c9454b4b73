import NemoSSE
import Testing

@Suite("SSEParser across chunk boundaries")
struct SSEParserChunkingTests {
    /// Parses the given chunks in order and returns the dispatched events.
    private func events(_ chunks: [[UInt8]]) -> [SSEEvent] {
        var parser = SSEParser()
        var events: [SSEEvent] = []
        for chunk in chunks {
            events += parser.parse(chunk)
        }
        parser.finish()
        return events
    }

    @Test("a CR ending one chunk and an LF starting the next are one line end")
    func crThenLfAcrossChunks() {
        let result = events([Array("data: a\r".utf8), Array("\ndata: b\r".utf8), Array("\n\r".utf8), Array("\n".utf8)])
        #expect(result == [SSEEvent(data: "a\nb")])
    }

    @Test("an empty chunk between CR and LF does not split the line end")
    func emptyChunkBetweenCrAndLf() {
        let result = events([Array("data: a\r".utf8), [], Array("\n\r".utf8), [], [], Array("\n".utf8)])
        #expect(result == [SSEEvent(data: "a")])
    }

    @Test("CR at a chunk end followed by CR is a blank line")
    func crThenCrAcrossChunks() {
        let result = events([Array("data: a\r".utf8), Array("\rdata: b\r\r".utf8)])
        #expect(result == [SSEEvent(data: "a"), SSEEvent(data: "b")])
    }

    @Test("an LF after a CR is skipped only once")
    func onlyOneLfSkipped() {
        // CR | LF LF: the first LF ends the CR's line, the second is a blank line.
        let result = events([Array("data: a\r".utf8), Array("\n\n".utf8)])
        #expect(result == [SSEEvent(data: "a")])
    }

    @Test("a BOM split over three chunks is skipped", arguments: [[1, 1, 1], [1, 2], [2, 1], [3]])
    func bomSplit(_ sizes: [Int]) {
        var stream: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("data: x\n\n".utf8)
        var chunks: [[UInt8]] = []
        for size in sizes {
            chunks.append(Array(stream.prefix(size)))
            stream.removeFirst(size)
        }
        chunks.append(stream)
        #expect(events(chunks) == [SSEEvent(data: "x")])
    }

    @Test(
        "a multi-byte character split at every byte",
        arguments: ["你好，世界", "🎬🎞️", "👩‍👩‍👧 family", "mixed 中文 and emoji 💥"]
    )
    func multiByteSplitEverywhere(_ text: String) {
        let input = Array("data: \(text)\n\n".utf8)
        for split in 1..<input.count {
            let outcome = ChunkedParsing.parse(input, splitAt: [split])
            #expect(outcome.items == [.event(SSEEvent(data: text))], "split at \(split)")
        }
        for split in 1..<input.count - 1 {
            let outcome = ChunkedParsing.parse(input, splitAt: [split, split + 1])
            #expect(outcome.items == [.event(SSEEvent(data: text))], "splits at \(split), \(split + 1)")
        }
    }

    @Test("a long line spread over many chunks")
    func longLineOverManyChunks() {
        let value = String(repeating: "0123456789abcdef", count: 1_000)
        let input = Array("data: \(value)\n\n".utf8)
        for size in [1, 3, 16, 17, 4_096] {
            #expect(ChunkedParsing.parse(input, chunkSize: size).items == [.event(SSEEvent(data: value))])
        }
    }

    @Test("finish discards an unfinished event and lets the next stream start fresh")
    func finishDiscardsUnfinishedEvent() {
        var parser = SSEParser()
        #expect(parser.parse(Array("id: 5\n\ndata: a\nevent: x\n".utf8)).isEmpty)
        parser.finish()
        // A BOM is allowed at the start of the next stream; the last event id carries over.
        let next = parser.parse([0xEF, 0xBB, 0xBF] + Array("data: b\n\n".utf8))
        #expect(next == [SSEEvent(data: "b", lastEventID: "5")])
        #expect(parser.lastEventID == "5")
    }

    @Test("finish forgets a CR that ended the last chunk")
    func finishForgetsTrailingCr() {
        var parser = SSEParser()
        _ = parser.parse(Array("data: a\r".utf8))
        parser.finish()
        // The LF starting the next stream is a line end of its own (a blank line), not part of a CRLF.
        #expect(parser.parse(Array("\ndata: b\n\n".utf8)) == [SSEEvent(data: "b")])
    }

    @Test("non-contiguous sequences are accepted")
    func nonContiguousSequence() {
        var parser = SSEParser()
        let bytes = "data: lazy\n\n".utf8.lazy.map { $0 }
        #expect(parser.parse(bytes) == [SSEEvent(data: "lazy")])
    }

    @Test("a throwing callback stops parsing and the error comes out")
    func throwingCallback() {
        struct Stop: Error {}
        var parser = SSEParser()
        var seen: [String] = []
        #expect(throws: Stop.self) {
            try parser.parse(Array("data: 1\n\ndata: 2\n\ndata: 3\n\n".utf8)) { item in
                if case .event(let event) = item {
                    seen.append(event.data)
                    if event.data == "2" { throw Stop() }
                }
            }
        }
        #expect(seen == ["1", "2"])
    }
}
