import NemoSSE
import Testing

@Suite("SSEEncoder")
struct SSEEncoderTests {
    private func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    @Test("an event with every field, LF")
    func everyFieldLf() throws {
        let bytes = try SSEEncoder().encodeEvent(data: "a\nb", event: "update", id: "7", retry: 1500)
        #expect(text(bytes) == "event: update\nid: 7\nretry: 1500\ndata: a\ndata: b\n\n")
    }

    @Test("CRLF line endings")
    func crlf() throws {
        let bytes = try SSEEncoder(lineEnding: .crlf).encodeEvent(data: "x")
        #expect(text(bytes) == "data: x\r\n\r\n")
    }

    @Test("empty data and empty lines are written as bare data fields")
    func emptyLines() throws {
        #expect(text(try SSEEncoder().encodeEvent(data: "")) == "data:\n\n")
        #expect(text(try SSEEncoder().encodeEvent(data: "a\n\nb\n")) == "data: a\ndata:\ndata: b\ndata:\n\n")
    }

    @Test("comments")
    func comments() {
        #expect(text(SSEEncoder().encodeComment("ping")) == ": ping\n")
        #expect(text(SSEEncoder().encodeComment("")) == ":\n")
        #expect(text(SSEEncoder(lineEnding: .crlf).encodeComment("a\nb")) == ": a\r\n: b\r\n")
    }

    @Test("fields that would change meaning are rejected")
    func rejections() {
        #expect(throws: SSEEncodingError.self) { try SSEEncoder().encodeEvent(data: "x", event: "a\nb") }
        #expect(throws: SSEEncodingError.self) { try SSEEncoder().encodeEvent(data: "x", id: "1\r") }
        #expect(throws: SSEEncodingError.self) { try SSEEncoder().encodeEvent(data: "x", id: "1\u{0}") }
        #expect(throws: SSEEncodingError.self) { try SSEEncoder().encodeEvent(data: "x", retry: -5) }
        do {
            _ = try SSEEncoder().encodeEvent(data: "x", retry: -5)
        } catch {
            #expect(error.code == .negativeRetry)
            #expect(error.message.contains("0 ms or more"))
        }
    }

    @Test(
        "what the encoder writes parses back to the same event, at every chunk size",
        arguments: [SSEEncoder.LineEnding.lf, .crlf, .cr]
    )
    func roundTrip(_ lineEnding: SSEEncoder.LineEnding) throws {
        let encoder = SSEEncoder(lineEnding: lineEnding)
        var stream = encoder.encodeComment(" heartbeat ")
        let data = " leading space\n{\"k\": \"值 🎬\"}\n"
        try encoder.appendEvent(data: data, event: "进度", id: "id-1", retry: 0, to: &stream)
        try encoder.appendEvent(data: "", to: &stream)
        try encoder.appendEvent(data: "cr\rcrlf\r\nend", id: "", to: &stream)
        let expected: [SSEItem] = [
            .comment(" heartbeat "),
            .event(SSEEvent(type: "进度", data: data, lastEventID: "id-1", retry: 0)),
            .event(SSEEvent(data: "", lastEventID: "id-1", retry: 0)),
            .event(SSEEvent(data: "cr\ncrlf\nend", lastEventID: "", retry: 0)),
        ]
        for size in 1...stream.count {
            #expect(ChunkedParsing.parse(stream, chunkSize: size).items == expected, "chunk size \(size)")
        }
    }
}
