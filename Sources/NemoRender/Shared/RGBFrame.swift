/// One picture of the video: packed 8-bit RGB, row after row with no padding (`width * 3` bytes per row).
///
/// The composer fills frames and the encoder consumes them; a frame is reused from one video frame to the next so
/// that rendering allocates nothing per frame.
struct RGBFrame: Sendable {
    /// Width in pixels.
    let width: Int
    /// Height in pixels.
    let height: Int
    /// `width * height * 3` bytes: R, G, B for each pixel.
    var bytes: [UInt8]

    /// A black frame of the given size.
    init(width: Int, height: Int) {
        precondition(width > 0 && height > 0, "a frame needs a positive size")
        self.width = width
        self.height = height
        self.bytes = [UInt8](repeating: 0, count: width * height * 3)
    }

    /// Bytes per row.
    var stride: Int { width * 3 }

    /// The colour at (`x`, `y`), for tests and diagnostics.
    func pixel(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        let index = (y * width + x) * 3
        return (bytes[index], bytes[index + 1], bytes[index + 2])
    }
}
