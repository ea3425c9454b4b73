import CVips
import NemoCore
import NemoVips

/// A single PNG that shows each processed image before and after, side by side with its name, so a person can
/// check a batch at a glance.
public enum ContactSheet {
    /// Size of each thumbnail's box.
    static let cell = PixelSize(width: 320, height: 240)
    /// Pairs per row.
    static let pairsPerRow = 2

    /// Writes the sheet for the processed images of `manifest` to `path` atomically.
    public static func write(_ manifest: PrepManifest, to path: String) throws(PrepError) {
        let done = manifest.images.filter { $0.status == "ok" && $0.output != nil }
        guard !done.isEmpty else {
            throw PrepError(.noInputs, path: path, message: "no processed images to show in a contact sheet")
        }
        do {
            try Vips.initialize()
            var tiles: [VipsImage] = []
            for entry in done {
                guard let output = entry.output else { continue }
                let before = try thumbnail(entry.input.path)
                let after = try thumbnail(output.path)
                let pair = try VipsImage.grid([before, after], across: 2, spacing: 4, background: [24, 24, 24])
                let label = try caption("\(entry.input.path)  →  \(output.width)x\(output.height)", width: pair.width)
                let tile = try pair.embed(
                    x: 0, y: 0, width: max(pair.width, label.width), height: pair.height + 6 + label.height,
                    background: [24, 24, 24])
                tiles.append(try tile.inserting(label, x: (tile.width - label.width) / 2, y: pair.height + 6))
            }
            let sheet = try VipsImage.grid(tiles, across: pairsPerRow, spacing: 16, background: [24, 24, 24])
            let padded = try sheet.embed(
                x: 16, y: 16, width: sheet.width + 32, height: sheet.height + 32, background: [24, 24, 24])
            try AtomicFile.write(try padded.pngData(compression: 6, filter: .none), to: path)
        } catch let error as VipsError {
            throw PrepError(.processingFailed, path: path, message: "cannot draw the contact sheet: \(error)")
        } catch let error as AtomicFileError {
            throw PrepError(.outputNotWritable, path: path, message: error.description)
        } catch {
            throw PrepError(.processingFailed, path: path, message: "\(error)")
        }
    }

    /// An upright sRGB thumbnail fitting the cell, alpha flattened onto the sheet's grey.
    private static func thumbnail(_ path: String) throws(VipsError) -> VipsImage {
        var image = try VipsImage.thumbnail(path, width: cell.width, height: cell.height, allowUpscale: false)
        if image.interpretation != VIPS_INTERPRETATION_sRGB || image.format != VIPS_FORMAT_UCHAR {
            image = try image.colourspace(VIPS_INTERPRETATION_sRGB)
        }
        if image.hasAlpha {
            image = try VipsImage.make("flatten") { nemo_vips_flatten(image.pointer, $0) }
        }
        if image.format != VIPS_FORMAT_UCHAR { image = try image.cast(VIPS_FORMAT_UCHAR) }
        return image
    }

    /// White text on the sheet's background.
    private static func caption(_ text: String, width: Int) throws(VipsError) -> VipsImage {
        let escaped = text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
        let mask = try VipsImage.text(escaped, font: "sans 11", width: width)
        let shaded = try mask.linear(Double(255 - 24) / 255, 24, uchar: true)
        let grey = try shaded.tagged(as: VIPS_INTERPRETATION_B_W)
        return try grey.colourspace(VIPS_INTERPRETATION_sRGB)
    }
}
