/// A transition between two segments: its kind and how long the pictures overlap, in seconds.
struct Transition: Sendable, Equatable {
    /// The kind.
    var kind: TransitionKind
    /// Overlap in seconds (0 for a cut).
    var duration: Double

    /// A transition of `kind` lasting `duration` seconds (a cut always lasts 0).
    init(kind: TransitionKind, duration: Double) {
        self.kind = kind
        self.duration = kind == .cut ? 0 : duration
    }

    /// Parses a draft's spelling, ignoring case, spaces, `-` and `_`: "fade", "crossfade", "dissolve", "slide",
    /// "slide-up", "wipe", "wipe_right", "cut"... A bare "slide" or "wipe" goes left. Returns nil for an unknown name
    /// or a negative or non-finite duration; a zero duration makes any transition a cut.
    init?(name: String, duration: Double) {
        guard duration.isFinite, duration >= 0 else { return nil }
        let key = String(name.lowercased().filter { $0.isLetter })
        let kinds: [String: TransitionKind] = [
            "cut": .cut, "none": .cut, "hardcut": .cut,
            "fade": .crossfade, "crossfade": .crossfade, "dissolve": .crossfade, "crossdissolve": .crossfade,
            "xfade": .crossfade, "mix": .crossfade, "blend": .crossfade,
            "slide": .slideLeft, "slideleft": .slideLeft, "slideright": .slideRight, "slideup": .slideUp,
            "slidedown": .slideDown, "push": .slideLeft, "pushleft": .slideLeft, "pushright": .slideRight,
            "pushup": .slideUp, "pushdown": .slideDown,
            "wipe": .wipeLeft, "wipeleft": .wipeLeft, "wiperight": .wipeRight, "wipeup": .wipeUp,
            "wipedown": .wipeDown,
        ]
        guard let kind = kinds[key] else { return nil }
        self.init(kind: duration == 0 ? .cut : kind, duration: duration)
    }
}
