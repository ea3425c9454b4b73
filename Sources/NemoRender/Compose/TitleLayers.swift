import NemoVips

/// The coverage masks of a title (glyphs, shadow, plate) on a shared grid, and their premultiplied composite.
struct TitleLayers {
    /// Layer size in pixels.
    let size: (width: Int, height: Int)
    /// Where the glyph mask sits in the layer.
    let glyphs: PixelRect
    /// Plate padding around the glyphs in pixels (also the plate's corner radius).
    let padding: Int
    /// Glyph coverage 0...255, layer-sized.
    let glyphMask: [UInt8]
    /// Shadow coverage 0...255, layer-sized.
    let shadowMask: [UInt8]

    /// Renders `markup` with Pango for `canvas` in `style` and builds the shadow by blurring the glyph mask.
    init(markup: String, canvas: CanvasSize, style: TitleStyle) throws(VipsError) {
        let fontSize = style.fontPixels(for: canvas)
        let wrap = max(1, Int(Double(canvas.width) * style.wrapWidth))
        let mask = try VipsImage.text(markup: markup, font: "\(style.font) \(fontSize)", width: wrap, dpi: 72)
        let blur = max(1, Double(fontSize) * style.shadowBlur)
        let drop = Int((Double(fontSize) * style.shadowDrop).rounded())
        padding = Int((Double(fontSize) * style.platePadding).rounded())
        let margin = max(padding, Int((3 * blur).rounded(.up)) + drop)
        size = (mask.width + 2 * margin, mask.height + 2 * margin)
        glyphs = PixelRect(x: margin, y: margin, width: mask.width, height: mask.height)
        glyphMask = try mask.embed(x: margin, y: margin, width: size.width, height: size.height, background: [0])
            .pixelBytes()
        shadowMask = try mask.embed(
            x: margin, y: margin + drop, width: size.width, height: size.height, background: [0]
        ).gaussianBlur(sigma: blur).pixelBytes()
        guard glyphMask.count == size.width * size.height, shadowMask.count == glyphMask.count else {
            throw VipsError(operation: "text", message: "unexpected mask size")
        }
    }

    /// Plate coverage 0...1 at layer pixel (`x`, `y`): a rounded rectangle `padding` around the glyphs,
    /// anti-aliased by distance to its edge.
    func plateCoverage(x: Int, y: Int) -> Double {
        let radius = Double(padding)
        let left = Double(glyphs.x - padding)
        let top = Double(glyphs.y - padding)
        let right = Double(glyphs.x + glyphs.width + padding)
        let bottom = Double(glyphs.y + glyphs.height + padding)
        let px = Double(x) + 0.5
        let py = Double(y) + 0.5
        // Signed distance to a rounded rectangle: to the inner rectangle shrunk by the radius, minus the radius.
        let dx = max(left + radius - px, px - (right - radius), 0)
        let dy = max(top + radius - py, py - (bottom - radius), 0)
        let inside = min(max(left + radius - px, px - (right - radius), top + radius - py, py - (bottom - radius)), 0)
        let distance = (dx * dx + dy * dy).squareRoot() + inside - radius
        return min(1, max(0, 0.5 - distance))
    }

    /// The layers composited bottom up (plate, shadow, glyphs) as premultiplied RGBA bytes.
    func premultiplied(_ style: TitleStyle) -> [UInt8] {
        let text = style.textColour.components
        let shadow = style.shadowColour.components
        let plate = style.plateColour.components
        var result = [UInt8](repeating: 0, count: size.width * size.height * 4)
        for y in 0..<size.height {
            for x in 0..<size.width {
                let index = y * size.width + x
                var alpha = plateCoverage(x: x, y: y) * style.plateOpacity
                var colour = plate * alpha
                let shade = Double(shadowMask[index]) / 255 * style.shadowOpacity
                colour = shadow * shade + colour * (1 - shade)
                alpha = shade + alpha * (1 - shade)
                let ink = Double(glyphMask[index]) / 255
                colour = text * ink + colour * (1 - ink)
                alpha = ink + alpha * (1 - ink)
                for channel in 0..<3 { result[index * 4 + channel] = UInt8(min(255, colour[channel].rounded())) }
                result[index * 4 + 3] = UInt8(min(255, (alpha * 255).rounded()))
            }
        }
        return result
    }
}
