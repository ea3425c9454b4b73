/// What nemo-prep learned about an input from its header, before touching any pixels.
public struct InputImage: Sendable, Codable, Equatable {
    /// The path as the user gave it (or as found under a folder they gave).
    public let path: String
    /// The format recognised from the content.
    public let format: ImageFormat
    /// The file's size in bytes.
    public let bytes: Int
    /// Size as stored, before orientation.
    public let storedSize: PixelSize
    /// EXIF orientation (1 = upright; 5-8 swap width and height).
    public let orientation: Int
    /// Number of bands, alpha included.
    public let bands: Int
    /// Whether the image has an alpha band.
    public let hasAlpha: Bool
    /// Whether an ICC profile is embedded.
    public let hasICCProfile: Bool
    /// libvips' interpretation of the bands, e.g. "srgb", "cmyk", "b-w", "rgb16", "grey16".
    public let colourSpace: String
    /// Bits per sample (8 or 16; 32 for float formats).
    public let bitsPerSample: Int
    /// Frames in the file; only the first is used.
    public let frames: Int

    /// The size once the orientation is applied.
    public var uprightSize: PixelSize {
        orientation >= 5 && orientation <= 8 ? storedSize.transposed : storedSize
    }
}
