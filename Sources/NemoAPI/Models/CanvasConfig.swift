/// The session's canvas (`data.state.canvas_config`): output width, height and aspect ratio.
public struct CanvasConfig: Sendable, Hashable {
    /// Width in pixels, when sent.
    public var width: Int?
    /// Height in pixels, when sent.
    public var height: Int?
    /// The aspect ratio as the service writes it (`16:9`, `9:16`...), when sent.
    public var aspectRatio: String?

    /// Creates a canvas description.
    public init(width: Int? = nil, height: Int? = nil, aspectRatio: String? = nil) {
        self.width = width
        self.height = height
        self.aspectRatio = aspectRatio
    }

    /// Reads `canvas_config`; `nil` when it is not an object. A missing aspect ratio is derived from the size.
    public init?(wire value: JSONValue) {
        guard let object = try? WireObject(value, "canvas") else { return nil }
        width = object.int("width", "w")
        height = object.int("height", "h")
        aspectRatio = object.string("aspect_ratio", "aspectRatio", "ratio") ?? Self.ratio(width, height)
    }

    /// `16:9` for 1920x1080: the size divided by its greatest common divisor.
    static func ratio(_ width: Int?, _ height: Int?) -> String? {
        guard let width, let height, width > 0, height > 0 else { return nil }
        var (a, b) = (width, height)
        while b != 0 { (a, b) = (b, a % b) }
        return "\(width / a):\(height / a)"
    }
}
