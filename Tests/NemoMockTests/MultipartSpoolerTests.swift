import Foundation
import Testing

@testable import NemoMock

/// The streaming multipart reader: the same parts and bytes as the in-memory parser at every chunk size.
@Suite struct MultipartSpoolerTests {
    static let files: [(name: String, bytes: [UInt8])] = [
        ("a.png", [1, 2, 3]), ("b\"q.jpg", Array("\r\n--x\r\n-".utf8)), ("empty.mp4", []),
        ("big.mp4", (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }),
    ]

    @Test(arguments: [1, 2, 5, 8, 64, 4096, 1 << 20])
    func sameAsTheParserAtEveryChunkSize(chunk: Int) throws {
        let (type, body) = Multipart.body(files: Self.files, field: "files")
        let boundary = try #require(MultipartParser.boundary(contentType: type))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var spooler = try MultipartSpooler(boundary: boundary, folder: folder, maxPartBytes: 1 << 30)
        var offset = 0
        while offset < body.count {
            try spooler.consume(body[offset..<min(offset + chunk, body.count)])
            offset += chunk
        }
        let parts = try spooler.finish()
        let expected = try MultipartParser.parse(body, boundary: boundary)
        #expect(parts.map(\.filename) == expected.map(\.filename))
        for (part, reference) in zip(parts, expected) {
            let path = try #require(part.path)
            // Read outside #expect: LeakSanitizer reported the bytes Data(contentsOf:) read inside the macro as leaked.
            let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(written == Array(body[reference.range]))
            #expect(part.size == reference.range.count)
            #expect(part.prefix == Array(body[reference.range].prefix(MultipartSpooler.prefixBytes)))
        }
    }

    @Test(arguments: [1, 3, 1 << 20])
    func partsWithoutHeadersAndFieldsAreReadLikeTheParser(chunk: Int) throws {
        let text = "preamble\r\n--b\r\n\r\nno headers\r\n--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n"
            + "a field\r\n--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x.png\"\r\n\r\nPNG"
            + "\r\n--b--\r\nepilogue"
        let body = Array(text.utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var spooler = try MultipartSpooler(boundary: "b", folder: folder, maxPartBytes: 1 << 20)
        var offset = 0
        while offset < body.count {
            try spooler.consume(body[offset..<min(offset + chunk, body.count)])
            offset += chunk
        }
        let parts = try spooler.finish()
        let expected = try MultipartParser.parse(body, boundary: "b")
        #expect(parts.map(\.name) == expected.map(\.name))
        #expect(parts.map(\.size) == expected.map(\.range.count))
        #expect(parts.map { $0.path != nil } == [false, false, true])
    }

    @Test func stopsWritingPastTheLimitButCountsTheSize() throws {
        let (type, body) = Multipart.body(files: [Self.files[3]], field: "files")
        let boundary = try #require(MultipartParser.boundary(contentType: type))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var spooler = try MultipartSpooler(boundary: boundary, folder: folder, maxPartBytes: 1000)
        try spooler.consume(body)
        let part = try #require(try spooler.finish().first)
        #expect(part.size == 70_000)
        let stored = try FileManager.default.attributesOfItem(atPath: try #require(part.path))[.size] as? Int
        #expect(try #require(stored) < 70_000)
    }

    @Test(arguments: ["no boundary at all", "--b\r\nContent-Disposition: form-data; name=\"files\"\r\n\r\nabc"])
    func truncatedBodiesAreRefused(text: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var spooler = try MultipartSpooler(boundary: "b", folder: folder, maxPartBytes: 1 << 20)
        try spooler.consume(Array(text.utf8))
        #expect(throws: MultipartParser.Failure.self) { _ = try spooler.finish() }
        spooler.removeFiles()
    }
}
