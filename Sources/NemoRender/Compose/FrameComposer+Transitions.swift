/// Transitions: a crossfade blends whole frames; slides and wipes split the canvas at a moving seam.
extension FrameComposer {
    /// Draws the frame of a transition from `primary` to `incoming` at the incoming picture's progress.
    func drawTransition(
        from primary: PictureView, to incoming: IncomingPicture, into frame: UnsafeMutablePointer<UInt8>
    ) {
        let progress = incoming.progress.isFinite ? min(1, max(0, incoming.progress)) : 0
        let next = PictureView(picture: incoming.picture, viewport: incoming.viewport)
        let width = Double(canvas.width)
        let height = Double(canvas.height)
        switch incoming.transition {
        case .cut:
            draw(progress < 0.5 ? primary : next, rect: fullFrame, into: frame)
        case .crossfade:
            let weight = Int((progress * 256).rounded())
            if weight < 256 { draw(primary, rect: fullFrame, crossfading: true, into: frame) }
            if weight > 0 { draw(next, rect: fullFrame, opacity: weight, crossfading: true, into: frame) }
        case .slideLeft:
            let offset = progress * width
            split(horizontal: true, seam: width - offset, first: (primary, offset), second: (next, offset - width),
                  into: frame)
        case .slideRight:
            let offset = progress * width
            split(horizontal: true, seam: offset, first: (next, width - offset), second: (primary, -offset),
                  into: frame)
        case .slideUp:
            let offset = progress * height
            split(horizontal: false, seam: height - offset, first: (primary, offset),
                  second: (next, offset - height), into: frame)
        case .slideDown:
            let offset = progress * height
            split(horizontal: false, seam: offset, first: (next, height - offset), second: (primary, -offset),
                  into: frame)
        case .wipeLeft:
            split(horizontal: true, seam: (1 - progress) * width, first: (primary, 0), second: (next, 0), into: frame)
        case .wipeRight:
            split(horizontal: true, seam: progress * width, first: (next, 0), second: (primary, 0), into: frame)
        case .wipeUp:
            split(horizontal: false, seam: (1 - progress) * height, first: (primary, 0), second: (next, 0),
                  into: frame)
        case .wipeDown:
            split(horizontal: false, seam: progress * height, first: (next, 0), second: (primary, 0), into: frame)
        }
    }

    /// Draws `first` before the seam (left of it, or above it) and `second` after it, each displaced by its shift.
    ///
    /// The seam is fractional: the pixel column (or row) it crosses mixes both pictures by coverage, so the boundary
    /// moves as smoothly as the content.
    private func split(
        horizontal: Bool, seam: Double, first: (view: PictureView, shift: Double),
        second: (view: PictureView, shift: Double), into frame: UnsafeMutablePointer<UInt8>
    ) {
        let length = horizontal ? canvas.width : canvas.height
        let whole = min(length, max(0, Int(seam.rounded(.down))))
        let coverage = Int(((seam - Double(whole)) * 256).rounded())
        func band(_ start: Int, _ end: Int) -> PixelRect {
            horizontal
                ? PixelRect(x: start, y: 0, width: end - start, height: canvas.height)
                : PixelRect(x: 0, y: start, width: canvas.width, height: end - start)
        }
        func paint(_ part: (view: PictureView, shift: Double), _ rect: PixelRect, opacity: Int = 256) {
            draw(
                part.view, rect: rect, shiftX: horizontal ? part.shift : 0, shiftY: horizontal ? 0 : part.shift,
                opacity: opacity, into: frame)
        }
        paint(first, band(0, whole))
        paint(second, band(whole, length))
        if whole < length && coverage > 0 {
            paint(first, band(whole, whole + 1), opacity: coverage)
        }
    }
}
