import CVips
import Foundation
import Testing

@testable import NemoPrep
import NemoVips

@Suite("Processing: orientation, colour, alpha, fit")
struct ProcessingTests {
    @Test("EXIF orientation is applied: the output is upright")
    func orientationApplied() throws {
        let folder = try TemporaryFolder()
        // Stored 400x200 with the red marker top-left; tag 6 means "rotate 90° clockwise to display".
        let stored = try TestImage.photo(width: 400, height: 200)
        try TestImage.saveJPEG(try TestImage.oriented(stored, 6), folder.file("rotated.jpg"))
        let manifest = try prepare(
            [folder.file("rotated.jpg")], into: folder.file("out"), PrepConfiguration(aspect: .fixed(AspectRatio(1, 2))))
        let entry = try #require(manifest.images.first)
        #expect(entry.status == "ok")
        #expect(entry.operations?.orientation == "rotate 90° clockwise")
        let output = try TestImage.load(try #require(entry.output).path)
        #expect(output.width == 200 && output.height == 400)
        // After a clockwise quarter turn the top-left marker sits at the top right.
        let topRight = try TestImage.pixel(output, x: output.width - 5, y: 5)
        let topLeft = try TestImage.pixel(output, x: 5, y: 5)
        #expect(topRight[0] > 200 && topRight[1] < 60)
        #expect(!(topLeft[0] > 200 && topLeft[1] < 60))
    }

    @Test("alpha is kept in the PNG")
    func alphaKept() throws {
        let folder = try TemporaryFolder()
        try TestImage.withAlpha(try TestImage.photo(width: 320, height: 180)).write(to: folder.file("alpha.png"))
        let manifest = try prepare([folder.file("alpha.png")], into: folder.file("out"))
        let output = try TestImage.load(try #require(manifest.images.first?.output).path)
        #expect(output.bands == 4)
        #expect(try TestImage.pixel(output, x: 300, y: 90)[3] == 0)
        #expect(try TestImage.pixel(output, x: 20, y: 90)[3] == 255)
    }

    @Test("CMYK is converted to sRGB, keeping its colours")
    func cmykConverted() throws {
        let folder = try TemporaryFolder()
        let red = try TestImage.solid(width: 200, height: 100, rgb: [220, 30, 30])
        let cmyk = try VipsImage.make("icc_export") { nemo_vips_icc_export(red.pointer, $0, "cmyk") }
        try cmyk.write(to: folder.file("cmyk.jpg"))
        #expect(try TestImage.load(folder.file("cmyk.jpg")).interpretation == VIPS_INTERPRETATION_CMYK)
        let manifest = try prepare([folder.file("cmyk.jpg")], into: folder.file("out"), PrepConfiguration(contrast: 0))
        let entry = try #require(manifest.images.first)
        #expect(entry.input.colourSpace == "cmyk")
        #expect(entry.operations?.colour.contains { $0.contains("CMYK") } == true)
        let output = try TestImage.load(try #require(entry.output).path)
        #expect(output.bands == 3 && output.interpretation == VIPS_INTERPRETATION_sRGB)
        let pixel = try TestImage.pixel(output, x: 100, y: 50)
        #expect(pixel[0] > 150 && pixel[1] < 90 && pixel[2] < 90)
    }

    @Test("an embedded RGB profile (Display P3) is applied: the output is plain sRGB")
    func embeddedProfileConverted() throws {
        let folder = try TemporaryFolder()
        let green = try TestImage.solid(width: 200, height: 100, rgb: [40, 200, 60])
        let p3 = try VipsImage.make("icc_export") { nemo_vips_icc_export(green.pointer, $0, "p3") }
        #expect(p3.hasICCProfile)
        try p3.write(to: folder.file("p3.png"))
        let stored = try TestImage.pixel(TestImage.load(folder.file("p3.png")), x: 10, y: 10)
        let manifest = try prepare([folder.file("p3.png")], into: folder.file("out"), PrepConfiguration(contrast: 0))
        let entry = try #require(manifest.images.first)
        #expect(entry.operations?.colour == ["embedded ICC profile → sRGB"])
        let output = try TestImage.pixel(TestImage.load(try #require(entry.output).path), x: 10, y: 10)
        #expect(output != stored, "P3 values must be converted, not copied")
        #expect(zip(output, [40.0, 200, 60]).allSatisfy { abs($0 - $1) <= 3 }, "back to the sRGB colour: \(output)")
    }

    @Test("an image without a profile keeps its exact colours when contrast is off")
    func profileLessColoursUntouched() throws {
        let folder = try TemporaryFolder()
        try TestImage.ramp(width: 320, height: 180).write(to: folder.file("ramp.png"))
        let manifest = try prepare([folder.file("ramp.png")], into: folder.file("out"), PrepConfiguration(contrast: 0))
        let entry = try #require(manifest.images.first)
        #expect(entry.operations?.colour == [])
        let input = try TestImage.load(folder.file("ramp.png"))
        let output = try TestImage.load(try #require(entry.output).path)
        for x in [0, 50, 160, 319] {
            #expect(try TestImage.pixel(output, x: x, y: 90) == TestImage.pixel(input, x: x, y: 90))
        }
    }

    @Test("16-bit images become 8-bit sRGB")
    func sixteenBitConverted() throws {
        let folder = try TemporaryFolder()
        let wide = try TestImage.photo(width: 300, height: 200).cast(VIPS_FORMAT_USHORT).linear(257, 0)
            .cast(VIPS_FORMAT_USHORT).tagged(as: VIPS_INTERPRETATION_RGB16)
        try wide.write(to: folder.file("deep.png"))
        #expect(try TestImage.load(folder.file("deep.png")).format == VIPS_FORMAT_USHORT)
        let manifest = try prepare([folder.file("deep.png")], into: folder.file("out"))
        let entry = try #require(manifest.images.first)
        #expect(entry.input.bitsPerSample == 16)
        #expect(entry.operations?.colour.contains("16-bit → 8-bit") == true)
        let output = try TestImage.load(try #require(entry.output).path)
        #expect(output.format == VIPS_FORMAT_UCHAR && output.bands == 3)
    }

    @Test("greyscale becomes three-band sRGB")
    func greyConverted() throws {
        let folder = try TemporaryFolder()
        let grey = try TestImage.photo(width: 300, height: 200).colourspace(VIPS_INTERPRETATION_B_W)
        try grey.write(to: folder.file("grey.png"))
        let manifest = try prepare([folder.file("grey.png")], into: folder.file("out"))
        let output = try TestImage.load(try #require(manifest.images.first?.output).path)
        #expect(output.bands == 3 && output.interpretation == VIPS_INTERPRETATION_sRGB)
    }

    @Test("contrast rises on a flat image")
    func contrastRaisedOnFlatImage() throws {
        let folder = try TemporaryFolder()
        let flat = try TestImage.photo(width: 400, height: 300, mean: 120, spread: 8, marker: false)
        try flat.write(to: folder.file("flat.png"))
        let manifest = try prepare([folder.file("flat.png")], into: folder.file("out"), PrepConfiguration(contrast: 0.5))
        let entry = try #require(manifest.images.first)
        #expect(entry.operations?.contrast.applied == true)
        let before = try TestImage.lightnessSpread(flat)
        let after = try TestImage.lightnessSpread(try TestImage.load(try #require(entry.output).path))
        #expect(after > before * 1.3, "lightness spread \(before) → \(after)")
    }

    @Test("contrast barely changes an image that spans the full range, and 0 turns it off")
    func contrastLeavesFullRangeAlone() throws {
        let folder = try TemporaryFolder()
        let ramp = try TestImage.ramp(width: 512, height: 288)
        try ramp.write(to: folder.file("ramp.png"))
        let manifest = try prepare([folder.file("ramp.png")], into: folder.file("out"), PrepConfiguration(contrast: 1))
        let entry = try #require(manifest.images.first)
        let before = try TestImage.lightnessSpread(ramp)
        let after = try TestImage.lightnessSpread(try TestImage.load(try #require(entry.output).path))
        #expect(abs(after - before) / before < 0.03, "lightness spread \(before) → \(after)")
        let off = try prepare([folder.file("ramp.png")], into: folder.file("off"), PrepConfiguration(contrast: 0))
        #expect(off.images.first?.operations?.contrast.applied == false)
    }

    @Test("crop versus pad: the fit decided by the plan is what is done")
    func cropAndPad() throws {
        let folder = try TemporaryFolder()
        try TestImage.photo(width: 600, height: 400).write(to: folder.file("a-landscape.png"))
        try TestImage.photo(width: 300, height: 400).write(to: folder.file("b-portrait.png"))
        let manifest = try prepare(
            [folder.file("a-landscape.png"), folder.file("b-portrait.png")], into: folder.file("out"),
            PrepConfiguration(aspect: .fixed(.landscape16x9)))
        let landscape = manifest.images[0]
        let portrait = manifest.images[1]
        #expect(landscape.plan?.fit == "crop")
        #expect(landscape.operations?.crop?.method == "attention")
        #expect(landscape.output?.width == 600 && landscape.output?.height == 338)
        #expect(portrait.plan?.fit == "blur")
        #expect(portrait.operations?.pad?.method == "blur")
        #expect(portrait.output?.width == 711 && portrait.output?.height == 400)
        let solid = try prepare(
            [folder.file("b-portrait.png")], into: folder.file("solid"),
            PrepConfiguration(aspect: .fixed(.landscape16x9), fit: .pad, padColor: [0, 0, 255]))
        let padded = try TestImage.load(try #require(solid.images.first?.output).path)
        #expect(try TestImage.pixel(padded, x: 2, y: 200) == [0, 0, 255])
    }

    @Test("every accepted format is read", arguments: ["jpg", "png", "webp", "gif", "tif", "bmp", "heic", "avif"])
    func formatsRead(suffix: String) throws {
        let folder = try TemporaryFolder()
        let image = try TestImage.photo(width: 160, height: 90, spread: 20)
        let path = folder.file("sample.\(suffix)")
        try image.write(to: path)
        let manifest = try prepare([path], into: folder.file("out"))
        let entry = try #require(manifest.images.first)
        #expect(entry.status == "ok", "\(suffix): \(entry.error?.message ?? "")")
        #expect(entry.output?.width == 160)
    }
}
