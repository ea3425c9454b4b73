/// A video clip during a render: the picture on screen at each moment, decoded as the render moves forward.
///
/// The clip plays from `inPoint` seconds into the file when it first appears; after the file's last frame, that
/// frame stays on screen. Frames are converted at a size that covers the canvas at the clip's largest zoom, so the
/// composer resamples each pixel about once. Memory holds two decoded frames and one converted picture.
final class MovingPicture {
    /// Width of the converted pictures.
    let width: Int
    /// Height of the converted pictures.
    let height: Int
    private let decoder: VideoDecoder
    private let inPoint: Double
    private let canvas: CanvasSize
    private var current: SourcePicture?

    /// Opens the video at `path` for `canvas`, ready to play from `inPoint` seconds into the file.
    ///
    /// Throws `missingMedia` or `unreadableMedia` (naming the file) when it cannot be opened and decoded.
    init(path: String, inPoint: Double, canvas: CanvasSize, maxZoom: Double) throws(RenderError) {
        decoder = try VideoDecoder(path: path)
        self.inPoint = max(0, inPoint.isFinite ? inPoint : 0)
        self.canvas = canvas
        let scale = Viewport.coverScale(
            pictureWidth: decoder.displayWidth, pictureHeight: decoder.displayHeight, canvas: canvas)
            * max(1, maxZoom.isFinite ? maxZoom : 1)
        width = max(2, Int((Double(decoder.displayWidth) * scale).rounded(.up)))
        height = max(2, Int((Double(decoder.displayHeight) * scale).rounded(.up)))
        decoder.seek(to: self.inPoint)
    }

    /// The picture on screen `elapsed` seconds after the clip appeared (times only move forward in a render).
    func picture(at elapsed: Double) throws(RenderError) -> SourcePicture {
        let changed = try decoder.advance(to: inPoint + max(0, elapsed.isFinite ? elapsed : 0))
        if !changed, let current { return current }
        let plane = try decoder.shownPixels(width: width, height: height)
        let picture = SourcePicture(pixels: plane.bytes, width: plane.width, height: plane.height, canvas: canvas)
        current = picture
        return picture
    }
}
