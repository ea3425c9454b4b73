/// A picture and the part of it a frame shows.
struct PictureView: Sendable {
    /// The decoded picture.
    var picture: SourcePicture
    /// Which part fills the canvas.
    var viewport: Viewport
}

/// The next segment's picture while a transition is under way.
struct IncomingPicture: Sendable {
    /// The decoded picture.
    var picture: SourcePicture
    /// Which part fills the canvas.
    var viewport: Viewport
    /// How it replaces the primary picture.
    var transition: TransitionKind
    /// 0 (only the primary picture) ... 1 (only this one).
    var progress: Double
}

/// A title drawn over the pictures at some opacity.
struct TitleOverlay: Sendable {
    /// The pre-rendered title.
    var title: TitleImage
    /// 0 (invisible) ... 1 (fully drawn); fades animate this.
    var opacity: Double
}

/// What one frame shows: the current picture, the next one during a transition, and the titles on top (in order).
struct FrameDescription: Sendable {
    /// The current segment's picture.
    var primary: PictureView
    /// The next segment's picture during a transition, else nil.
    var incoming: IncomingPicture?
    /// Titles, drawn in order over the pictures.
    var titles: [TitleOverlay]

    /// A frame description; by default no transition and no titles.
    init(primary: PictureView, incoming: IncomingPicture? = nil, titles: [TitleOverlay] = []) {
        self.primary = primary
        self.incoming = incoming
        self.titles = titles
    }
}
