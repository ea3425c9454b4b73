extension Timeline {
    /// The timeline in one line, in the documented form (NEMO_API.md "Draft and timeline"), e.g.
    /// `Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%)`
    /// continued by ` 3. Title: "Urban Dreams" (0-3s)` on the same line.
    ///
    /// Rules, per track, numbered from 1 and separated by one space:
    /// - the label (``label(ofTrackAt:)``), a colon, then the content: segment names (``Segment/name``) joined with
    ///   `, `, or for text tracks each text in double quotes; transitions are left out; after three items,
    ///   `+N more`; a segment without a name is `clip N` (video), `audio N` or `text N`;
    /// - then the time span in seconds, `(start-end s)`, whole seconds without decimals, else one decimal;
    ///   audio tracks add their volume as a percentage (`, 35%`) when the draft gives one;
    /// - a track without segments reads `empty`; a timeline without tracks is `Timeline (0 tracks): empty`.
    public var summary: String {
        guard !tracks.isEmpty else { return "Timeline (0 tracks): empty" }
        let labels = self.labels
        let items = tracks.indices.map { index in
            "\(index + 1). \(labels[index]): \(Self.describe(tracks[index], quote: "\""))"
        }
        let count = tracks.count == 1 ? "1 track" : "\(tracks.count) tracks"
        return "Timeline (\(count)): " + items.joined(separator: " ")
    }

    /// The label of each track, in order (see ``label(ofTrackAt:)``).
    public var labels: [String] {
        var textTracksSeen = 0
        return tracks.map { track in
            if track.kind == .text {
                textTracksSeen += 1
                return Self.label(of: track, textIndex: textTracksSeen)
            }
            return Self.label(of: track, textIndex: 0)
        }
    }

    /// The label of a track: `Video`; `BGM` for audio (`Voiceover` when `m.role`/`m.type` says voice or
    /// narration, `SFX` for sound effects); `Title` for the first text track and `Text` for the others
    /// (`Subtitles` when the role says subtitle or caption); `Track (type N)` for other codes.
    public func label(ofTrackAt index: Int) -> String {
        labels[index]
    }

    /// The label of `track`, the `textIndex`-th text track of its timeline (1-based; 0 for other kinds).
    static func label(of track: Track, textIndex: Int) -> String {
        let role = Self.role(of: track)
        switch track.kind {
        case .video: return "Video"
        case .audio:
            if ["voice", "voiceover", "voice_over", "narration", "tts"].contains(role) { return "Voiceover" }
            if ["sfx", "sound_effect", "effect"].contains(role) { return "SFX" }
            return "BGM"
        case .text:
            if ["subtitle", "subtitles", "caption", "captions"].contains(role) { return "Subtitles" }
            return textIndex <= 1 ? "Title" : "Text"
        case .other(let code): return code < 0 ? "Track" : "Track (type \(code))"
        }
    }

    /// The content and span of a track as in the summary, texts in `quote` marks:
    /// `"Urban Dreams" (0-3s)`, `Lo-fi (0-10s, 35%)`, `empty`.
    static func describe(_ track: Track, quote: String) -> String {
        guard !track.segments.isEmpty else { return "empty" }
        var text = content(of: track, quote: quote)
        var details = [span(of: track)]
        if track.kind == .audio, let volume = track.volume {
            details.append(percent(volume))
        }
        text += " (" + details.joined(separator: ", ") + ")"
        return text
    }

    /// The track's content: names or quoted texts, at most three then `+N more`.
    static func content(of track: Track, quote: String) -> String {
        let segments = track.contentSegments.isEmpty ? track.segments : track.contentSegments
        let names = segments.enumerated().map { offset, segment in
            itemName(segment, kind: track.kind, number: offset + 1, quote: quote)
        }
        guard names.count > 3 else { return names.joined(separator: ", ") }
        return names.prefix(3).joined(separator: ", ") + " +\(names.count - 3) more"
    }

    /// One segment's name as listed.
    static func itemName(_ segment: Segment, kind: TrackKind, number: Int, quote: String) -> String {
        switch kind {
        case .text:
            return quote + (segment.text ?? segment.name ?? "text \(number)") + quote
        case .audio:
            return segment.name ?? "audio \(number)"
        case .video, .other:
            return segment.name ?? "clip \(number)"
        }
    }

    /// The span `0-10s` of a track.
    static func span(of track: Track) -> String {
        "\(seconds(track.startMilliseconds ?? 0))-\(seconds(track.endMilliseconds ?? 0))s"
    }

    /// Milliseconds as seconds: `10` for 10000, `2.5` for 2500, `3.3` for 3333.
    public static func seconds(_ milliseconds: Int) -> String {
        let tenths = (Double(milliseconds) / 100).rounded()
        let whole = Int(tenths) / 10
        let fraction = abs(Int(tenths) % 10)
        return fraction == 0 ? "\(whole)" : "\(whole).\(fraction)"
    }

    /// A 0-1 volume as a whole percentage, `35%`.
    static func percent(_ volume: Double) -> String {
        "\(Int((volume * 100).rounded()))%"
    }

    /// The lower-cased role of a track (`m.role` or `m.type` on the track or its first segment).
    private static func role(of track: Track) -> String {
        let sources = [track.metadata] + track.segments.prefix(1).map(\.metadata)
        for metadata in sources {
            if let role = JSONValue.object(metadata).member("role", "type", "kind")?.stringValue {
                return role.lowercased()
            }
        }
        return ""
    }
}
