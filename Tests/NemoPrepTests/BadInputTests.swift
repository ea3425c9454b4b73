import Foundation
import Glibc
import Testing

@testable import NemoPrep
import NemoVips

@Suite("Bad input fails alone, with a clear cause, and inputs stay unchanged")
struct BadInputTests {
    /// One good image plus one bad file made by `makeBad`; the bad one must fail with `code`, the good one succeed.
    private func check(
        _ code: String, messageContains text: String, configuration: PrepConfiguration = PrepConfiguration(),
        makeBad: (TemporaryFolder) throws -> String
    ) throws {
        let folder = try TemporaryFolder()
        let inputs = try TemporaryFolder()
        try TestImage.photo(width: 320, height: 180).write(to: inputs.file("good.png"))
        let bad = try makeBad(inputs)
        let before = inputs.checksums()
        let manifest = try prepare([inputs.file("good.png"), bad], into: folder.file("out"), configuration)
        #expect(manifest.images[0].status == "ok")
        let failed = manifest.images[1]
        #expect(failed.status == "failed")
        #expect(failed.input.path == bad)
        #expect(failed.error?.code == code)
        #expect(failed.error?.message.contains(text) == true, "message: \(failed.error?.message ?? "none")")
        #expect(manifest.summary.failed == 1 && manifest.summary.succeeded == 1)
        #expect(inputs.checksums() == before, "inputs must not change")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.file("out")).sorted()
        #expect(written == ["good.png", "manifest.json"], "no partial or temporary files: \(written)")
    }

    @Test("an empty file")
    func emptyFile() throws {
        try check("empty-file", messageContains: "empty") { try $0.write("empty.jpg", []) }
    }

    @Test("a truncated JPEG")
    func truncated() throws {
        try check("corrupt", messageContains: "JPEG") { folder in
            try TestImage.saveJPEG(try TestImage.photo(width: 640, height: 360), folder.file("whole.jpg"))
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder.file("whole.jpg"))))
            try FileManager.default.removeItem(atPath: folder.file("whole.jpg"))
            return try folder.write("cut.jpg", Array(bytes.prefix(bytes.count / 2)))
        }
    }

    @Test("a corrupt header")
    func corruptHeader() throws {
        try check("corrupt", messageContains: "PNG") { folder in
            try folder.write("broken.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0x41, count: 64))
        }
    }

    @Test("a file that is not an image")
    func notAnImage() throws {
        try check("not-an-image", messageContains: "not an image") { try $0.write("notes.jpg", Array("hello".utf8)) }
    }

    @Test("an unsupported format is named")
    func unsupported() throws {
        try check("unsupported-format", messageContains: "PDF") {
            try $0.write("doc.png", Array("%PDF-1.7\n%fake".utf8))
        }
    }

    @Test("an unreadable path (dangling symlink)")
    func unreadable() throws {
        try check("unreadable", messageContains: "cannot read") { folder in
            let link = folder.file("gone.jpg")
            symlink(folder.file("missing-target.jpg"), link)
            return link
        }
    }

    @Test("a FIFO is refused without blocking")
    func fifo() throws {
        try check("not-a-file", messageContains: "not a regular file") { folder in
            mkfifo(folder.file("pipe.jpg"), 0o600)
            return folder.file("pipe.jpg")
        }
    }

    @Test("an image above the pixel limit")
    func pixelLimit() throws {
        try check("too-many-pixels", messageContains: "--max-pixels", configuration: PrepConfiguration(maxPixels: 200_000)) {
            folder in
            try TestImage.photo(width: 800, height: 600).write(to: folder.file("huge.png"))
            return folder.file("huge.png")
        }
    }

    @Test("an output folder that cannot be created fails the batch with a clear error")
    func outputNotWritable() throws {
        let folder = try TemporaryFolder()
        try TestImage.photo(width: 160, height: 90).write(to: folder.file("a.png"))
        try folder.write("plain-file", [1])
        let output = folder.file("plain-file/out")
        #expect(throws: PrepError.self) { try prepare([folder.file("a.png")], into: output) }
        do {
            _ = try prepare([folder.file("a.png")], into: output)
        } catch let error as PrepError {
            #expect(error.code == .outputNotWritable)
        }
    }
}
