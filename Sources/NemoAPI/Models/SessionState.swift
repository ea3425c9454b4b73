/// The answer to `GET /api/state/nemo_agent/me/<sid>/latest`: the session's `data.state`.
///
/// The draft is kept as sent (``draft``, for export) and read as a ``Timeline``. Keys the documents do not
/// name are kept in ``values``.
public struct SessionState: WireDecodable, Hashable {
    /// The draft as sent (`state.draft`), for the export request; `nil` before there is one.
    public var draft: JSONValue?
    /// The draft read as a timeline (empty when there is no draft).
    public var timeline: Timeline
    /// The draft's revision (`draft_rev`), when sent.
    public var draftRevision: Int?
    /// The draft's status (`draft_status`: `raw`, `ready`...), when sent.
    public var draftStatus: String?
    /// `video_infos`: one entry per uploaded or generated video (an object keyed by id becomes its values).
    public var videoInfos: [JSONValue]
    /// `canvas_config`, when sent.
    public var canvas: CanvasConfig?
    /// `video_analyses`, as sent.
    public var videoAnalyses: JSONValue?
    /// `generated_media`: what the agent generated (an object keyed by id becomes its values).
    public var generatedMedia: [JSONValue]
    /// The registration bind id, when the state carries one (for the 2001 registration link).
    public var bindID: String?
    /// Every member of the state object.
    public var values: [String: JSONValue]

    /// Creates a state from its members.
    public init(values: [String: JSONValue]) {
        self.values = values
        let state = JSONValue.object(values)
        draft = state.member("draft").map(\.unwrappingJSONText)
        timeline = draft.map(Timeline.init(draft:)) ?? Timeline(tracks: [])
        draftRevision = state.member("draft_rev", "draftRev", "draft_revision")?.lenientInt
        draftStatus = state.member("draft_status", "draftStatus")?.lenientString
        videoInfos = Self.list(state.member("video_infos", "videoInfos"))
        canvas = state.member("canvas_config", "canvasConfig").flatMap(CanvasConfig.init(wire:))
        videoAnalyses = state.member("video_analyses", "videoAnalyses")
        generatedMedia = Self.list(state.member("generated_media", "generatedMedia"))
        bindID = state.member("bind", "bind_id", "bindId")?.lenientString
    }

    /// Reads `data`: its `state` member, or `data` itself when it has no `state` (an empty state is valid).
    public init(wire payload: JSONValue) throws(NemoAPIError) {
        let object = try WireObject(payload, "session state")
        let state = object.any("state")?.unwrappingJSONText ?? payload
        guard let values = state.objectValue else {
            throw .malformedResponse("session state: `state` is \(state.kindName), expected an object")
        }
        self.init(values: values)
        if bindID == nil { bindID = object.string("bind", "bind_id", "bindId") }
    }

    /// Whether the draft can be exported: at least one track with segments.
    public var isReadyForExport: Bool {
        timeline.isReadyForExport
    }

    /// An array as is, an object's values in key order, anything else empty.
    private static func list(_ value: JSONValue?) -> [JSONValue] {
        switch value {
        case .array(let items)?: items
        case .object(let members)?: members.keys.sorted().map { members[$0]! }
        default: []
        }
    }
}
