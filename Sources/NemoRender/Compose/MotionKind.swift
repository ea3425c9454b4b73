/// The camera move over one picture.
///
/// Pans are named after the camera: `panLeft` travels toward the picture's left edge, so the picture appears to
/// move right on screen (the film convention).
enum MotionKind: String, Sendable, CaseIterable {
    /// No motion: the picture fills the canvas, centred.
    case still
    /// The view tightens toward the centre.
    case zoomIn
    /// The view widens from the centre.
    case zoomOut
    /// The view travels toward the picture's left edge.
    case panLeft
    /// The view travels toward the picture's right edge.
    case panRight
    /// The view travels toward the picture's top edge.
    case panUp
    /// The view travels toward the picture's bottom edge.
    case panDown

    /// Whether the move travels horizontally.
    var isHorizontalPan: Bool { self == .panLeft || self == .panRight }
    /// Whether the move travels vertically.
    var isVerticalPan: Bool { self == .panUp || self == .panDown }
}
