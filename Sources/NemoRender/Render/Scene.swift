import Foundation

/// The plan's pictures, videos and titles during a render: each loaded when it first appears and released when it
/// leaves the screen, so memory holds at most the two clips of a transition however many the video has.
final class Scene {
    private let plan: RenderPlan
    private let options: RenderOptions
    private var pictures: [Int: SourcePicture] = [:]
    private var movies: [Int: MovingPicture] = [:]
    private var motions: [Int: Motion] = [:]
    private var titles: [Int: TitleImage] = [:]
    private var card: CardPicture?

    /// A scene for `plan`; nothing is loaded yet.
    init(plan: RenderPlan, options: RenderOptions) {
        self.plan = plan
        self.options = options
    }

    /// Composes frame `index` of the plan into `frame`.
    func compose(frame index: Int, with composer: FrameComposer, into frame: inout RGBFrame) throws(RenderError) {
        let slot = plan.slot(forFrame: index)
        let onScreen = Set([slot.primary?.clip, slot.incoming?.showing.clip].compactMap { $0 })
        for clip in pictures.keys where !onScreen.contains(clip) { pictures[clip] = nil }
        for clip in movies.keys where !onScreen.contains(clip) { movies[clip] = nil }
        guard let primary = slot.primary else {
            // A gap in the video track: black.
            frame.bytes.withUnsafeMutableBytes { $0.initializeMemory(as: UInt8.self, repeating: 0) }
            return
        }
        var description = FrameDescription(primary: try layer(primary), incoming: nil, titles: [])
        if let incoming = slot.incoming {
            let layer = try layer(incoming.showing)
            description.incoming = IncomingPicture(
                picture: layer.picture, viewport: layer.viewport, transition: incoming.transition,
                progress: incoming.progress)
        }
        for (title, opacity) in slot.titles {
            description.titles.append(TitleOverlay(title: try titleImage(title), opacity: opacity))
        }
        try composer.compose(description, into: &frame)
    }

    /// Clip `showing.clip`'s picture and where its motion is.
    private func layer(_ showing: FrameSlot.Showing) throws(RenderError) -> PictureView {
        let picture = try self.picture(showing.clip, elapsed: showing.elapsed)
        let motion = self.motion(showing.clip, picture: picture)
        let viewport = motion.viewport(
            at: showing.motionProgress, pictureWidth: picture.width, pictureHeight: picture.height,
            canvas: options.canvas)
        return PictureView(picture: picture, viewport: viewport)
    }

    /// Clip `clip`'s picture `elapsed` seconds after it appeared (a video's current frame).
    private func picture(_ clip: Int, elapsed: Double) throws(RenderError) -> SourcePicture {
        if let picture = pictures[clip] { return picture }
        let path: String
        switch plan.clips[clip].source {
        case .file(let file): path = file
        case .card: path = try cardPath()
        case .video(let file, let inPoint):
            if let movie = movies[clip] { return try movie.picture(at: elapsed) }
            let maxZoom = Motion(kind: plan.clips[clip].motion ?? .still).maxZoom
            let movie = try MovingPicture(path: file, inPoint: inPoint, canvas: options.canvas, maxZoom: maxZoom)
            movies[clip] = movie
            return try movie.picture(at: elapsed)
        }
        let picture = try SourcePicture(path: path, canvas: options.canvas)
        pictures[clip] = picture
        return picture
    }

    private func motion(_ clip: Int, picture: SourcePicture) -> Motion {
        if let motion = motions[clip] { return motion }
        // A video moves by itself: it stays still unless the draft asks for a motion.
        let motion =
            plan.clips[clip].motion.map { Motion(kind: $0) }
            ?? (plan.clips[clip].isVideo ? Motion(kind: .still) : nil)
            ?? Motion.automatic(
                pictureWidth: picture.width, pictureHeight: picture.height, canvas: options.canvas,
                seed: options.seed, index: clip)
        motions[clip] = motion
        return motion
    }

    private func titleImage(_ index: Int) throws(RenderError) -> TitleImage {
        if let title = titles[index] { return title }
        let cue = plan.titles[index]
        let title = try TitleImage(
            text: cue.text, position: cue.position, canvas: options.canvas, style: TitleStyle(for: cue.position))
        titles[index] = title
        return title
    }

    private func cardPath() throws(RenderError) -> String {
        if let card { return card.path }
        let made = try CardPicture(canvas: options.canvas)
        card = made
        return made.path
    }
}
