import NemoVips

/// A title rendered once with Pango (through libvips) into premultiplied RGBA, placed on the canvas.
///
/// The text is plain: Pango markup characters (`<`, `&`...) are escaped and show literally. Layers, bottom up:
/// a translucent rounded plate, a soft shadow (the blurred glyph mask), the glyphs. Immutable, hence shareable.
final class TitleImage: Sendable {
    /// The text as given.
    let text: String
    /// Where it sits.
    let position: TitlePosition
    /// The part of the canvas the title covers (clipped to the canvas; empty for blank text).
    let rect: PixelRect
    /// Where the glyphs sit on the canvas (not clipped).
    let textRect: PixelRect
    /// `rect.width * rect.height` premultiplied RGBA pixels.
    let pixels: [UInt8]

    /// Renders `text` for `canvas` in `style`; throws `compose` when Pango cannot render it.
    init(text: String, position: TitlePosition, canvas: CanvasSize, style: TitleStyle = TitleStyle())
        throws(RenderError)
    {
        self.text = text
        self.position = position
        guard text.contains(where: { !$0.isWhitespace }) else {
            rect = PixelRect(x: 0, y: 0, width: 0, height: 0)
            textRect = rect
            pixels = []
            return
        }
        let layers: TitleLayers
        do {
            try Vips.initialize()
            layers = try TitleLayers(markup: Self.escapingMarkup(text), canvas: canvas, style: style)
        } catch {
            throw RenderError(.compose, "cannot render title \"\(text.prefix(40))\": \(error). Check that the font "
                + "\"\(style.font)\" is installed (fc-list).")
        }
        let size = layers.size
        let plateTop: Int
        let plateHeight = layers.glyphs.height + 2 * layers.padding
        let margin = Int((Double(canvas.height) * style.edgeMargin).rounded())
        switch position {
        case .top: plateTop = margin
        case .centre: plateTop = (canvas.height - plateHeight) / 2
        case .bottom: plateTop = canvas.height - margin - plateHeight
        }
        let origin = (x: (canvas.width - size.width) / 2, y: plateTop - (layers.glyphs.y - layers.padding))
        textRect = PixelRect(
            x: origin.x + layers.glyphs.x, y: origin.y + layers.glyphs.y, width: layers.glyphs.width,
            height: layers.glyphs.height)
        let visible = PixelRect(x: origin.x, y: origin.y, width: size.width, height: size.height).clipped(to: canvas)
        rect = visible
        pixels = Self.crop(layers.premultiplied(style), width: size.width, to: visible, origin: origin)
    }

    /// `text` with Pango's markup characters escaped, so it renders literally.
    static func escapingMarkup(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// The part of a `width`-wide RGBA layer placed at `origin` that falls inside `visible`.
    private static func crop(_ layer: [UInt8], width: Int, to visible: PixelRect, origin: (x: Int, y: Int))
        -> [UInt8]
    {
        var result = [UInt8]()
        result.reserveCapacity(visible.width * visible.height * 4)
        for y in visible.y..<(visible.y + visible.height) {
            let start = ((y - origin.y) * width + (visible.x - origin.x)) * 4
            result.append(contentsOf: layer[start..<(start + visible.width * 4)])
        }
        return result
    }
}
