import Foundation
import NemoCore
import Testing

@testable import NemoPrep
import NemoVips

@Suite("Size budget and determinism")
struct BudgetAndDeterminismTests {
    @Test("an output over the byte budget is reduced until it fits, and the file is checked")
    func budgetRespected() throws {
        let folder = try TemporaryFolder()
        try TestImage.photo(width: 1200, height: 675).write(to: folder.file("big.png"))
        let unlimited = try prepare([folder.file("big.png")], into: folder.file("full"))
        let fullBytes = try #require(unlimited.images.first?.output?.bytes)
        let budget = fullBytes / 4
        let manifest = try prepare(
            [folder.file("big.png")], into: folder.file("out"), PrepConfiguration(maxBytes: budget))
        let entry = try #require(manifest.images.first)
        let output = try #require(entry.output)
        let onDisk = try FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int
        #expect(onDisk == output.bytes)
        #expect(output.bytes <= budget)
        #expect(try #require(entry.operations?.png.budgetScale) < 1)
        #expect(output.width < 1200)
        #expect(abs(Double(output.width) / Double(output.height) - 16.0 / 9.0) < 0.02)
    }

    @Test("a budget nothing can meet fails that image with a clear message")
    func impossibleBudget() throws {
        let folder = try TemporaryFolder()
        try TestImage.photo(width: 400, height: 225).write(to: folder.file("a.png"))
        let manifest = try prepare([folder.file("a.png")], into: folder.file("out"), PrepConfiguration(maxBytes: 60))
        let entry = try #require(manifest.images.first)
        #expect(entry.status == "failed")
        #expect(entry.error?.code == "over-budget")
        #expect(!FileManager.default.fileExists(atPath: folder.file("out/a.png")))
    }

    @Test("the same inputs give byte-identical outputs and manifests, whatever --jobs is")
    func deterministicAcrossJobs() throws {
        let folder = try TemporaryFolder()
        for index in 0..<4 {
            try TestImage.photo(width: 500 + index * 37, height: 300 + index * 51, seed: Int32(index * 7))
                .write(to: folder.file("in-\(index).png"))
        }
        let inputs = (0..<4).map { folder.file("in-\($0).png") }
        var runs: [[String]] = []
        for (run, jobs) in [1, 2, 4, 2].enumerated() {
            let output = folder.file("out-\(run)")
            let manifest = try prepare(inputs, into: output, jobs: jobs)
            #expect(manifest.summary.succeeded == 4)
            let outputs = manifest.images.compactMap(\.output)
            runs.append(outputs.map { Checksum.sha256(fileAt: $0.path) ?? "" } + outputs.map(\.sha256))
        }
        #expect(Set(runs.map { $0.joined() }).count == 1)
    }
}

@Suite("Contact sheet")
struct ContactSheetTests {
    @Test("a before/after grid of every processed image, written atomically; failed images are left out")
    func contactSheet() throws {
        let folder = try TemporaryFolder()
        try TestImage.photo(width: 640, height: 360).write(to: folder.file("a.png"))
        try TestImage.photo(width: 300, height: 400).write(to: folder.file("b.png"))
        try folder.write("c.jpg", Array("broken".utf8))
        let manifest = try prepare(
            [folder.file("a.png"), folder.file("b.png"), folder.file("c.jpg")], into: folder.file("out"))
        try ContactSheet.write(manifest, to: folder.file("sheet.png"))
        let sheet = try TestImage.load(folder.file("sheet.png"))
        // Two pairs of 320-wide thumbnails side by side, plus spacing and margins.
        #expect(sheet.width >= 2 * (2 * 240) && sheet.width <= 2 * (2 * 320 + 4) + 16 + 32)
        #expect(sheet.height > 200)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.isEmpty)
    }
}
