import Foundation

/// A segment's motion: which move, and the viewport it shows at each point of the segment.
///
/// Zooms scale geometrically (constant perceived speed) between full cover and `zoomRange` times it, around the
/// picture centre. Pans move linearly along one axis at the smallest zoom in `1...zoomRange` that leaves
/// `minimumPanTravel` of room. Every viewport covers the canvas.
struct Motion: Sendable, Equatable {
    /// The move.
    var kind: MotionKind

    /// The largest zoom any motion uses, relative to cover: load pictures for at least this much.
    static let zoomRange = 1.15
    /// The least travel a pan gets, as a fraction of the canvas side along the pan.
    static let minimumPanTravel = 0.12

    /// A motion of the given kind.
    init(kind: MotionKind) {
        self.kind = kind
    }

    /// Parses a metadata spelling, ignoring case, spaces, `-` and `_`: "zoom-in", "zoom_in", "kenburns", "pan-left",
    /// "still"... Returns nil for an unknown name (use `automatic` then).
    init?(name: String) {
        let key = String(name.lowercased().filter { $0.isLetter || $0.isNumber })
        let kinds: [String: MotionKind] = [
            "still": .still, "none": .still, "static": .still, "fixed": .still,
            "zoomin": .zoomIn, "zoom": .zoomIn, "kenburns": .zoomIn, "pushin": .zoomIn, "push": .zoomIn,
            "zoomout": .zoomOut, "pullout": .zoomOut, "pull": .zoomOut, "pullback": .zoomOut,
            "panleft": .panLeft, "left": .panLeft, "panright": .panRight, "right": .panRight,
            "panup": .panUp, "up": .panUp, "tiltup": .panUp,
            "pandown": .panDown, "down": .panDown, "tiltdown": .panDown,
        ]
        guard let kind = kinds[key] else { return nil }
        self.kind = kind
    }

    /// The largest zoom (relative to cover) this motion reaches: pass it to `SourcePicture`.
    var maxZoom: Double { kind == .still ? 1 : Self.zoomRange }

    /// The viewport at `progress` (0 at the segment's first frame, 1 at its end; clamped).
    func viewport(at progress: Double, pictureWidth: Int, pictureHeight: Int, canvas: CanvasSize) -> Viewport {
        let progress = progress.isFinite ? min(1, max(0, progress)) : 0
        let cover = Viewport.coverScale(pictureWidth: pictureWidth, pictureHeight: pictureHeight, canvas: canvas)
        let width = Double(pictureWidth)
        let height = Double(pictureHeight)
        switch kind {
        case .still:
            return Viewport(centreX: width / 2, centreY: height / 2, scale: cover)
        case .zoomIn, .zoomOut:
            let exponent = kind == .zoomIn ? progress : 1 - progress
            return Viewport(centreX: width / 2, centreY: height / 2, scale: cover * pow(Self.zoomRange, exponent))
        case .panLeft, .panRight, .panUp, .panDown:
            let horizontal = kind.isHorizontalPan
            let side = Double(horizontal ? canvas.width : canvas.height)
            let extent = horizontal ? width : height
            // The smallest zoom that leaves the minimum travel along the pan axis.
            let zoom = min(Self.zoomRange, max(1, side * (1 + Self.minimumPanTravel) / (extent * cover)))
            let scale = cover * zoom
            let half = side / (2 * scale)
            let forward = kind == .panRight || kind == .panDown
            let position = forward ? progress : 1 - progress
            let along = half + (extent - 2 * half) * position
            return horizontal
                ? Viewport(centreX: along, centreY: height / 2, scale: scale)
                : Viewport(centreX: width / 2, centreY: along, scale: scale)
        }
    }
}
