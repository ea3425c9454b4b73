/// The draft's timeline, read from the draft JSON's short keys: `t` tracks, `tt` track type (0 video, 1 audio,
/// 7 text), `sg` segments, `d` duration in milliseconds, `m` metadata.
///
/// Reading never fails: what is not understood is skipped (a track that is not an object, a segment without a
/// duration counts as 0 ms). Segments follow one another on their track unless one gives its own start
/// (`s`, `st`, `start`, `start_ms` or `m.start_ms`, in milliseconds); a segment may give its end (`e`, `end`,
/// `end_ms`) instead of `d`. Numbers sent as strings are accepted, and a draft sent as JSON text is parsed.
public struct Timeline: Sendable, Hashable {
    /// The tracks, in draft order.
    public var tracks: [Track]

    /// Creates a timeline from tracks.
    public init(tracks: [Track]) {
        self.tracks = tracks
    }

    /// Reads a draft (`{"t":[...]}`, or the JSON text of one); anything else is an empty timeline.
    public init(draft: JSONValue) {
        let draft = draft.unwrappingJSONText
        let items = draft.member("t", "tracks")?.unwrappingJSONText.arrayValue ?? draft.arrayValue ?? []
        tracks = items.compactMap(Track.init(wire:))
    }

    /// Whether the draft can be exported: at least one track has a segment (the documented rule; the render
    /// endpoint refuses other drafts with 400 `empty_draft`).
    public var isReadyForExport: Bool {
        tracks.contains { !$0.segments.isEmpty }
    }

    /// Where the last segment of any track ends, in milliseconds (0 when there is none).
    public var durationMilliseconds: Int {
        tracks.compactMap(\.endMilliseconds).max() ?? 0
    }
}

extension Timeline {
    /// What a track holds, from its `tt` code.
    public enum TrackKind: Sendable, Hashable {
        /// `tt` 0: video or images.
        case video
        /// `tt` 1: audio (background music, voice).
        case audio
        /// `tt` 7: text (titles, captions).
        case text
        /// Any other code (`-1` when the track has none).
        case other(Int)

        /// The kind for a `tt` code.
        public init(code: Int) {
            switch code {
            case 0: self = .video
            case 1: self = .audio
            case 7: self = .text
            default: self = .other(code)
            }
        }

        /// The `tt` code.
        public var code: Int {
            switch self {
            case .video: 0
            case .audio: 1
            case .text: 7
            case .other(let code): code
            }
        }
    }
}
