import Foundation

extension MediaTools {
    /// Writes a `width` x `height` image of one colour (`RRGGBB` hex) to `path`, in the format its extension names.
    static func writeSolidImage(_ path: String, colour: String, width: Int = 640, height: Int = 360) throws {
        _ = try run("ffmpeg", [
            "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=0x\(colour):s=\(width)x\(height)", "-frames:v", "1",
            path,
        ])
    }

    /// The mean colour of the `size` x `size` square centred at (`x`, `y`) of a packed RGB picture `width` wide.
    static func meanColour(_ pixels: [UInt8], width: Int, x: Int, y: Int, size: Int = 8) -> [Double] {
        var sums = [0.0, 0.0, 0.0]
        for row in (y - size / 2)..<(y + size / 2) {
            for column in (x - size / 2)..<(x + size / 2) {
                for band in 0..<3 { sums[band] += Double(pixels[(row * width + column) * 3 + band]) }
            }
        }
        return sums.map { $0 / Double(size * size) }
    }
}
