extension Timeline {
    /// One track: its kind, its segments in time order as sent, and its own metadata (`m`), if any.
    public struct Track: Sendable, Hashable {
        /// What the track holds.
        public var kind: TrackKind
        /// The segments, with resolved start times.
        public var segments: [Segment]
        /// The track's own metadata (`m` on the track), usually empty.
        public var metadata: [String: JSONValue]

        /// Creates a track.
        public init(kind: TrackKind, segments: [Segment], metadata: [String: JSONValue] = [:]) {
            self.kind = kind
            self.segments = segments
            self.metadata = metadata
        }

        /// Reads one entry of `t`; `nil` when it is not an object.
        init?(wire value: JSONValue) {
            guard let members = value.objectValue else { return nil }
            let track = JSONValue.object(members)
            kind = TrackKind(code: track.member("tt", "type")?.lenientInt ?? -1)
            metadata = track.member("m", "meta", "metadata")?.objectValue ?? [:]
            var cursor = 0
            var segments: [Segment] = []
            for item in track.member("sg", "segments")?.unwrappingJSONText.arrayValue ?? [] {
                guard let segment = Segment(wire: item, defaultStart: cursor) else { continue }
                segments.append(segment)
                cursor = max(cursor, segment.endMilliseconds)
            }
            self.segments = segments
        }

        /// The segments that carry content (not transitions).
        public var contentSegments: [Segment] {
            segments.filter { !$0.isTransition }
        }

        /// Where the track's first content segment starts, in milliseconds; `nil` without segments.
        public var startMilliseconds: Int? {
            (contentSegments.isEmpty ? segments : contentSegments).map(\.startMilliseconds).min()
        }

        /// Where the track's last segment ends, in milliseconds; `nil` without segments.
        public var endMilliseconds: Int? {
            segments.map(\.endMilliseconds).max()
        }

        /// The volume the track plays at, 0-1: the first segment's `m.volume`, else the track's; `nil` when
        /// none is given. A value above 1 is read as a percentage (35 → 0.35).
        public var volume: Double? {
            let value = contentSegments.lazy.compactMap(\.volume).first ?? metadata["volume"]?.lenientDouble
            return value.map(Segment.normalizedVolume)
        }
    }

    /// One segment of a track.
    public struct Segment: Sendable, Hashable {
        /// Where the segment starts on the timeline, in milliseconds.
        public var startMilliseconds: Int
        /// How long it lasts, in milliseconds (`d`).
        public var durationMilliseconds: Int
        /// Its metadata (`m`): `name`, `text`, `volume`, `filename`, `cdn_url`...
        public var metadata: [String: JSONValue]

        /// Creates a segment.
        public init(startMilliseconds: Int = 0, durationMilliseconds: Int, metadata: [String: JSONValue] = [:]) {
            self.startMilliseconds = startMilliseconds
            self.durationMilliseconds = durationMilliseconds
            self.metadata = metadata
        }

        /// Reads one entry of `sg`, placed at `defaultStart` unless it gives its own start.
        init?(wire value: JSONValue, defaultStart: Int) {
            guard case .object = value else { return nil }
            metadata = value.member("m", "meta", "metadata")?.objectValue ?? [:]
            let meta = JSONValue.object(metadata)
            let start = value.member("s", "st", "start", "start_ms", "startMs")?.lenientInt
                ?? meta.member("start_ms", "startMs")?.lenientInt
            startMilliseconds = max(0, start ?? defaultStart)
            if let duration = value.member("d", "duration", "dur", "duration_ms")?.lenientInt {
                durationMilliseconds = max(0, duration)
            } else if let end = value.member("e", "end", "end_ms", "endMs")?.lenientInt {
                durationMilliseconds = max(0, end - startMilliseconds)
            } else {
                durationMilliseconds = 0
            }
        }

        /// Where the segment ends, in milliseconds.
        public var endMilliseconds: Int {
            startMilliseconds + durationMilliseconds
        }

        /// Whether the segment is a transition between clips (`m.transition`), not content.
        public var isTransition: Bool {
            metadata["transition"] != nil
        }

        /// The segment's text (`m.text`, `m.content`), for text tracks.
        public var text: String? {
            JSONValue.object(metadata).member("text", "content", "caption")?.lenientString
        }

        /// The segment's name for a person: `m.name`, `m.title`, `m.label`, `m.filename`, the last component of
        /// `m.cdn_url`/`m.url`/`m.src`, or `m.media_id`; `nil` when it has none.
        public var name: String? {
            let meta = JSONValue.object(metadata)
            if let name = meta.member("name", "title", "label", "filename", "file_name")?.lenientString,
                !name.trimmingWhitespace.isEmpty
            {
                return name.trimmingWhitespace
            }
            if let url = meta.member("cdn_url", "url", "src")?.stringValue {
                let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
                if let last = path.split(separator: "/").last, !last.isEmpty { return String(last) }
            }
            return meta.member("media_id", "mediaId", "id")?.lenientString
        }

        /// `m.volume` as sent, when present.
        public var volume: Double? {
            metadata["volume"]?.lenientDouble
        }

        /// A volume as a share of full volume: values above 1 are percentages.
        static func normalizedVolume(_ value: Double) -> Double {
            value > 1 ? value / 100 : max(0, value)
        }
    }
}
