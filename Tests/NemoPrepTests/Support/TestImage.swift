import CVips
import Foundation
import NemoCore
import Testing

@testable import NemoPrep
import NemoVips

/// The Swift wrapper, not the C struct of the same name.
typealias VipsImage = NemoVips.VipsImage

/// Builds small test images with libvips and writes them to disk.
enum TestImage {
    /// A photo-like RGB image: a colour gradient with noise (real detail), mean lightness about `mean`,
    /// spread `spread` (standard deviation of the noise), and a solid red 1/5-size marker in the top-left corner.
    static func photo(
        width: Int, height: Int, mean: Double = 128, spread: Double = 40, seed: Int32 = 1, marker: Bool = true
    ) throws -> VipsImage {
        var bands: [VipsImage] = []
        for band in 0..<3 {
            let noise = try VipsImage.make("gaussnoise") {
                nemo_vips_gaussnoise($0, Int32(width), Int32(height), mean, spread, seed + Int32(band))
            }
            bands.append(try noise.cast(VIPS_FORMAT_UCHAR))
        }
        var image = try bands[0].joiningBands(bands[1]).joiningBands(bands[2]).tagged(as: VIPS_INTERPRETATION_sRGB)
        if marker {
            let block = try solid(width: max(1, width / 5), height: max(1, height / 5), rgb: [255, 0, 0])
            image = try image.inserting(block, x: 0, y: 0)
        }
        return try image.copiedToMemory()
    }

    /// A horizontal ramp from black to white, as sRGB.
    static func ramp(width: Int, height: Int) throws -> VipsImage {
        let grey = try VipsImage.make("grey") { nemo_vips_grey($0, Int32(width), Int32(height)) }
        return try grey.tagged(as: VIPS_INTERPRETATION_B_W).colourspace(VIPS_INTERPRETATION_sRGB).copiedToMemory()
    }

    /// A solid colour block.
    static func solid(width: Int, height: Int, rgb: [Double]) throws -> VipsImage {
        let black = try VipsImage.make("black") { nemo_vips_black($0, Int32(width), Int32(height), 1) }
        let bands = try rgb.map { try black.linear(0, $0, uchar: true) }
        return try bands[0].joiningBands(bands[1]).joiningBands(bands[2]).tagged(as: VIPS_INTERPRETATION_sRGB)
    }

    /// `image` with an EXIF orientation tag.
    static func oriented(_ image: VipsImage, _ orientation: Int) throws -> VipsImage {
        try VipsImage.make("copy") { nemo_vips_with_orientation(image.pointer, $0, Int32(orientation)) }
    }

    /// Adds an alpha band: opaque, with the right half fully transparent.
    static func withAlpha(_ image: VipsImage) throws -> VipsImage {
        let opaque = try VipsImage.make("black") {
            nemo_vips_black($0, Int32(image.width / 2), Int32(image.height), 1)
        }.linear(0, 255, uchar: true)
        let alpha = try opaque.embed(x: 0, y: 0, width: image.width, height: image.height, background: [0])
        return try image.joiningBands(alpha).tagged(as: VIPS_INTERPRETATION_sRGB)
    }

    /// Saves as JPEG at quality 90 (EXIF orientation kept).
    static func saveJPEG(_ image: VipsImage, _ path: String) throws {
        guard nemo_vips_jpegsave(image.pointer, path, 90) == 0 else { throw VipsError.take(operation: "jpegsave") }
    }

    /// Reads one pixel's band values.
    static func pixel(_ image: VipsImage, x: Int, y: Int) throws -> [Double] {
        var values = [Double](repeating: 0, count: 8)
        let count = nemo_vips_getpoint(image.pointer, &values, 8, Int32(x), Int32(y))
        guard count > 0 else { throw VipsError.take(operation: "getpoint") }
        return Array(values.prefix(Int(count)))
    }

    /// Opens a file fully (random access) for checks.
    static func load(_ path: String) throws -> VipsImage {
        guard let image = nemo_vips_open_random(path) else { throw VipsError.take(operation: "load") }
        return VipsImage(owning: image)
    }

    /// Standard deviation of CIE lightness, a contrast measure.
    static func lightnessSpread(_ image: VipsImage) throws -> Double {
        let colour = image.hasAlpha ? try image.extractBands(0, count: image.bands - 1) : image
        return try colour.colourspace(VIPS_INTERPRETATION_LAB).extractBands(0).standardDeviation()
    }
}

/// A fresh folder under the system temp folder, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() throws {
        try Vips.initialize()
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/nemo-prep-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A path inside the folder.
    func file(_ name: String) -> String { path + "/" + name }

    /// Writes raw bytes to a file in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let target = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: target))
        return target
    }

    /// Checksums of every file directly in the folder, to prove inputs were not modified.
    func checksums() -> [String: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        var sums: [String: String] = [:]
        for name in names { sums[name] = Checksum.sha256(fileAt: file(name)) }
        return sums
    }
}

/// Runs a batch with the library, the way nemo-prep does.
func prepare(
    _ paths: [String], into output: String, _ configuration: PrepConfiguration = PrepConfiguration(),
    jobs: Int = 2, dryRun: Bool = false
) throws -> PrepManifest {
    let inputs = try InputCollector(recursive: false, outputFolder: output).collect(paths)
    return try PrepRunner(configuration: configuration, jobs: jobs).run(inputs, outputFolder: output, dryRun: dryRun)
}
