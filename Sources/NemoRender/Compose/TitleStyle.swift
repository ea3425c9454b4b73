/// An 8-bit sRGB colour.
struct RGBColour: Sendable, Equatable {
    /// Red 0...255.
    var red: UInt8
    /// Green 0...255.
    var green: UInt8
    /// Blue 0...255.
    var blue: UInt8

    /// White.
    static let white = RGBColour(red: 255, green: 255, blue: 255)
    /// Black.
    static let black = RGBColour(red: 0, green: 0, blue: 0)

    /// The three values as doubles.
    var components: SIMD3<Double> { SIMD3(Double(red), Double(green), Double(blue)) }
}

/// Where a title sits vertically; it is always centred horizontally.
enum TitlePosition: String, Sendable, CaseIterable {
    /// Near the top edge.
    case top
    /// In the middle of the frame.
    case centre
    /// Near the bottom edge (lower third).
    case bottom
}

/// How titles look. Sizes are fractions so they scale with the canvas.
///
/// The default is white bold text with a soft dark shadow on a translucent dark rounded plate: legible on white,
/// black and busy pictures alike.
struct TitleStyle: Sendable, Equatable {
    /// Pango font family and weight, without size.
    var font = "DejaVu Sans Bold"
    /// Font size as a fraction of the canvas's shorter side (its height for landscape).
    var relativeSize = 0.06
    /// Lines wrap at this fraction of the canvas width.
    var wrapWidth = 0.8
    /// Distance of top and bottom titles from the canvas edge, as a fraction of the canvas height.
    var edgeMargin = 0.08
    /// Text colour.
    var textColour = RGBColour.white
    /// Shadow colour.
    var shadowColour = RGBColour.black
    /// Shadow strength 0...1.
    var shadowOpacity = 0.8
    /// Shadow blur (Gaussian sigma) as a fraction of the font size.
    var shadowBlur = 0.08
    /// Shadow drop (down) as a fraction of the font size.
    var shadowDrop = 0.04
    /// Plate colour.
    var plateColour = RGBColour.black
    /// Plate opacity 0...1 (0: no plate).
    var plateOpacity = 0.45
    /// Space between text and plate edge, as a fraction of the font size; also the corner radius.
    var platePadding = 0.35

    /// The default style.
    init() {}

    /// The default style for a title at `position`: a centred title is a headline, half as large again as the
    /// captions at the top and bottom.
    init(for position: TitlePosition) {
        self.init()
        if position == .centre { relativeSize = 0.09 }
    }

    /// The font size in pixels for `canvas`.
    func fontPixels(for canvas: CanvasSize) -> Int {
        max(8, Int((Double(min(canvas.width, canvas.height)) * relativeSize).rounded()))
    }
}
