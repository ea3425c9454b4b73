import NemoSSE
import Testing

/// The real ADK recordings in Fixtures/adk (byte-exact copies of shared/fixtures/adk).
enum ADKRecordings {
    /// The repository's Fixtures/adk folder, found from this file's path.
    static let folder: String = {
        var path = #filePath
        for _ in 0..<3 {
            path = String(path[..<path.lastIndex(of: "/")!])
        }
        return path + "/Fixtures/adk/"
    }()

    static let names = ["scenario-video-streaming", "scenario-tools", "scenario-draft", "scenario-error-streaming"]

    /// The bytes of a fixture file.
    static func bytes(_ file: String) throws -> [UInt8] {
        try FixtureFile.read(folder + file)
    }

    /// The sizes of the body pieces as they arrived, from the `.timing` file (`+ 0.000s 662 bytes`).
    ///
    /// The timing counts wire bytes of `Transfer-Encoding: chunked`: each piece is a hex size line,
    /// the payload and CRLF (`n + hexDigits(n) + 4` bytes), and the last piece, `0\r\n\r\n`, is empty.
    static func arrivalSizes(_ name: String) throws -> [Int] {
        let text = String(decoding: try bytes(name + ".timing"), as: UTF8.self)
        let wireSizes: [Int] = text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard let bytesIndex = words.firstIndex(of: "bytes"), bytesIndex > 0 else { return nil }
            return Int(words[bytesIndex - 1])
        }
        return wireSizes.map { wire in
            (0...wire).first { payload in payload + String(payload, radix: 16).count + 4 == wire } ?? -1
        }
    }
}

@Suite("SSEParser on the real ADK recordings")
struct SSERecordingTests {
    @Test("each recording parses to its data lines, the same at every chunk size", arguments: ADKRecordings.names)
    func recordingAtEveryChunkSize(_ name: String) throws {
        let stream = try ADKRecordings.bytes(name + ".sse")
        // ADK writes `data: <JSON>\n\n` per event: the expected data are the JSON lines themselves.
        let jsonLines = String(decoding: stream, as: UTF8.self).split(separator: "\n").map { String($0.dropFirst(6)) }
        let expected = jsonLines.map { SSEItem.event(SSEEvent(data: $0)) }
        #expect(!expected.isEmpty)
        #expect(ChunkedParsing.reference(stream).items == expected)
        for size in 1...stream.count {
            #expect(ChunkedParsing.parse(stream, chunkSize: size).items == expected, "chunk size \(size)")
        }
    }

    @Test("each recording parses the same when split as it arrived", arguments: ADKRecordings.names)
    func recordingAsItArrived(_ name: String) throws {
        let stream = try ADKRecordings.bytes(name + ".sse")
        let sizes = try ADKRecordings.arrivalSizes(name)
        #expect(sizes.reduce(0, +) == stream.count)
        var boundaries: [Int] = []
        var offset = 0
        for size in sizes.dropLast() {
            offset += size
            boundaries.append(offset)
        }
        #expect(ChunkedParsing.parse(stream, splitAt: boundaries) == ChunkedParsing.reference(stream))
    }

    @Test("event counts and the error line of the recordings")
    func recordingContents() throws {
        let counts = try ADKRecordings.names.map { name in
            var parser = SSEParser()
            return parser.parse(try ADKRecordings.bytes(name + ".sse")).count
        }
        #expect(counts == [5, 4, 4, 4])
        var parser = SSEParser()
        let error = try #require(parser.parse(try ADKRecordings.bytes("scenario-error-streaming.sse")).last)
        #expect(error.data.hasPrefix(#"{"error": "RuntimeError: render backend crashed: \u6e32"#))
        #expect(error.type == "message" && error.lastEventID == "" && error.retry == nil)
    }
}
