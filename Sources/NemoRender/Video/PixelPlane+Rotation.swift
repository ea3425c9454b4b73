extension PixelPlane {
    /// The plane turned clockwise by `quarterTurns` quarter turns (any integer; 0 returns it unchanged): how a
    /// phone video stored sideways with a display rotation becomes upright.
    func rotated(quarterTurns: Int) -> PixelPlane {
        let turns = ((quarterTurns % 4) + 4) % 4
        guard turns != 0 else { return self }
        let (width, height) = (self.width, self.height)
        let (outWidth, outHeight) = turns == 2 ? (width, height) : (height, width)
        let result = [UInt8](unsafeUninitializedCapacity: bytes.count) { output, count in
            bytes.withUnsafeBufferPointer { input in
                for y in 0..<height {
                    for x in 0..<width {
                        // Where source pixel (x, y) lands after the turn.
                        let (u, v): (Int, Int)
                        switch turns {
                        case 1: (u, v) = (height - 1 - y, x)
                        case 2: (u, v) = (width - 1 - x, height - 1 - y)
                        default: (u, v) = (y, width - 1 - x)
                        }
                        let from = (y * width + x) * 3
                        let to = (v * outWidth + u) * 3
                        output[to] = input[from]
                        output[to + 1] = input[from + 1]
                        output[to + 2] = input[from + 2]
                    }
                }
            }
            count = bytes.count
        }
        return PixelPlane(width: outWidth, height: outHeight, bytes: result)
    }
}
