/// What changed between two drafts, described for a person: used to report an edit whose stream ended without
/// text ("silent completion") and the result of disconnect recovery.
///
/// ```swift
/// let change = TimelineChange(from: before.timeline, to: after.timeline)
/// print(change.summary)   // Title added: 'Paradise Found' (0-3s)
/// ```
///
/// Tracks are paired by kind: first identical tracks, then the remaining ones of the same kind in order. A track
/// with no partner was added (or removed). Texts are quoted with single quotes, names are not.
public struct TimelineChange: Sendable, Hashable, CustomStringConvertible {
    /// One change.
    public struct Item: Sendable, Hashable {
        /// The kind of change.
        public enum Kind: Sendable, Hashable {
            /// A track appeared.
            case trackAdded
            /// A track disappeared.
            case trackRemoved
            /// A text track's text changed.
            case textChanged
            /// A one-segment track now holds something else (`BGM changed: Lo-fi → Jazz`).
            case contentChanged
            /// An audio track's volume changed.
            case volumeChanged
            /// Segments were added to a track.
            case segmentsAdded
            /// Segments were removed from a track.
            case segmentsRemoved
            /// As many segments as before, some of them different.
            case segmentsChanged
            /// Same content, new time span.
            case timingChanged
        }

        /// The kind of change.
        public var kind: Kind
        /// The label of the track concerned (`Title`, `BGM`...).
        public var label: String
        /// The change in words, e.g. `BGM volume 35% → 50%`.
        public var description: String

        /// Creates a change.
        public init(kind: Kind, label: String, description: String) {
            self.kind = kind
            self.label = label
            self.description = description
        }
    }

    /// The changes, in the order of the new timeline's tracks, removed tracks last.
    public var items: [Item]

    /// Creates a change list.
    public init(items: [Item]) {
        self.items = items
    }

    /// The changes from `old` to `new`.
    public init(from old: Timeline, to new: Timeline) {
        items = TimelineDiff(old: old, new: new).items()
    }

    /// Whether nothing a person would notice changed.
    public var isEmpty: Bool {
        items.isEmpty
    }

    /// One line per change.
    public var lines: [String] {
        items.map(\.description)
    }

    /// The changes joined with `; `, or `No change to the timeline` when there is none.
    public var summary: String {
        items.isEmpty ? "No change to the timeline" : lines.joined(separator: "; ")
    }

    /// Same as ``summary``.
    public var description: String {
        summary
    }
}
