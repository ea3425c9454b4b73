import NemoCore

/// The default motion when the draft names none.
extension Motion {
    /// How much the picture's aspect ratio must differ from the canvas's before it pans instead of zooming.
    static let panAspectThreshold = 1.2

    /// A seeded choice for segment `index`: a pan along the picture's long axis when its aspect differs from the
    /// canvas's (a portrait picture on a landscape canvas pans up or down), otherwise a zoom in or out.
    ///
    /// The same `seed` and `index` always give the same motion.
    static func automatic(pictureWidth: Int, pictureHeight: Int, canvas: CanvasSize, seed: UInt64, index: Int)
        -> Motion
    {
        var random = SeededRandom(seed: seed, index: index)
        let forward = random.next() & 1 == 1
        let ratio = (Double(pictureWidth) / Double(pictureHeight)) / canvas.aspectRatio
        if ratio >= panAspectThreshold {
            return Motion(kind: forward ? .panRight : .panLeft)
        }
        if ratio <= 1 / panAspectThreshold {
            return Motion(kind: forward ? .panDown : .panUp)
        }
        return Motion(kind: forward ? .zoomIn : .zoomOut)
    }
}
