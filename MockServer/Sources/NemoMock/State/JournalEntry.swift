/// One request as the journal keeps it: secrets redacted, binary bodies summarised.
public struct JournalEntry: Sendable, Equatable {
    /// Position in the journal, from 1.
    public var sequence: Int
    /// Virtual time the request arrived.
    public var time: Double
    /// HTTP method.
    public var method: String
    /// Path with query.
    public var path: String
    /// Request headers in order, `Authorization` redacted.
    public var headers: [(String, String)]
    /// The body as text, or a summary (`<N bytes sha256:...>`) when it is binary or large.
    public var body: String
    /// The response status.
    public var status: Int

    /// The entry as JSON.
    public var json: JSONValue {
        .object([
            ("seq", .int(sequence)),
            ("time", .number(Timestamp.seconds(time))),
            ("method", .string(method)),
            ("path", .string(path)),
            ("headers", .array(headers.map { .array([.string($0.0), .string($0.1)]) })),
            ("body", .string(body)),
            ("status", .int(status)),
        ])
    }

    /// Entries are equal when their JSON is.
    public static func == (lhs: JournalEntry, rhs: JournalEntry) -> Bool {
        lhs.json == rhs.json
    }

    /// Header names whose values never reach the journal.
    static let secretHeaders: Set<String> = ["authorization", "cookie", "proxy-authorization"]

    /// A header value as the journal stores it.
    static func redact(name: String, value: String) -> String {
        guard secretHeaders.contains(name.lowercased()) else { return value }
        let scheme = value.split(separator: " ").first.map { "\($0) " } ?? ""
        return value.contains(" ") ? "\(scheme)<redacted>" : "<redacted>"
    }
}
