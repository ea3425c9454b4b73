/// How a draft is rendered: the canvas, the frame rate, the encoder's quality and the seed of every default choice.
public struct RenderOptions: Sendable, Equatable {
    /// Output width in pixels (even, 16...4096).
    public var width: Int
    /// Output height in pixels (even, 16...4096).
    public var height: Int
    /// Frames per second.
    public var framesPerSecond: Int
    /// x264 constant rate factor: lower is better and bigger (18-28 is the useful range).
    public var quality: Int
    /// Seeds the motion chosen for segments whose metadata names none; the same seed gives the same video.
    public var seed: UInt64
    /// The transition used between two clips when the draft names none.
    public var defaultTransition: String
    /// How long a transition lasts when the draft does not say, in seconds.
    public var defaultTransitionSeconds: Double

    /// 1080p at 30 fps, crossfades of 0.8 s.
    public init(
        width: Int = 1920, height: Int = 1080, framesPerSecond: Int = 30, quality: Int = 20, seed: UInt64 = 0,
        defaultTransition: String = "crossfade", defaultTransitionSeconds: Double = 0.8
    ) {
        self.width = width
        self.height = height
        self.framesPerSecond = framesPerSecond
        self.quality = quality
        self.seed = seed
        self.defaultTransition = defaultTransition
        self.defaultTransitionSeconds = defaultTransitionSeconds
    }

    /// Checks the settings, saying what to use instead.
    func validate() throws(RenderError) {
        for (name, value) in [("width", width), ("height", height)] {
            guard (16...4096).contains(value), value % 2 == 0 else {
                throw RenderError(
                    .invalidSettings, "The canvas \(name) \(value) is not usable: give an even number from 16 to 4096.")
            }
        }
        guard (1...120).contains(framesPerSecond) else {
            throw RenderError(.invalidSettings, "\(framesPerSecond) frames per second is not usable: give 1 to 120.")
        }
        guard (0...51).contains(quality) else {
            throw RenderError(.invalidSettings, "Quality \(quality) is out of range: give a CRF from 0 to 51.")
        }
    }

    /// The canvas as the composer sees it.
    var canvas: CanvasSize { CanvasSize(width: width, height: height) }
}
