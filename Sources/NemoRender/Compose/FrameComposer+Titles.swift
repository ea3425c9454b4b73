/// Title blending: premultiplied "over" at a fade opacity.
extension FrameComposer {
    /// Blends `title` over the frame at `opacity` 0...1 (0 leaves the frame untouched).
    func blend(_ title: TitleImage, opacity: Double, into frame: UnsafeMutablePointer<UInt8>) {
        let weight = UInt32((min(1, max(0, opacity.isFinite ? opacity : 0)) * 256).rounded())
        let rect = title.rect.clipped(to: canvas)
        guard weight > 0, !rect.isEmpty, rect == title.rect else { return }
        title.pixels.withUnsafeBufferPointer { source in
            let source = source.baseAddress!
            for row in 0..<rect.height {
                let input = source + row * rect.width * 4
                let output = frame + ((rect.y + row) * canvas.width + rect.x) * 3
                for column in 0..<rect.width {
                    let pixel = input + column * 4
                    // out = frame * (1 - a * o) + colour * o, with a and colour in 0...255, o in 0...256.
                    let keep = 65280 - UInt32(pixel[3]) * weight
                    for channel in 0..<3 {
                        let value = UInt32(output[column * 3 + channel]) * keep
                            + UInt32(pixel[channel]) * weight * 255 + 32640
                        output[column * 3 + channel] = UInt8(truncatingIfNeeded: value / 65280)
                    }
                }
            }
        }
    }
}
