/// A width and height in pixels.
public struct PixelSize: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int

    /// Creates a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Parses "1920x1080" (also with "X" or "×"); `nil` when malformed or not positive.
    public init?(parsing text: String) {
        let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]), width > 0, height > 0 else {
            return nil
        }
        self.init(width: width, height: height)
    }

    /// The number of pixels.
    public var area: Int { width * height }

    /// The same size turned a quarter (width and height swapped).
    public var transposed: PixelSize { PixelSize(width: height, height: width) }

    /// "WxH".
    public var description: String { "\(width)x\(height)" }
}

/// A rectangle in pixel coordinates, origin at the top left.
public struct PixelBox: Sendable, Hashable, Codable {
    /// Distance from the left edge.
    public var left: Int
    /// Distance from the top edge.
    public var top: Int
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int

    /// Creates a rectangle.
    public init(left: Int, top: Int, width: Int, height: Int) {
        self.left = left
        self.top = top
        self.width = width
        self.height = height
    }
}
