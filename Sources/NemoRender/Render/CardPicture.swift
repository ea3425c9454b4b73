import CVips
import Foundation
import NemoVips

/// The backdrop of a segment that names no media: a dark grey gradient the size of the canvas, written once to a
/// temporary PNG (removed with this object) so that it moves like any picture, with the segment's name as a title.
final class CardPicture {
    /// The PNG's path.
    let path: String
    private let folder: String

    /// Draws the card for `canvas`.
    init(canvas: CanvasSize) throws(RenderError) {
        folder = NSTemporaryDirectory() + "nemo-card-\(getpid())-\(UUID().uuidString)"
        path = folder + "/card.png"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // A ramp from 0 at the left to 1 at the right, mapped to grey levels 52 down to 20.
            let ramp = try NemoVips.VipsImage.make("grey") {
                nemo_vips_grey($0, Int32(canvas.width), Int32(canvas.height))
            }
            let grey = try ramp.linear(-32.0 / 255, 52, uchar: true).tagged(as: VIPS_INTERPRETATION_B_W)
            try grey.colourspace(VIPS_INTERPRETATION_sRGB).write(to: path)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw RenderError(.compose, "Could not draw a placeholder card: \(error).")
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
