/// A width-to-height ratio such as 16:9, kept as reduced whole numbers.
public struct AspectRatio: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The width term.
    public let width: Int
    /// The height term.
    public let height: Int

    /// Creates a ratio, reduced to lowest terms (32:18 becomes 16:9).
    public init(_ width: Int, _ height: Int) {
        precondition(width > 0 && height > 0, "aspect terms must be positive")
        let divisor = Self.gcd(width, height)
        self.width = width / divisor
        self.height = height / divisor
    }

    /// Parses "16:9" or "4/5"; `nil` when malformed.
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == "/" })
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]), width > 0, height > 0,
            width <= 100_000, height <= 100_000
        else { return nil }
        self.init(width, height)
    }

    /// The ratio as a number (16:9 is 1.777...).
    public var value: Double { Double(width) / Double(height) }

    /// Whether the frame is taller than wide.
    public var isPortrait: Bool { height > width }

    /// "W:H".
    public var description: String { "\(width):\(height)" }

    /// The service's landscape frame.
    public static let landscape16x9 = AspectRatio(16, 9)
    /// The service's portrait frame.
    public static let portrait9x16 = AspectRatio(9, 16)
    /// Square.
    public static let square = AspectRatio(1, 1)
    /// The 4:5 portrait common on social feeds.
    public static let portrait4x5 = AspectRatio(4, 5)

    /// The ratios `--aspect auto` chooses from, in order of preference when several fit a batch equally well.
    public static let automaticCandidates: [AspectRatio] = [landscape16x9, portrait9x16, square, portrait4x5]

    /// The largest rectangle of this ratio that fits inside `size`, centred; its area over `size`'s area is what
    /// a crop keeps.
    public func largestBox(inside size: PixelSize) -> PixelBox {
        let box: PixelSize
        if size.width * height > size.height * width {
            box = PixelSize(width: max(1, (size.height * width + height / 2) / height), height: size.height)
        } else {
            box = PixelSize(width: size.width, height: max(1, (size.width * height + width / 2) / width))
        }
        return PixelBox(
            left: (size.width - box.width) / 2, top: (size.height - box.height) / 2, width: box.width,
            height: box.height)
    }

    /// The fraction of `size`'s area a centred crop to this ratio would cut away (0 when the ratios match).
    public func cropLoss(for size: PixelSize) -> Double {
        let box = largestBox(inside: size)
        return 1 - Double(box.width * box.height) / Double(size.area)
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        b == 0 ? a : gcd(b, a % b)
    }
}
