import Testing

@testable import NemoPrep

@Suite("Batch planning: aspect, fit and sizes decided before pixels")
struct PlannerTests {
    private func input(_ width: Int, _ height: Int, orientation: Int = 1) -> InputImage {
        InputImage(
            path: "x.jpg", format: .jpeg, bytes: 1, storedSize: PixelSize(width: width, height: height),
            orientation: orientation, bands: 3, hasAlpha: false, hasICCProfile: false, colourSpace: "srgb",
            bitsPerSample: 8, frames: 1)
    }

    @Test("auto aspect picks the candidate the batch loses least to")
    func autoAspectMinimisesCropping() {
        let planner = BatchPlanner(configuration: PrepConfiguration())
        let landscape = [PixelSize(width: 6000, height: 4000), PixelSize(width: 1920, height: 1080)]
        #expect(planner.chooseAspect(for: landscape).0 == .landscape16x9)
        let portrait = [PixelSize(width: 1080, height: 1920), PixelSize(width: 3000, height: 4000)]
        #expect(planner.chooseAspect(for: portrait).0 == .portrait9x16)
        let squares = [PixelSize(width: 1000, height: 1000), PixelSize(width: 1200, height: 1100)]
        #expect(planner.chooseAspect(for: squares).0 == .square)
        let (_, losses) = planner.chooseAspect(for: landscape)
        #expect(losses["16:9"]! < losses["1:1"]!)
    }

    @Test("a fixed aspect is used as given")
    func fixedAspect() {
        let planner = BatchPlanner(configuration: PrepConfiguration(aspect: .fixed(AspectRatio(4, 5))))
        #expect(planner.chooseAspect(for: [PixelSize(width: 1920, height: 1080)]).0 == AspectRatio(4, 5))
    }

    @Test("frames fit the landscape box, turned for portrait, with even sides")
    func frames() {
        let configuration = PrepConfiguration()
        #expect(configuration.frame(for: .landscape16x9) == PixelSize(width: 1920, height: 1080))
        #expect(configuration.frame(for: .portrait9x16) == PixelSize(width: 1080, height: 1920))
        #expect(configuration.frame(for: .square) == PixelSize(width: 1080, height: 1080))
        #expect(configuration.frame(for: .portrait4x5) == PixelSize(width: 1080, height: 1350))
        let small = PrepConfiguration(maxSize: PixelSize(width: 640, height: 480))
        #expect(small.frame(for: .landscape16x9) == PixelSize(width: 640, height: 360))
    }

    @Test("auto fit crops when little is lost and blur-pads otherwise")
    func autoFitDecision() {
        let planner = BatchPlanner(configuration: PrepConfiguration())
        let frame = PixelSize(width: 1920, height: 1080)
        let threeTwo = planner.plan(input(6000, 4000), outputPath: "a", aspect: .landscape16x9, frame: frame)
        #expect(threeTwo.fit == .crop)
        #expect(threeTwo.outputSize == frame)
        #expect(abs(threeTwo.cropLoss - 0.15625) < 0.001)
        #expect(threeTwo.scaledSize.width >= 1920 && threeTwo.scaledSize.height >= 1080)
        let portrait = planner.plan(input(3000, 4000), outputPath: "b", aspect: .landscape16x9, frame: frame)
        #expect(portrait.fit == .blur)
        #expect(portrait.outputSize == frame)
        #expect(portrait.scaledSize == PixelSize(width: 810, height: 1080))
        #expect(portrait.placement == PixelBox(left: 555, top: 0, width: 810, height: 1080))
    }

    @Test("orientation 5-8 swaps the sides used for planning")
    func orientationSwapsSides() {
        let planner = BatchPlanner(configuration: PrepConfiguration(fit: .crop))
        let frame = PixelSize(width: 1080, height: 1920)
        let plan = planner.plan(input(4000, 2250, orientation: 6), outputPath: "a", aspect: .portrait9x16, frame: frame)
        #expect(plan.cropLoss == 0)
        #expect(plan.outputSize == frame)
    }

    @Test("small images are never enlarged unless asked")
    func noUpscale() {
        let frame = PixelSize(width: 1920, height: 1080)
        let planner = BatchPlanner(configuration: PrepConfiguration(fit: .crop))
        let plan = planner.plan(input(800, 450), outputPath: "a", aspect: .landscape16x9, frame: frame)
        #expect(plan.outputSize == PixelSize(width: 800, height: 450))
        #expect(plan.scale == 1)
        let padded = BatchPlanner(configuration: PrepConfiguration(fit: .pad)).plan(
            input(600, 600), outputPath: "a", aspect: .landscape16x9, frame: frame)
        #expect(padded.outputSize == PixelSize(width: 1067, height: 600))
        #expect(padded.scale == 1)
        let enlarged = BatchPlanner(configuration: PrepConfiguration(fit: .crop, allowUpscale: true)).plan(
            input(800, 450), outputPath: "a", aspect: .landscape16x9, frame: frame)
        #expect(enlarged.outputSize == frame)
        #expect(enlarged.scale > 2)
    }

    @Test("aspect ratios parse, reduce and reject nonsense", arguments: [
        ("16:9", "16:9"), ("32:18", "16:9"), ("4/5", "4:5"), ("1:1", "1:1"),
    ])
    func aspectParsing(text: String, expected: String) {
        #expect(AspectRatio(parsing: text)?.description == expected)
    }

    @Test("malformed aspects and sizes are rejected", arguments: ["", "16", "0:9", "a:b", "16:-9", "1:2:3"])
    func badAspects(text: String) {
        #expect(AspectRatio(parsing: text) == nil)
        #expect(PixelSize(parsing: text.replacing(":", with: "x")) == nil)
    }
}
