/// What the plan shows at one moment: the clip on screen, the clip coming in during a transition, and the titles.
struct FrameSlot: Sendable {
    /// A clip on screen and how far through its motion it is (0...1).
    struct Showing: Sendable, Equatable {
        /// Index into the plan's clips.
        var clip: Int
        /// Progress of the clip's motion, 0 at its first visible frame, 1 at its last.
        var motionProgress: Double
        /// Seconds since the clip's first visible frame (where a video clip is in its file, after its in-point).
        var elapsed: Double = 0
    }

    /// The clip on screen; `nil` in a gap of the video track (the frame is black).
    var primary: Showing?
    /// The next clip, while a transition brings it in, with the transition's progress (0...1).
    var incoming: (showing: Showing, transition: TransitionKind, progress: Double)?
    /// Indexes of the titles visible, with their opacity.
    var titles: [(title: Int, opacity: Double)]
}

extension RenderPlan {
    /// The time of frame `index`, in seconds.
    func time(ofFrame index: Int) -> Double {
        Double(index) / Double(framesPerSecond)
    }

    /// What frame `index` shows.
    ///
    /// A transition of length T into clip k is centred on the cut: from T/2 before clip k starts, clip k - 1 stays on
    /// screen while clip k comes in, until T/2 after. Each clip's motion runs over all the time it is visible.
    func slot(forFrame index: Int) -> FrameSlot {
        let time = self.time(ofFrame: index)
        let titles = self.titles.indices.compactMap { i -> (title: Int, opacity: Double)? in
            let opacity = self.titles[i].opacity(at: time)
            return opacity > 0 ? (i, opacity) : nil
        }
        guard let current = clips.firstIndex(where: { $0.start <= time && time < $0.end }) else {
            return FrameSlot(primary: nil, incoming: nil, titles: titles)
        }
        if let incoming = transition(into: current), time < clips[current].start + incoming.duration / 2 {
            return FrameSlot(
                primary: showing(current - 1, at: time),
                incoming: (showing(current, at: time), incoming.kind, progress(of: current, at: time)),
                titles: titles)
        }
        let next = current + 1
        if let outgoing = transition(into: next), time >= clips[current].end - outgoing.duration / 2 {
            return FrameSlot(
                primary: showing(current, at: time),
                incoming: (showing(next, at: time), outgoing.kind, progress(of: next, at: time)),
                titles: titles)
        }
        return FrameSlot(primary: showing(current, at: time), incoming: nil, titles: titles)
    }

    /// The transition into clip `index`, if that clip exists and has one.
    private func transition(into index: Int) -> Transition? {
        clips.indices.contains(index) && index > 0 ? clips[index].transitionIn : nil
    }

    /// How far the transition into clip `index` has gone at `time`.
    private func progress(of index: Int, at time: Double) -> Double {
        guard let transition = transition(into: index), transition.duration > 0 else { return 1 }
        let begin = clips[index].start - transition.duration / 2
        return min(1, max(0, (time - begin) / transition.duration))
    }

    /// Clip `index` at `time`, with its motion progress over the whole time it is visible.
    private func showing(_ index: Int, at time: Double) -> FrameSlot.Showing {
        let (begin, end) = visibleInterval(of: index)
        let progress = end > begin ? (time - begin) / (end - begin) : 0
        return FrameSlot.Showing(clip: index, motionProgress: min(1, max(0, progress)), elapsed: max(0, time - begin))
    }

    /// When clip `index` is on screen: its own interval widened by half of each transition touching it.
    func visibleInterval(of index: Int) -> (begin: Double, end: Double) {
        let clip = clips[index]
        let before = (transition(into: index)?.duration ?? 0) / 2
        let after = (transition(into: index + 1)?.duration ?? 0) / 2
        // The last frame shown is one frame before the end.
        let frame = 1 / Double(framesPerSecond)
        return (clip.start - before, max(clip.start - before, clip.end + after - frame))
    }
}
