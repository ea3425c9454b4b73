import CVips
import Foundation
import NemoVips

/// An image decoded once: upright (EXIF orientation applied), sRGB, 8-bit, 3 bands (alpha flattened), in memory,
/// at a size that covers the canvas at the largest zoom its motion uses.
///
/// A bigger file is shrunk on load (libvips thumbnail); a smaller one is kept as is and enlarged per frame.
/// When the picture is still more than twice the size its viewports need, 2x-reduced copies are kept as well
/// so downscaling never aliases. Immutable, hence shareable between threads.
final class SourcePicture: Sendable {
    /// The file the picture came from ("" for pictures made from memory).
    let path: String
    /// Width of the decoded picture in pixels (after orientation and shrinking).
    var width: Int { levels[0].width }
    /// Height of the decoded picture in pixels.
    var height: Int { levels[0].height }
    /// The full-size pixels first, then successively halved copies (often none).
    let levels: [PixelPlane]

    /// Decodes `path` for `canvas`, keeping enough resolution for viewports up to `maxZoom` times cover.
    ///
    /// Transparent areas are flattened onto `background` (RGB, 0...255). Throws `missingMedia` when the file does
    /// not exist and `unreadableMedia` when libvips cannot decode it; both messages name the file.
    init(path: String, canvas: CanvasSize, maxZoom: Double = Motion.zoomRange, background: [Double] = [0, 0, 0])
        throws(RenderError)
    {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw RenderError(
                .missingMedia,
                "picture not found: \(path). Check the path in the draft or pass the folder that holds the media.")
        }
        do {
            try Vips.initialize()
        } catch {
            throw RenderError(.compose, "libvips could not start: \(error). Check the libvips installation.")
        }
        let plane: PixelPlane
        do {
            plane = try Self.decode(path, canvas: canvas, maxZoom: maxZoom, background: background)
        } catch {
            throw RenderError(.unreadableMedia, "cannot decode picture \(path): \(error). Check that the file opens in "
                + "an image viewer, or export it again as JPEG or PNG.")
        }
        self.path = path
        self.levels = Self.pyramid(plane, canvas: canvas)
    }

    /// A picture from packed RGB `pixels` (`width * height * 3` bytes), for generated content and tests.
    init(pixels: [UInt8], width: Int, height: Int, canvas: CanvasSize) {
        self.path = ""
        self.levels = Self.pyramid(PixelPlane(width: width, height: height, bytes: pixels), canvas: canvas)
    }

    /// The level to sample at `scale` (canvas pixels per full-size pixel): the smallest copy still sampled at
    /// 0.5x or more, and the scale relative to it.
    func level(forScale scale: Double) -> (plane: PixelPlane, factor: Double) {
        var index = 0
        var factor = 1.0
        while index + 1 < levels.count && scale * factor < 0.5 {
            index += 1
            factor *= 2
        }
        return (levels[index], factor)
    }

    /// Loads upright at the needed size, converts to 8-bit sRGB, flattens alpha, returns the packed pixels.
    private static func decode(_ path: String, canvas: CanvasSize, maxZoom: Double, background: [Double])
        throws(VipsError) -> PixelPlane
    {
        let header = try NemoVips.VipsImage.open(path)
        let swapped = (5...8).contains(header.orientation)
        let uprightWidth = swapped ? header.height : header.width
        let uprightHeight = swapped ? header.width : header.height
        let cover = Viewport.coverScale(pictureWidth: uprightWidth, pictureHeight: uprightHeight, canvas: canvas)
        let needed = cover * max(1, maxZoom.isFinite ? maxZoom : 1)
        // One spare pixel so rounding in the loader never leaves the picture short of covering.
        let targetWidth = needed < 1 ? min(uprightWidth, Int((Double(uprightWidth) * needed).rounded(.up)) + 1)
            : uprightWidth
        let isCMYK = header.interpretation == VIPS_INTERPRETATION_CMYK
        var image = try NemoVips.VipsImage.thumbnail(path, width: targetWidth, height: 10_000_000, allowUpscale: false)
        if !isCMYK && image.hasICCProfile, let converted = try? image.iccTransform(to: "srgb") {
            image = converted
        }
        if image.interpretation != VIPS_INTERPRETATION_sRGB || image.format != VIPS_FORMAT_UCHAR {
            image = try image.colourspace(VIPS_INTERPRETATION_sRGB)
        }
        if image.hasAlpha {
            image = try image.flattened(onto: Array(background.prefix(3)))
        }
        if image.format != VIPS_FORMAT_UCHAR { image = try image.cast(VIPS_FORMAT_UCHAR) }
        if image.bands > 3 { image = try image.extractBands(0, count: 3) }
        if image.bands != 3 {
            throw VipsError(operation: "decode", message: "expected 3 colour bands, got \(image.bands)")
        }
        let bytes = try image.pixelBytes()
        guard bytes.count == image.width * image.height * 3 else {
            throw VipsError(operation: "decode", message: "unexpected pixel buffer size")
        }
        return PixelPlane(width: image.width, height: image.height, bytes: bytes)
    }

    /// `plane` followed by halved copies while the canvas would sample the last one at less than 0.5x.
    private static func pyramid(_ plane: PixelPlane, canvas: CanvasSize) -> [PixelPlane] {
        var levels = [plane]
        while let last = levels.last, last.width >= 4, last.height >= 4,
            Viewport.coverScale(pictureWidth: last.width, pictureHeight: last.height, canvas: canvas) < 0.5
        {
            levels.append(last.halved())
        }
        return levels
    }
}
