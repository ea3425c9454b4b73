/// The size of the video frames in pixels.
///
/// Both sides must be even (H.264 with 4:2:0 chroma needs it) and between 16 and 4096.
struct CanvasSize: Sendable, Equatable, CustomStringConvertible {
    /// Width in pixels.
    var width: Int
    /// Height in pixels.
    var height: Int

    /// Full HD landscape, the default canvas.
    static let landscape1080 = CanvasSize(width: 1920, height: 1080)
    /// Full HD portrait (stories, reels).
    static let portrait1080 = CanvasSize(width: 1080, height: 1920)
    /// The sides a canvas may have.
    static let sideRange = 16...4096

    /// "1920x1080".
    var description: String { "\(width)x\(height)" }

    /// Width divided by height.
    var aspectRatio: Double { Double(width) / Double(height) }

    /// Throws `invalidSettings` unless both sides are even and within `sideRange`.
    func validate() throws(RenderError) {
        for side in [width, height] where !Self.sideRange.contains(side) || side % 2 != 0 {
            throw RenderError(
                .invalidSettings,
                "canvas \(description) is not supported: use even sides between \(Self.sideRange.lowerBound) and "
                    + "\(Self.sideRange.upperBound) pixels, e.g. 1920x1080 or 1080x1920")
        }
    }
}
