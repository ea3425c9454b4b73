import CVips
import Foundation
import NemoVips
import Testing

@testable import NemoRender

/// The Swift wrapper, not libvips' C struct of the same name.
typealias VipsImage = NemoVips.VipsImage

/// Pictures, files and frame measurements shared by the composer tests.
enum ComposeFixtures {
    /// A picture of one colour.
    static func solid(width: Int, height: Int, rgb: (UInt8, UInt8, UInt8), canvas: CanvasSize) -> SourcePicture {
        var bytes = [UInt8](repeating: 0, count: width * height * 3)
        for index in 0..<(width * height) {
            bytes[index * 3] = rgb.0
            bytes[index * 3 + 1] = rgb.1
            bytes[index * 3 + 2] = rgb.2
        }
        return SourcePicture(pixels: bytes, width: width, height: height, canvas: canvas)
    }

    /// The grey level around blobs: above 0, so bicubic's negative lobes are not clipped away (which would bias
    /// centroids).
    static let blobBackground = 40.0

    /// A dark grey picture with one bright Gaussian blob (sigma `sigma` pixels) centred on (`x`, `y`).
    static func blob(width: Int, height: Int, x: Double, y: Double, sigma: Double = 4, canvas: CanvasSize)
        -> SourcePicture
    {
        var bytes = [UInt8](repeating: 0, count: width * height * 3)
        for row in 0..<height {
            for column in 0..<width {
                let dx = Double(column) + 0.5 - x
                let dy = Double(row) + 0.5 - y
                let value = UInt8(blobBackground + (200 * exp(-(dx * dx + dy * dy) / (2 * sigma * sigma))).rounded())
                for channel in 0..<3 { bytes[(row * width + column) * 3 + channel] = value }
            }
        }
        return SourcePicture(pixels: bytes, width: width, height: height, canvas: canvas)
    }

    /// A picture with detail everywhere: a horizontal ramp in red, a vertical one in green, a pattern in blue.
    static func ramps(width: Int, height: Int, canvas: CanvasSize) -> SourcePicture {
        var bytes = [UInt8](repeating: 0, count: width * height * 3)
        for row in 0..<height {
            for column in 0..<width {
                let index = (row * width + column) * 3
                bytes[index] = UInt8(column * 255 / max(1, width - 1))
                bytes[index + 1] = UInt8(row * 255 / max(1, height - 1))
                bytes[index + 2] = UInt8(((column / 7) ^ (row / 5)) & 1 == 0 ? 60 : 190)
            }
        }
        return SourcePicture(pixels: bytes, width: width, height: height, canvas: canvas)
    }

    /// `description` composed into a fresh frame (by `composer`, or a new default one).
    static func frame(_ description: FrameDescription, canvas: CanvasSize, composer: FrameComposer? = nil) throws
        -> RGBFrame
    {
        var frame = RGBFrame(width: canvas.width, height: canvas.height)
        try (composer ?? FrameComposer(canvas: canvas)).compose(description, into: &frame)
        return frame
    }

    /// The centroid (x, y) of the frame's green channel above the blob background, in pixel-centre coordinates.
    static func centroid(_ frame: RGBFrame) -> (x: Double, y: Double) {
        var total = 0.0
        var sumX = 0.0
        var sumY = 0.0
        for y in 0..<frame.height {
            for x in 0..<frame.width {
                let value = Double(frame.bytes[(y * frame.width + x) * 3 + 1]) - blobBackground
                total += value
                sumX += value * (Double(x) + 0.5)
                sumY += value * (Double(y) + 0.5)
            }
        }
        return (sumX / total, sumY / total)
    }

    /// Relative luminance (WCAG) of an sRGB pixel.
    static func luminance(_ pixel: (r: UInt8, g: UInt8, b: UInt8)) -> Double {
        func linear(_ value: UInt8) -> Double {
            let c = Double(value) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(pixel.r) + 0.7152 * linear(pixel.g) + 0.0722 * linear(pixel.b)
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "nemo-compose-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// An sRGB libvips image of packed `bytes` with `bands` bands (3 or 4).
    static func vipsImage(_ bytes: [UInt8], width: Int, height: Int, bands: Int) throws -> VipsImage {
        try VipsImage.fromMemory(bytes, width: width, height: height, bands: bands).tagged(as: VIPS_INTERPRETATION_sRGB)
    }

    /// Packed pixels whose left `split` columns are `left` and the rest `right` (RGB or RGBA values).
    static func halves(width: Int, height: Int, split: Int, left: [UInt8], right: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<height {
            for column in 0..<width { bytes += column < split ? left : right }
        }
        return bytes
    }
}
