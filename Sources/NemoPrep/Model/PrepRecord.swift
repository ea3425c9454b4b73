/// What was done to one image, for the manifest: every decision and its parameters.
public struct PrepOperations: Sendable, Codable, Equatable {
    /// The EXIF orientation applied, e.g. "rotate 90° clockwise"; `nil` when the image was already upright.
    public var orientation: String?
    /// Colour conversions, e.g. "embedded ICC profile → sRGB", "CMYK → sRGB", "16-bit → 8-bit".
    public var colour: [String]
    /// Resampling factor applied to the upright image (1 = none).
    public var scale: Double
    /// The crop, when the image was cropped to the aspect.
    public var crop: CropRecord?
    /// The padding, when the image was padded to the aspect.
    public var pad: PadRecord?
    /// The contrast boost.
    public var contrast: ContrastRecord
    /// The PNG encoding and any reduction to meet the size budget.
    public var png: PNGRecord
}

/// A crop: the box kept, in the coordinates of the scaled upright image, and how it was placed.
public struct CropRecord: Sendable, Codable, Equatable {
    /// "attention" (libvips smart crop) or "none" when the aspect already matched.
    public var method: String
    /// The area kept.
    public var box: PixelBox
    /// The attention centre the box was placed on.
    public var attentionCentre: [Int]?
    /// Fraction of the image removed.
    public var loss: Double
}

/// Padding: where the image sits on the canvas and what fills the rest.
public struct PadRecord: Sendable, Codable, Equatable {
    /// "solid" or "blur".
    public var method: String
    /// The image's place on the canvas.
    public var placement: PixelBox
    /// For solid padding, the fill colour per band.
    public var color: [Double]?
}

/// The contrast boost: lightness-only percentile stretch (see ``ContrastBoost``).
public struct ContrastRecord: Sendable, Codable, Equatable {
    /// Requested strength, 0-1.
    public var strength: Double
    /// Whether pixels changed.
    public var applied: Bool
    /// Why not, when not applied.
    public var reason: String?
    /// Lightness (0-100) at the low and high percentiles before the boost.
    public var low: Double?
    /// See ``low``.
    public var high: Double?
    /// Lightness multiplier and offset applied: L' = gain * L + offset.
    public var gain: Double?
    /// See ``gain``.
    public var offset: Double?
}

/// How the PNG was encoded.
public struct PNGRecord: Sendable, Codable, Equatable {
    /// zlib level used.
    public var compression: Int
    /// Row filter used.
    public var filter: PNGFilter
    /// The byte budget the file had to meet.
    public var maxBytes: Int
    /// When the first encoding was over budget: the scale the image was reduced by to fit (1 = not reduced).
    public var budgetScale: Double
    /// Encodings tried to meet the budget (1 when the first fit).
    public var attempts: Int
}
