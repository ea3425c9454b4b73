import Testing

@testable import NemoRender

@Suite("Determinism and frame checks")
struct DeterminismTests {
    let canvas = CanvasSize(width: 320, height: 180)

    private func description() throws -> FrameDescription {
        let a = ComposeFixtures.ramps(width: 500, height: 300, canvas: canvas)
        let b = ComposeFixtures.blob(width: 300, height: 400, x: 120, y: 200, canvas: canvas)
        let title = try TitleImage(text: "Same bytes", position: .top, canvas: canvas)
        return FrameDescription(
            primary: PictureView(
                picture: a,
                viewport: Motion(kind: .zoomOut).viewport(at: 0.37, pictureWidth: 500, pictureHeight: 300,
                                                          canvas: canvas)),
            incoming: IncomingPicture(
                picture: b,
                viewport: Motion(kind: .panDown).viewport(at: 0.11, pictureWidth: 300, pictureHeight: 400,
                                                          canvas: canvas),
                transition: .crossfade, progress: 0.41),
            titles: [TitleOverlay(title: title, opacity: 0.63)])
    }

    @Test("composing the same description twice gives identical bytes", arguments: TransitionKind.allCases)
    func sameBytes(kind: TransitionKind) throws {
        var description = try description()
        description.incoming?.transition = kind
        let composer = try FrameComposer(canvas: canvas)
        var first = RGBFrame(width: canvas.width, height: canvas.height)
        try composer.compose(description, into: &first)
        // The same composer again, over a dirty frame, and a fresh composer.
        var second = first
        second.bytes.withUnsafeMutableBufferPointer { $0.update(repeating: 77) }
        try composer.compose(description, into: &second)
        let third = try ComposeFixtures.frame(description, canvas: canvas)
        #expect(first.bytes == second.bytes)
        #expect(first.bytes == third.bytes)
        #expect(Set(first.bytes).count > 50)
    }

    @Test("a frame of another size is refused")
    func wrongFrameSize() throws {
        let composer = try FrameComposer(canvas: canvas)
        var frame = RGBFrame(width: 160, height: 90)
        let error = #expect(throws: RenderError.self) { try composer.compose(try description(), into: &frame) }
        #expect(error?.code == .compose)
    }

    @Test("a viewport that is not finite and positive is refused")
    func badViewport() throws {
        var description = try description()
        description.primary.viewport.scale = 0
        let error = #expect(throws: RenderError.self) { try ComposeFixtures.frame(description, canvas: canvas) }
        #expect(error?.code == .compose)
    }
}
