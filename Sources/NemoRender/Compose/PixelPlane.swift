/// Packed 8-bit RGB pixels in memory, row after row without padding.
struct PixelPlane: Sendable {
    /// Width in pixels.
    let width: Int
    /// Height in pixels.
    let height: Int
    /// `width * height * 3` bytes.
    let bytes: [UInt8]

    /// Wraps `bytes`, which must hold `width * height * 3` values.
    init(width: Int, height: Int, bytes: [UInt8]) {
        precondition(width > 0 && height > 0 && bytes.count == width * height * 3, "plane size mismatch")
        self.width = width
        self.height = height
        self.bytes = bytes
    }

    /// Half the size (rounded up), each pixel the mean of a 2x2 block (edge pixels repeat on odd sides): the
    /// prefiltered copy used when a viewport shrinks the picture by more than 2x, so sampling does not alias.
    func halved() -> PixelPlane {
        let halfWidth = (width + 1) / 2
        let halfHeight = (height + 1) / 2
        let (sourceWidth, sourceHeight) = (width, height)
        let result = [UInt8](unsafeUninitializedCapacity: halfWidth * halfHeight * 3) { output, count in
            bytes.withUnsafeBufferPointer { input in
                for y in 0..<halfHeight {
                    let top = 2 * y * sourceWidth * 3
                    let bottom = min(2 * y + 1, sourceHeight - 1) * sourceWidth * 3
                    for x in 0..<halfWidth {
                        let left = 2 * x * 3
                        let right = min(2 * x + 1, sourceWidth - 1) * 3
                        for channel in 0..<3 {
                            let sum = Int(input[top + left + channel]) + Int(input[top + right + channel])
                                + Int(input[bottom + left + channel]) + Int(input[bottom + right + channel])
                            output[(y * halfWidth + x) * 3 + channel] = UInt8((sum + 2) >> 2)
                        }
                    }
                }
            }
            count = halfWidth * halfHeight * 3
        }
        return PixelPlane(width: halfWidth, height: halfHeight, bytes: result)
    }
}
