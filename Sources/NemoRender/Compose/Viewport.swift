/// Which part of a picture fills the canvas.
///
/// Coordinates are continuous source-pixel coordinates: pixel `i` covers `[i, i + 1)`, so the centre of a
/// `w`-wide picture is `w / 2`. The canvas centre shows the point (`centreX`, `centreY`), and one source pixel
/// spans `scale` canvas pixels. Fractional values are honoured exactly (sub-pixel motion).
struct Viewport: Sendable, Equatable {
    /// Horizontal source coordinate shown at the canvas centre.
    var centreX: Double
    /// Vertical source coordinate shown at the canvas centre.
    var centreY: Double
    /// Canvas pixels per source pixel.
    var scale: Double

    /// The smallest scale at which a `width` x `height` picture covers `canvas`.
    static func coverScale(pictureWidth width: Int, pictureHeight height: Int, canvas: CanvasSize) -> Double {
        max(Double(canvas.width) / Double(width), Double(canvas.height) / Double(height))
    }

    /// Whether the canvas shows only picture pixels (no edge has to be extended).
    func covers(pictureWidth width: Int, pictureHeight height: Int, canvas: CanvasSize) -> Bool {
        let halfWidth = Double(canvas.width) / (2 * scale)
        let halfHeight = Double(canvas.height) / (2 * scale)
        let epsilon = 1e-6
        return centreX - halfWidth >= -epsilon && centreX + halfWidth <= Double(width) + epsilon
            && centreY - halfHeight >= -epsilon && centreY + halfHeight <= Double(height) + epsilon
    }
}
