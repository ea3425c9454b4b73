import CVips

/// Text rendering and alpha flattening with explicit options.
extension VipsImage {
    /// How the lines of a text block line up.
    package enum TextAlignment: Sendable {
        /// Lines start at the left edge.
        case leading
        /// Lines are centred.
        case centre
        /// Lines end at the right edge.
        case trailing

        fileprivate var vipsValue: VipsAlign {
            switch self {
            case .leading: VIPS_ALIGN_LOW
            case .centre: VIPS_ALIGN_CENTRE
            case .trailing: VIPS_ALIGN_HIGH
            }
        }
    }

    /// Renders Pango `markup` as a one-band 8-bit coverage mask, wrapped to `width` pixels.
    ///
    /// The font size in `font` (e.g. "DejaVu Sans Bold 48") is in points at `dpi`; at 72 dpi a point is a pixel.
    /// Plain text must be escaped first (`&`, `<`, `>`), or Pango reads it as markup.
    package static func text(
        markup: String, font: String, width: Int, dpi: Int = 72, alignment: TextAlignment = .centre
    ) throws(VipsError) -> VipsImage {
        try make("text") {
            nemo_vips_text_aligned($0, markup, font, Int32(width), Int32(dpi), alignment.vipsValue)
        }
    }

    /// Composites the image over a solid `background` (one value per colour band) and drops the alpha band.
    package func flattened(onto background: [Double]) throws(VipsError) -> VipsImage {
        try Self.make("flatten") {
            nemo_vips_flatten_background(pointer, $0, background, Int32(background.count))
        }
    }
}
