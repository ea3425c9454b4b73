/// How one segment gives way to the next.
///
/// Directions name the way things move: with `slideLeft` both pictures move left (the new one enters from the
/// right); with `wipeLeft` the boundary moves left (the new picture is revealed from the right edge).
enum TransitionKind: String, Sendable, CaseIterable {
    /// The next picture replaces the current one at once.
    case cut
    /// The pictures blend, the new one's weight growing from 0 to 1.
    case crossfade
    /// Both pictures move left; the new one enters from the right.
    case slideLeft
    /// Both pictures move right; the new one enters from the left.
    case slideRight
    /// Both pictures move up; the new one enters from the bottom.
    case slideUp
    /// Both pictures move down; the new one enters from the top.
    case slideDown
    /// A vertical boundary moves from the right edge to the left, revealing the new picture behind it.
    case wipeLeft
    /// A vertical boundary moves from the left edge to the right.
    case wipeRight
    /// A horizontal boundary moves from the bottom edge up.
    case wipeUp
    /// A horizontal boundary moves from the top edge down.
    case wipeDown
}
