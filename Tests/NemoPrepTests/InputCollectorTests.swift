import Foundation
import Testing

@testable import NemoPrep
import NemoVips

@Suite("Collecting inputs and naming outputs")
struct InputCollectorTests {
    @Test("folders give their images in name order; --recursive mirrors subfolders; the output folder is skipped")
    func foldersAndRecursion() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("in/sub"), withIntermediateDirectories: true)
        try TestImage.photo(width: 64, height: 36).write(to: folder.file("in/b.png"))
        try TestImage.photo(width: 64, height: 36).write(to: folder.file("in/a.jpg"))
        try TestImage.photo(width: 64, height: 36).write(to: folder.file("in/sub/c.webp"))
        try folder.write("in/readme.txt", Array("notes".utf8))
        try folder.write("in/.hidden.png", [1, 2, 3])
        let flat = try InputCollector(recursive: false, outputFolder: folder.file("out")).collect([folder.file("in")])
        #expect(flat.map { ($0.path as NSString).lastPathComponent } == ["a.jpg", "b.png"])
        let deep = try InputCollector(recursive: true, outputFolder: folder.file("in/out")).collect([folder.file("in")])
        #expect(deep.map(\.outputPath) == [folder.file("in/out/a.png"), folder.file("in/out/b.png"), folder.file("in/out/sub/c.png")])
    }

    @Test("names that would clash get a numbered suffix")
    func clashingNames() throws {
        let folder = try TemporaryFolder()
        try TestImage.photo(width: 64, height: 36).write(to: folder.file("a.jpg"))
        try TestImage.photo(width: 64, height: 36).write(to: folder.file("a.webp"))
        let inputs = try InputCollector(recursive: false, outputFolder: folder.file("out"))
            .collect([folder.file("a.jpg"), folder.file("a.webp")])
        #expect(inputs.map(\.outputPath) == [folder.file("out/a.png"), folder.file("out/a-2.png")])
    }

    @Test("an output that would overwrite an input is refused before anything is done")
    func collisionWithInput() throws {
        let folder = try TemporaryFolder()
        try TestImage.photo(width: 64, height: 36).write(to: folder.file("photo.png"))
        let before = folder.checksums()
        #expect(throws: PrepError.self) {
            try InputCollector(recursive: false, outputFolder: folder.path).collect([folder.file("photo.png")])
        }
        #expect(folder.checksums() == before)
    }

    @Test("a missing file fails alone, named, while the rest of the batch is prepared")
    func missingPath() throws {
        let folder = try TemporaryFolder()
        try TestImage.photo(width: 64, height: 36).write(to: folder.file("here.png"))
        let manifest = try prepare([folder.file("nope.jpg"), folder.file("here.png")], into: folder.file("out"))
        #expect(manifest.images[0].status == "failed")
        #expect(manifest.images[0].error?.message.contains("No such file") == true)
        #expect(manifest.images[1].status == "ok")
    }

    @Test("a dry run plans every image and writes nothing")
    func dryRun() throws {
        let folder = try TemporaryFolder()
        try TestImage.photo(width: 640, height: 480).write(to: folder.file("a.png"))
        let manifest = try prepare([folder.file("a.png")], into: folder.file("out"), dryRun: true)
        #expect(manifest.dryRun)
        #expect(manifest.images.first?.status == "planned")
        #expect(manifest.images.first?.plan?.outputSize == "853x480")
        #expect(!FileManager.default.fileExists(atPath: folder.file("out")))
    }
}
