import CVips
import Foundation
import NemoVips
import Testing

@testable import NemoRender

@Suite("Source pictures")
struct SourcePictureTests {
    @Test("an EXIF-rotated JPEG comes out upright")
    func orientation() throws {
        let folder = try ComposeFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Stored 120x80, left half red, right half blue; orientation 6 displays it turned 90° clockwise,
        // so upright it is 80x120 with red on top.
        let stored = try ComposeFixtures.vipsImage(
            ComposeFixtures.halves(width: 120, height: 80, split: 60, left: [220, 20, 20], right: [20, 20, 220]),
            width: 120, height: 80, bands: 3)
        let tagged = try VipsImage.make("copy") { nemo_vips_with_orientation(stored.pointer, $0, 6) }
        let path = folder + "/rotated.jpg"
        try #require(nemo_vips_jpegsave(tagged.pointer, path, 95) == 0)
        let picture = try SourcePicture(path: path, canvas: CanvasSize(width: 80, height: 120))
        #expect(picture.width == 80 && picture.height == 120)
        let plane = picture.levels[0]
        let top = (30 * 80 + 40) * 3
        let bottom = (90 * 80 + 40) * 3
        #expect(plane.bytes[top] > 180 && plane.bytes[top + 2] < 60)
        #expect(plane.bytes[bottom] < 60 && plane.bytes[bottom + 2] > 180)
    }

    @Test("a PNG with alpha is flattened onto the background", arguments: [[0, 0, 0], [255, 255, 255]] as [[Double]])
    func alphaIsFlattened(background: [Double]) throws {
        let folder = try ComposeFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let image = try ComposeFixtures.vipsImage(
            ComposeFixtures.halves(width: 64, height: 36, split: 32, left: [0, 200, 0, 255], right: [0, 200, 0, 0]),
            width: 64, height: 36, bands: 4)
        let path = folder + "/alpha.png"
        try image.write(to: path)
        let picture = try SourcePicture(path: path, canvas: CanvasSize(width: 64, height: 36), background: background)
        #expect(picture.levels[0].bytes.count == 64 * 36 * 3)
        let left = (18 * 64 + 8) * 3
        let right = (18 * 64 + 56) * 3
        #expect(Array(picture.levels[0].bytes[left..<(left + 3)]) == [0, 200, 0])
        #expect(Array(picture.levels[0].bytes[right..<(right + 3)]) == background.map { UInt8($0) })
    }

    @Test("a big file is shrunk on load to what the canvas needs at the largest zoom")
    func shrinkOnLoad() throws {
        let folder = try ComposeFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let big = try ComposeFixtures.vipsImage(
            ComposeFixtures.halves(width: 1600, height: 1200, split: 800, left: [90, 90, 90], right: [160, 160, 160]),
            width: 1600, height: 1200, bands: 3)
        let path = folder + "/big.jpg"
        try big.write(to: path)
        let canvas = CanvasSize(width: 320, height: 180)
        let picture = try SourcePicture(path: path, canvas: canvas, maxZoom: Motion.zoomRange)
        // Cover at the largest zoom needs 320 * 1.15 = 368 pixels across: loaded just above that, aspect kept.
        #expect(picture.width >= 368 && picture.width <= 372)
        #expect(abs(Double(picture.height) / Double(picture.width) - 0.75) < 0.01)
        let cover = Viewport.coverScale(pictureWidth: picture.width, pictureHeight: picture.height, canvas: canvas)
        #expect(cover * Motion.zoomRange <= 1.0001)
        // A small file is kept at its size.
        let small = try SourcePicture(path: path, canvas: CanvasSize(width: 3200, height: 1800))
        #expect(small.width == 1600 && small.height == 1200)
    }

    @Test("a missing file gives missingMedia naming it")
    func missing() throws {
        let path = NSTemporaryDirectory() + "nemo-compose-none-\(UUID().uuidString).jpg"
        let error = #expect(throws: RenderError.self) {
            try SourcePicture(path: path, canvas: .landscape1080)
        }
        #expect(error?.code == .missingMedia)
        #expect(error?.message.contains(path) == true)
    }

    @Test("an unreadable file gives unreadableMedia naming it", arguments: ["text.jpg", "truncated.jpg"])
    func unreadable(name: String) throws {
        let folder = try ComposeFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        if name == "text.jpg" {
            try Data("not a picture at all".utf8).write(to: URL(fileURLWithPath: path))
        } else {
            let image = try ComposeFixtures.vipsImage(
                ComposeFixtures.halves(width: 400, height: 300, split: 123, left: [1, 2, 3], right: [200, 100, 50]),
                width: 400, height: 300, bands: 3)
            try image.write(to: path)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        }
        let error = #expect(throws: RenderError.self) {
            try SourcePicture(path: path, canvas: CanvasSize(width: 320, height: 180))
        }
        #expect(error?.code == .unreadableMedia)
        #expect(error?.message.contains(path) == true)
    }

    @Test("a strong downscale samples a prefiltered copy: a 1-pixel checkerboard becomes even grey")
    func noAliasing() throws {
        let canvas = CanvasSize(width: 160, height: 90)
        var bytes = [UInt8](repeating: 0, count: 640 * 360 * 3)
        for y in 0..<360 {
            for x in 0..<640 where (x + y) % 2 == 0 {
                for channel in 0..<3 { bytes[(y * 640 + x) * 3 + channel] = 255 }
            }
        }
        let picture = SourcePicture(pixels: bytes, width: 640, height: 360, canvas: canvas)
        #expect(picture.levels.count == 2)
        let viewport = Motion(kind: .zoomIn).viewport(at: 0.37, pictureWidth: 640, pictureHeight: 360, canvas: canvas)
        let frame = try ComposeFixtures.frame(
            FrameDescription(primary: PictureView(picture: picture, viewport: viewport)), canvas: canvas)
        #expect(frame.bytes.allSatisfy { abs(Int($0) - 128) <= 2 })
    }

    @Test("canvas sizes are validated", arguments: [(1920, 1080, true), (1080, 1920, true), (16, 16, true),
        (4096, 4096, true), (1921, 1080, false), (14, 100, false), (4098, 1080, false), (0, 0, false)])
    func canvasValidation(width: Int, height: Int, valid: Bool) {
        do throws(RenderError) {
            _ = try FrameComposer(canvas: CanvasSize(width: width, height: height))
            #expect(valid)
        } catch {
            #expect(!valid)
            #expect(error.code == .invalidSettings)
        }
    }
}
