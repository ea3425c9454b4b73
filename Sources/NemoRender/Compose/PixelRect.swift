/// A rectangle of whole pixels: the part of the canvas one drawing step covers.
struct PixelRect: Sendable, Equatable {
    /// Left edge (inclusive).
    var x: Int
    /// Top edge (inclusive).
    var y: Int
    /// Width in pixels (may be 0).
    var width: Int
    /// Height in pixels (may be 0).
    var height: Int

    /// Whether the rectangle covers no pixel.
    var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The part of this rectangle inside the canvas.
    func clipped(to canvas: CanvasSize) -> PixelRect {
        let left = max(0, x)
        let top = max(0, y)
        let right = min(canvas.width, x + width)
        let bottom = min(canvas.height, y + height)
        return PixelRect(x: left, y: top, width: max(0, right - left), height: max(0, bottom - top))
    }
}
