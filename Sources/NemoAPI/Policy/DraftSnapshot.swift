/// What recovery compares: the draft and its revision, as read from the state.
public struct DraftSnapshot: Sendable, Hashable {
    /// The draft as sent (`nil` when the session has none).
    public var draft: JSONValue?
    /// The draft's revision (`draft_rev`), when sent.
    public var revision: Int?

    /// Creates a snapshot.
    public init(draft: JSONValue?, revision: Int? = nil) {
        self.draft = draft
        self.revision = revision
    }

    /// The snapshot of a state.
    public init(_ state: SessionState) {
        self.init(draft: state.draft, revision: state.draftRevision)
    }

    /// The draft as a timeline (empty without a draft).
    public var timeline: Timeline {
        draft.map(Timeline.init(draft:)) ?? Timeline(tracks: [])
    }

    /// What changed from `before` to this snapshot, in words: the timeline's changes, or, when only the revision
    /// moved, `The draft was updated (revision 2 → 3)`.
    public func report(since before: DraftSnapshot) -> String {
        let change = TimelineChange(from: before.timeline, to: timeline)
        if !change.isEmpty { return change.summary }
        let revisions = [before.revision, revision].map { $0.map(String.init) ?? "none" }
        return "The draft was updated (revision \(revisions[0]) → \(revisions[1]))"
    }
}
