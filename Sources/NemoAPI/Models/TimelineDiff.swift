/// Pairs the tracks of two timelines and describes each difference (the work behind ``TimelineChange``).
struct TimelineDiff {
    let old: Timeline
    let new: Timeline

    /// Every change, in the order of the new tracks, removed tracks last.
    func items() -> [TimelineChange.Item] {
        let pairs = pairTracks()
        let oldLabels = old.labels
        let newLabels = new.labels
        var items: [TimelineChange.Item] = []
        for index in new.tracks.indices {
            let track = new.tracks[index]
            let label = newLabels[index]
            if let partner = pairs[index] {
                items += changes(from: old.tracks[partner], to: track, label: label)
            } else {
                let text = "\(label) added: " + Timeline.describe(track, quote: "'")
                items.append(.init(kind: .trackAdded, label: label, description: text))
            }
        }
        let paired = Set(pairs.values)
        for index in old.tracks.indices where !paired.contains(index) {
            let track = old.tracks[index]
            let label = oldLabels[index]
            var text = "\(label) removed"
            if !track.segments.isEmpty { text += ": " + Timeline.content(of: track, quote: "'") }
            items.append(.init(kind: .trackRemoved, label: label, description: text))
        }
        return items
    }

    /// For each new track index, the index of its old partner, if any.
    private func pairTracks() -> [Int: Int] {
        var pairs: [Int: Int] = [:]
        var usedOld = Set<Int>()
        for index in new.tracks.indices {
            let track = new.tracks[index]
            if let match = old.tracks.indices.first(where: { !usedOld.contains($0) && old.tracks[$0] == track }) {
                pairs[index] = match
                usedOld.insert(match)
            }
        }
        for index in new.tracks.indices where pairs[index] == nil {
            let kind = new.tracks[index].kind
            if let match = old.tracks.indices.first(where: { !usedOld.contains($0) && old.tracks[$0].kind == kind }) {
                pairs[index] = match
                usedOld.insert(match)
            }
        }
        return pairs
    }

    /// The changes between two paired tracks.
    private func changes(from before: Timeline.Track, to after: Timeline.Track, label: String)
        -> [TimelineChange.Item]
    {
        guard before != after else { return [] }
        var items: [TimelineChange.Item] = []
        let oldNames = names(before)
        let newNames = names(after)
        if oldNames.count != newNames.count {
            let difference = newNames.count - oldNames.count
            let count = abs(difference)
            let noun = count == 1 ? "segment" : "segments"
            let kind: TimelineChange.Item.Kind = difference > 0 ? .segmentsAdded : .segmentsRemoved
            let verb = difference > 0 ? "added" : "removed"
            items.append(.init(kind: kind, label: label, description: "\(label): \(count) \(noun) \(verb)"))
        } else if oldNames != newNames {
            items.append(contentChange(oldNames, newNames, label: label, isText: after.kind == .text))
        } else if Timeline.span(of: before) != Timeline.span(of: after) {
            let text = "\(label) timing \(Timeline.span(of: before)) → \(Timeline.span(of: after))"
            items.append(.init(kind: .timingChanged, label: label, description: text))
        } else if let transitions = transitionChange(before, after, label: label) {
            items.append(transitions)
        }
        if let volume = volumeChange(before, after, label: label) {
            items.append(volume)
        }
        return items
    }

    /// `Title changed: 'A' → 'B'`, `BGM changed: Lo-fi → Jazz`, or `Video: 2 segments changed`.
    private func contentChange(_ oldNames: [String], _ newNames: [String], label: String, isText: Bool)
        -> TimelineChange.Item
    {
        let kind: TimelineChange.Item.Kind = isText ? .textChanged : .contentChanged
        if oldNames.count == 1 {
            let text = "\(label) changed: \(oldNames[0]) → \(newNames[0])"
            return .init(kind: kind, label: label, description: text)
        }
        let count = zip(oldNames, newNames).filter { $0 != $1 }.count
        let noun = count == 1 ? "segment" : "segments"
        return .init(kind: .segmentsChanged, label: label, description: "\(label): \(count) \(noun) changed")
    }

    /// `Video: 1 transition added` when only transitions differ.
    private func transitionChange(_ before: Timeline.Track, _ after: Timeline.Track, label: String)
        -> TimelineChange.Item?
    {
        let difference = after.segments.count { $0.isTransition } - before.segments.count { $0.isTransition }
        guard difference != 0 else { return nil }
        let noun = abs(difference) == 1 ? "transition" : "transitions"
        let verb = difference > 0 ? "added" : "removed"
        let kind: TimelineChange.Item.Kind = difference > 0 ? .segmentsAdded : .segmentsRemoved
        return .init(kind: kind, label: label, description: "\(label): \(abs(difference)) \(noun) \(verb)")
    }

    /// `BGM volume 35% → 50%` for audio tracks whose volume changed (or appeared).
    private func volumeChange(_ before: Timeline.Track, _ after: Timeline.Track, label: String)
        -> TimelineChange.Item?
    {
        guard after.kind == .audio, let newVolume = after.volume else { return nil }
        let oldText = before.volume.map(Timeline.percent) ?? "default"
        let newText = Timeline.percent(newVolume)
        guard oldText != newText else { return nil }
        return .init(kind: .volumeChanged, label: label, description: "\(label) volume \(oldText) → \(newText)")
    }

    /// The names (texts quoted) of a track's content segments, as the summary lists them.
    private func names(_ track: Timeline.Track) -> [String] {
        let segments = track.contentSegments.isEmpty ? track.segments : track.contentSegments
        return segments.enumerated().map { offset, segment in
            Timeline.itemName(segment, kind: track.kind, number: offset + 1, quote: "'")
        }
    }
}
