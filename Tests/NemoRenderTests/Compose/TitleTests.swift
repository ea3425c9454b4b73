import Testing

@testable import NemoRender

@Suite("Titles")
struct TitleTests {
    let canvas = CanvasSize(width: 640, height: 360)

    private func frame(on picture: SourcePicture, titles: [TitleOverlay]) throws -> RGBFrame {
        let viewport = Motion(kind: .still).viewport(
            at: 0, pictureWidth: picture.width, pictureHeight: picture.height, canvas: canvas)
        return try ComposeFixtures.frame(
            FrameDescription(primary: PictureView(picture: picture, viewport: viewport), titles: titles),
            canvas: canvas)
    }

    /// Rows whose pixels differ from `plain` somewhere.
    private func changedRows(_ frame: RGBFrame, _ plain: RGBFrame) -> ClosedRange<Int>? {
        let rows = (0..<frame.height).filter { y in
            (0..<frame.width).contains { x in frame.pixel(x: x, y: y) != plain.pixel(x: x, y: y) }
        }
        guard let first = rows.first, let last = rows.last else { return nil }
        return first...last
    }

    @Test("the title appears in its band", arguments: TitlePosition.allCases)
    func band(position: TitlePosition) throws {
        let grey = ComposeFixtures.solid(width: 640, height: 360, rgb: (128, 128, 128), canvas: canvas)
        let title = try TitleImage(text: "Hello nemo", position: position, canvas: canvas)
        let plain = try frame(on: grey, titles: [])
        let titled = try frame(on: grey, titles: [TitleOverlay(title: title, opacity: 1)])
        let rows = try #require(changedRows(titled, plain))
        let third = canvas.height / 3
        let band = switch position {
        case .top: 0..<third
        case .centre: third..<(2 * third)
        case .bottom: (2 * third)..<canvas.height
        }
        #expect(band.contains(rows.lowerBound) && band.contains(rows.upperBound), "\(position): rows \(rows)")
        #expect(band.contains(title.textRect.y) && band.contains(title.textRect.y + title.textRect.height - 1))
        // Centred horizontally, within the wrap width.
        let middle = title.textRect.x + title.textRect.width / 2
        #expect(abs(middle - canvas.width / 2) <= 2)
        #expect(title.textRect.width <= canvas.width * 8 / 10)
    }

    @Test("the text contrasts with its surroundings on white and on black", arguments: [255, 0] as [UInt8])
    func legible(background: UInt8) throws {
        let plainPicture = ComposeFixtures.solid(
            width: 640, height: 360, rgb: (background, background, background), canvas: canvas)
        let black = ComposeFixtures.solid(width: 640, height: 360, rgb: (0, 0, 0), canvas: canvas)
        let title = try TitleImage(text: "Legible anywhere", position: .centre, canvas: canvas)
        let overlay = [TitleOverlay(title: title, opacity: 1)]
        let titled = try frame(on: plainPicture, titles: overlay)
        // Glyph pixels: the bright ones on black (plate and shadow are dark, only glyphs are bright).
        let onBlack = try frame(on: black, titles: overlay)
        var text: [Double] = []
        var around: [Double] = []
        let rect = title.textRect
        for y in rect.y..<(rect.y + rect.height) {
            for x in rect.x..<(rect.x + rect.width) {
                let glyph = ComposeFixtures.luminance(onBlack.pixel(x: x, y: y)) > 0.8
                let value = ComposeFixtures.luminance(titled.pixel(x: x, y: y))
                if glyph { text.append(value) } else if ComposeFixtures.luminance(onBlack.pixel(x: x, y: y)) < 0.05 {
                    around.append(value)
                }
            }
        }
        #expect(text.count > 500 && around.count > 500)
        let textLuminance = text.reduce(0, +) / Double(text.count)
        let aroundLuminance = around.reduce(0, +) / Double(around.count)
        let contrast = (max(textLuminance, aroundLuminance) + 0.05) / (min(textLuminance, aroundLuminance) + 0.05)
        #expect(contrast >= 3, "contrast \(contrast) on \(background)")
    }

    @Test("opacity 0 leaves the frame unchanged; opacity fades in between")
    func opacity() throws {
        let picture = ComposeFixtures.ramps(width: 640, height: 360, canvas: canvas)
        let title = try TitleImage(text: "Fade", position: .bottom, canvas: canvas)
        let plain = try frame(on: picture, titles: [])
        #expect(try frame(on: picture, titles: [TitleOverlay(title: title, opacity: 0)]).bytes == plain.bytes)
        let full = try frame(on: picture, titles: [TitleOverlay(title: title, opacity: 1)])
        let half = try frame(on: picture, titles: [TitleOverlay(title: title, opacity: 0.5)])
        var checked = 0
        for index in 0..<plain.bytes.count where full.bytes[index] != plain.bytes[index] {
            let expected = (Int(plain.bytes[index]) + Int(full.bytes[index])) / 2
            #expect(abs(Int(half.bytes[index]) - expected) <= 2)
            checked += 1
        }
        #expect(checked > 1000)
    }

    @Test("markup characters render literally")
    func markupIsEscaped() throws {
        let markup = try TitleImage(text: "<b>&", position: .centre, canvas: canvas)
        let ampersand = try TitleImage(text: "&", position: .centre, canvas: canvas)
        let entity = try TitleImage(text: "&amp;", position: .centre, canvas: canvas)
        // Four glyphs are much wider than one; the entity's five characters too.
        #expect(markup.textRect.width > 3 * ampersand.textRect.width)
        #expect(entity.textRect.width > 4 * ampersand.textRect.width)
        #expect(TitleImage.escapingMarkup("<b>&'\"") == "&lt;b&gt;&amp;&apos;&quot;")
    }

    @Test("blank text draws nothing")
    func blank() throws {
        let title = try TitleImage(text: "  \n ", position: .top, canvas: canvas)
        #expect(title.rect.isEmpty)
        let picture = ComposeFixtures.ramps(width: 640, height: 360, canvas: canvas)
        #expect(try frame(on: picture, titles: [TitleOverlay(title: title, opacity: 1)]).bytes
            == frame(on: picture, titles: []).bytes)
    }

    @Test("long text wraps within the canvas width")
    func wraps() throws {
        let text = String(repeating: "many words in a long title ", count: 4)
        let title = try TitleImage(text: text, position: .bottom, canvas: canvas)
        let single = try TitleImage(text: "many", position: .bottom, canvas: canvas)
        #expect(title.textRect.height > 2 * single.textRect.height)
        #expect(title.textRect.width <= canvas.width * 8 / 10)
        #expect(title.textRect.y + title.textRect.height <= canvas.height)
    }
}
