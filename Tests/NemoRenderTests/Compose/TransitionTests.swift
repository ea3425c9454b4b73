import Testing

@testable import NemoRender

@Suite("Transitions")
struct TransitionTests {
    let canvas = CanvasSize(width: 160, height: 90)
    let red: (UInt8, UInt8, UInt8) = (200, 30, 30)
    let blue: (UInt8, UInt8, UInt8) = (20, 40, 220)

    private func frame(_ kind: TransitionKind, _ progress: Double, from a: SourcePicture, to b: SourcePicture)
        throws -> RGBFrame
    {
        let still = Motion(kind: .still)
        let viewA = still.viewport(at: 0, pictureWidth: a.width, pictureHeight: a.height, canvas: canvas)
        let viewB = still.viewport(at: 0, pictureWidth: b.width, pictureHeight: b.height, canvas: canvas)
        return try ComposeFixtures.frame(
            FrameDescription(
                primary: PictureView(picture: a, viewport: viewA),
                incoming: IncomingPicture(picture: b, viewport: viewB, transition: kind, progress: progress)),
            canvas: canvas)
    }

    @Test("crossfade at 50% is the average of two solid colours")
    func crossfadeAverages() throws {
        let a = ComposeFixtures.solid(width: 200, height: 100, rgb: red, canvas: canvas)
        let b = ComposeFixtures.solid(width: 200, height: 100, rgb: blue, canvas: canvas)
        let mixed = try frame(.crossfade, 0.5, from: a, to: b)
        let expected: [Int] = [110, 35, 125]
        for index in stride(from: 0, to: mixed.bytes.count, by: 3) {
            for channel in 0..<3 {
                #expect(abs(Int(mixed.bytes[index + channel]) - expected[channel]) <= 1)
            }
        }
        let quarter = try frame(.crossfade, 0.25, from: a, to: b)
        #expect(abs(Int(quarter.pixel(x: 5, y: 5).r) - (200 * 3 + 20) / 4) <= 1)
    }

    /// Which picture each half shows at 50%: `true` when the first half (left or top) shows the outgoing one.
    static let halves: [(TransitionKind, horizontal: Bool, outgoingFirst: Bool)] = [
        (.slideLeft, true, true), (.slideRight, true, false), (.slideUp, false, true), (.slideDown, false, false),
        (.wipeLeft, true, true), (.wipeRight, true, false), (.wipeUp, false, true), (.wipeDown, false, false),
    ]

    @Test("slides and wipes at 50% show each picture on its half", arguments: halves)
    func halvesAtMidpoint(kind: TransitionKind, horizontal: Bool, outgoingFirst: Bool) throws {
        let a = ComposeFixtures.solid(width: 200, height: 100, rgb: red, canvas: canvas)
        let b = ComposeFixtures.solid(width: 200, height: 100, rgb: blue, canvas: canvas)
        let mid = try frame(kind, 0.5, from: a, to: b)
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let first = horizontal ? x < canvas.width / 2 : y < canvas.height / 2
                let expected = first == outgoingFirst ? red : blue
                let pixel = mid.pixel(x: x, y: y)
                #expect(pixel.r == expected.0 && pixel.b == expected.2, "\(kind) at (\(x), \(y))")
            }
        }
    }

    @Test("at 0 and 1 only one picture shows", arguments: TransitionKind.allCases)
    func endpoints(kind: TransitionKind) throws {
        let a = ComposeFixtures.solid(width: 200, height: 100, rgb: red, canvas: canvas)
        let b = ComposeFixtures.solid(width: 200, height: 100, rgb: blue, canvas: canvas)
        let start = try frame(kind, 0, from: a, to: b)
        let end = try frame(kind, 1, from: a, to: b)
        let redFrame = Array(repeating: [red.0, red.1, red.2], count: canvas.width * canvas.height).flatMap { $0 }
        let blueFrame = Array(repeating: [blue.0, blue.1, blue.2], count: canvas.width * canvas.height).flatMap { $0 }
        #expect(start.bytes == redFrame)
        #expect(end.bytes == blueFrame)
    }

    @Test("a slide moves both pictures; a wipe moves only the boundary")
    func slideShiftsContentWipeDoesNot() throws {
        let a = ComposeFixtures.ramps(width: 200, height: 100, canvas: canvas)
        let b = ComposeFixtures.ramps(width: 240, height: 120, canvas: canvas)
        let onlyA = try frame(.slideLeft, 0, from: a, to: b)
        let onlyB = try frame(.slideLeft, 1, from: a, to: b)
        let slide = try frame(.slideLeft, 0.5, from: a, to: b)
        let wipe = try frame(.wipeLeft, 0.5, from: a, to: b)
        let half = canvas.width / 2
        for y in 0..<canvas.height {
            for x in 0..<half {
                #expect(slide.pixel(x: x, y: y) == onlyA.pixel(x: x + half, y: y))
                #expect(slide.pixel(x: x + half, y: y) == onlyB.pixel(x: x, y: y))
                #expect(wipe.pixel(x: x, y: y) == onlyA.pixel(x: x, y: y))
                #expect(wipe.pixel(x: x + half, y: y) == onlyB.pixel(x: x + half, y: y))
            }
        }
    }

    @Test("the seam moves by fractions of a pixel: the column it crosses mixes both pictures")
    func seamIsSubPixel() throws {
        let a = ComposeFixtures.solid(width: 200, height: 100, rgb: red, canvas: canvas)
        let b = ComposeFixtures.solid(width: 200, height: 100, rgb: blue, canvas: canvas)
        // Seam at 160 * (1 - 0.503125) = 79.5: column 79 is half red, half blue.
        let split = try frame(.wipeLeft, 0.503125, from: a, to: b)
        #expect(split.pixel(x: 78, y: 10).r == red.0)
        #expect(abs(Int(split.pixel(x: 79, y: 10).r) - 110) <= 1)
        #expect(split.pixel(x: 80, y: 10).r == blue.0)
    }

    @Test("draft spellings", arguments: [
        ("fade", TransitionKind.crossfade), ("crossfade", .crossfade), ("Dissolve", .crossfade),
        ("cross-fade", .crossfade), ("slide", .slideLeft), ("slide-up", .slideUp), ("slide_right", .slideRight),
        ("wipe", .wipeLeft), ("wipe-down", .wipeDown), ("WipeRight", .wipeRight), ("cut", .cut),
    ])
    func names(name: String, kind: TransitionKind) {
        let transition = Transition(name: name, duration: 0.5)
        #expect(transition?.kind == kind)
        #expect(transition?.duration == (kind == .cut ? 0 : 0.5))
    }

    @Test("unknown names and bad durations give nil; zero duration is a cut")
    func invalid() {
        #expect(Transition(name: "spin", duration: 1) == nil)
        #expect(Transition(name: "fade", duration: -1) == nil)
        #expect(Transition(name: "fade", duration: .nan) == nil)
        #expect(Transition(name: "fade", duration: 0)?.kind == .cut)
    }
}
