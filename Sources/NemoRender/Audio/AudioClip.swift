/// One music clip placed on the timeline: a file played from its start at `start` seconds for `duration` seconds.
struct AudioClip: Sendable, Equatable {
    /// The shape of a fade.
    enum FadeCurve: Sendable, Equatable {
        /// Gain grows in proportion to time.
        case linear
        /// Gain follows a quarter sine (constant power across a crossfade); sounds more even to the ear.
        case equalPower
    }

    /// The audio file (m4a, mp3, wav, ogg...).
    var path: String
    /// Where the clip starts on the timeline, in seconds.
    var start: Double
    /// How long the clip lasts, in seconds.
    var duration: Double
    /// Gain from 0 to 1; values above 1 are clamped to 1, below 0 to 0.
    var volume: Double
    /// Fade-in length in seconds, from the clip's start.
    var fadeIn: Double
    /// Fade-out length in seconds, ending at the clip's end (or at the file's end when it does not loop).
    var fadeOut: Double
    /// Whether a file shorter than the clip repeats (with a short crossfade at each seam).
    var loops: Bool
    /// The shape of both fades.
    var fadeCurve: FadeCurve = .linear
    /// Where in the file the clip begins, in seconds (each loop pass begins there too).
    var sourceStart: Double = 0
    /// Whether this is the sound of a video clip: a file without (decodable) sound is then silence rather than an
    /// error, and the file's first picture is time zero: sound that starts later than the picture in the file starts
    /// as much later in the clip, and `sourceStart` counts from the picture's start.
    var isVideoSound = false

    /// The volume clamped into 0...1.
    var clampedVolume: Double { min(max(volume, 0), 1) }

    /// Throws `.invalidSettings` when a time is negative or not finite.
    func validate() throws(RenderError) {
        let values = [("start", start), ("duration", duration), ("volume", volume), ("fadeIn", fadeIn),
                      ("fadeOut", fadeOut), ("sourceStart", sourceStart)]
        for (name, value) in values where !value.isFinite {
            throw RenderError(.invalidSettings, "music clip \(path): \(name) is \(value): use a finite number")
        }
        for (name, value) in [("start", start), ("fadeIn", fadeIn), ("fadeOut", fadeOut), ("sourceStart", sourceStart)]
            where value < 0
        {
            throw RenderError(.invalidSettings, "music clip \(path): \(name) is \(value) s: use 0 or more")
        }
        guard duration > 0 else {
            throw RenderError(.invalidSettings, "music clip \(path): duration is \(duration) s: use more than 0")
        }
    }
}
