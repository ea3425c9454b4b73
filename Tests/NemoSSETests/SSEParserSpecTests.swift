import NemoSSE
import Testing

@Suite("SSEParser follows the WHATWG event-stream rules")
struct SSEParserSpecTests {
    @Test("each spec case at every chunk size", arguments: SSESpecCases.all)
    func specCaseAtEveryChunkSize(_ specCase: SSESpecCase) {
        for size in 1...max(1, specCase.input.count) {
            let outcome = ChunkedParsing.parse(specCase.input, chunkSize: size)
            #expect(outcome == specCase.outcome, "chunk size \(size)")
        }
    }

    @Test("the reference parser agrees with each spec case", arguments: SSESpecCases.all)
    func referenceAgrees(_ specCase: SSESpecCase) {
        #expect(ChunkedParsing.reference(specCase.input) == specCase.outcome)
    }

    @Test("comments are skipped unless reported", arguments: SSESpecCases.fields)
    func commentsSkippedByDefault(_ specCase: SSESpecCase) {
        let events = specCase.expected.filter { if case .event = $0 { true } else { false } }
        for size in [1, 2, 3, 7, specCase.input.count] {
            let outcome = ChunkedParsing.parse(specCase.input, chunkSize: size, reportsComments: false)
            #expect(outcome.items == events, "chunk size \(size)")
        }
    }
}

@Suite("SSE parser: buffered bytes")
struct SSEParserBufferTests {
    @Test("bufferedByteCount counts the unfinished line and event, and drops to 0 once the event is dispatched")
    func buffered() {
        var parser = SSEParser()
        _ = parser.parse(Array("event: update\ndata: hello\nda".utf8))
        // The type, the data with the line feed each data line appends, and the unfinished line.
        #expect(parser.bufferedByteCount == "update".utf8.count + "hello\n".utf8.count + "da".utf8.count)
        _ = parser.parse(Array("ta: more\n\n".utf8))
        #expect(parser.bufferedByteCount == 0)
    }
}
