/// One picture on the video track: what it shows, when, and how it moves.
struct VisualClip: Sendable, Equatable {
    /// What fills the frame.
    enum Source: Sendable, Equatable {
        /// An image file on disk.
        case file(path: String)
        /// A video file on disk, played from `inPoint` seconds into it, with its own sound.
        case video(path: String, inPoint: Double)
        /// A plain card with the segment's name, for a segment that names no media (a generated clip the service
        /// would have made).
        case card
    }

    /// The clip's position on the video track, from 0.
    var index: Int
    /// What fills the frame.
    var source: Source
    /// The segment's name for people and messages.
    var name: String
    /// Start on the timeline, in seconds.
    var start: Double
    /// End on the timeline, in seconds.
    var end: Double
    /// The motion the draft asks for; `nil` lets the renderer choose from the picture's shape and the seed.
    var motion: MotionKind?
    /// The transition from the previous clip into this one; `nil` is a cut.
    var transitionIn: Transition?
    /// The gain of a video clip's own sound, 0...1.
    var volume: Double = 1

    /// Whether the clip is a video file (it plays; pictures move only by their motion).
    var isVideo: Bool {
        if case .video = source { return true }
        return false
    }

    /// How long the clip lasts on the timeline, in seconds.
    var duration: Double { end - start }
}

/// A title on the text track.
struct TitleCue: Sendable, Equatable {
    /// The text as the user wrote it (shown literally, never as markup).
    var text: String
    /// Start on the timeline, in seconds.
    var start: Double
    /// End on the timeline, in seconds.
    var end: Double
    /// Where it sits on the canvas.
    var position: TitlePosition
    /// Seconds of fade in and of fade out.
    var fade: Double

    /// The title's opacity at `time`: 0 outside its interval, ramping over `fade` at both ends.
    func opacity(at time: Double) -> Double {
        guard time >= start, time < end else { return 0 }
        guard fade > 0 else { return 1 }
        return min(1, (time - start) / fade, (end - time) / fade)
    }
}
