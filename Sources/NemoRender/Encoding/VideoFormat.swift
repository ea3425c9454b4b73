/// Output video settings: H.264 (High profile, yuv420p, BT.709, limited range) at a constant frame rate.
struct VideoFormat: Sendable, Equatable {
    /// The x264 preset chosen by measurement: the fastest one that keeps High-profile tools (CABAC, 8x8 transform,
    /// B-frames); at 1080p on 2 cores it leaves most of the real-time budget to composition.
    static let defaultPreset = "veryfast"

    /// The x264 presets, fastest first.
    static let presets = [
        "ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo",
    ]

    /// Width in pixels (even).
    var width: Int
    /// Height in pixels (even).
    var height: Int
    /// Frames per second (constant frame rate).
    var framesPerSecond: Int = 30
    /// x264 constant rate factor: 0 is lossless, 51 the worst; about 18-23 looks good.
    var quality: Int = 20
    /// x264 preset (one of `presets`).
    var preset: String = VideoFormat.defaultPreset

    /// Creates settings; every parameter but the size has the renderer's default.
    init(
        width: Int = 1920, height: Int = 1080, framesPerSecond: Int = 30, quality: Int = 20,
        preset: String = VideoFormat.defaultPreset
    ) {
        self.width = width
        self.height = height
        self.framesPerSecond = framesPerSecond
        self.quality = quality
        self.preset = preset
    }

    /// Frames in a GOP: one keyframe about every two seconds.
    var gopSize: Int { framesPerSecond * 2 }

    /// Throws `.invalidSettings` with what to use instead when a setting is out of range.
    func validate() throws(RenderError) {
        guard (16...4096).contains(width), (16...4096).contains(height) else {
            throw RenderError(.invalidSettings, "canvas \(width)x\(height) is out of range: use 16 to 4096 pixels")
        }
        guard width % 2 == 0, height % 2 == 0 else {
            let even = "\(width + width % 2)x\(height + height % 2)"
            throw RenderError(
                .invalidSettings,
                "canvas \(width)x\(height) has an odd side; H.264 yuv420p needs an even width and height: use \(even)"
            )
        }
        guard (1...120).contains(framesPerSecond) else {
            throw RenderError(.invalidSettings, "\(framesPerSecond) fps is out of range: use 1 to 120 (30 is usual)")
        }
        guard (0...51).contains(quality) else {
            throw RenderError(.invalidSettings, "quality (CRF) \(quality) is out of range: use 0 to 51 (about 20)")
        }
        guard Self.presets.contains(preset) else {
            throw RenderError(
                .invalidSettings,
                "unknown x264 preset \"\(preset)\": use one of \(Self.presets.joined(separator: ", "))"
            )
        }
    }
}
