/// One thing an ``SSEParser`` reports: a dispatched event, or a comment line when comments are reported.
public enum SSEItem: Sendable, Equatable, Hashable {
    /// An event, dispatched by a blank line.
    case event(SSEEvent)
    /// A comment line (`:text`), with the text after the colon and one leading space removed.
    ///
    /// Servers and proxies send comments as heartbeats: they are a sign of liveness and nothing else.
    case comment(String)
}
