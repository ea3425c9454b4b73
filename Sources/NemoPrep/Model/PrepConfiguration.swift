public import NemoCore

/// Everything that decides what nemo-prep does to a batch; every value has a documented default.
public struct PrepConfiguration: Sendable, Codable {
    /// The landscape box outputs must fit in; portrait aspects use it turned a quarter. Default 1920x1080, the
    /// service's output frame.
    public var maxSize: PixelSize
    /// The aspect every output shares.
    public var aspect: AspectChoice
    /// How images of another aspect are fitted.
    public var fit: FitMode
    /// With ``FitMode/auto``: the largest fraction of an image's area a crop may cut away (default 0.2).
    public var autoCropMaximumLoss: Double
    /// Whether images smaller than the frame may be enlarged (default: never).
    public var allowUpscale: Bool
    /// Contrast boost strength from 0 (off) to 1 (full percentile stretch); default 0.3.
    public var contrast: Double
    /// Largest output file in bytes; outputs over it are reduced until they fit. Default: 20 MB (the strictest
    /// product profile).
    public var maxBytes: Int
    /// Largest input in pixels accepted (guards against decompression bombs). Default 200 megapixels.
    public var maxPixels: Int
    /// zlib level for PNG output, 0-9 (default 6).
    public var pngCompression: Int
    /// PNG row filter (default none, libvips' default; "all" is smaller and about twice as slow to encode).
    public var pngFilter: PNGFilter
    /// Colour of solid padding as RGB 0-255 (default black); images with alpha are padded transparent.
    public var padColor: [Double]

    /// Creates a configuration; every parameter defaults to nemo-prep's documented default.
    public init(
        maxSize: PixelSize = PixelSize(width: 1920, height: 1080),
        aspect: AspectChoice = .automatic,
        fit: FitMode = .auto,
        autoCropMaximumLoss: Double = 0.2,
        allowUpscale: Bool = false,
        contrast: Double = 0.3,
        maxBytes: Int = ProductProfile.default.maxUploadBytes,
        maxPixels: Int = 200_000_000,
        pngCompression: Int = 6,
        pngFilter: PNGFilter = .none,
        padColor: [Double] = [0, 0, 0]
    ) {
        self.maxSize = maxSize
        self.aspect = aspect
        self.fit = fit
        self.autoCropMaximumLoss = autoCropMaximumLoss
        self.allowUpscale = allowUpscale
        self.contrast = contrast
        self.maxBytes = maxBytes
        self.maxPixels = maxPixels
        self.pngCompression = pngCompression
        self.pngFilter = pngFilter
        self.padColor = padColor
    }

    /// The output frame for `ratio`: the largest frame of that ratio inside the landscape box (or, for portrait
    /// ratios, the box turned a quarter), with even sides so video encoders take it as is.
    public func frame(for ratio: AspectRatio) -> PixelSize {
        let landscapeBox = PixelSize(
            width: max(maxSize.width, maxSize.height), height: min(maxSize.width, maxSize.height))
        let box = ratio.isPortrait ? landscapeBox.transposed : landscapeBox
        let fitted = ratio.largestBox(inside: box)
        return PixelSize(width: max(2, fitted.width & ~1), height: max(2, fitted.height & ~1))
    }
}
