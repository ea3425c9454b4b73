/// The ADK server's error body, sent before a stream starts: `404 {"detail":"Session not found: ..."}`, or, for a
/// request it cannot validate (422), FastAPI's list `{"detail":[{"loc":[...],"msg":"...","type":"..."}]}`.
public struct ADKErrorBody: Sendable, Hashable {
    /// The error as one line: the text, or the validation errors as `loc: msg` joined with `; `.
    public var detail: String

    /// Reads the body; `nil` when it has no usable `detail`.
    public init?(body: JSONValue) {
        switch body["detail"] {
        case .string(let text)?:
            guard !text.isEmpty else { return nil }
            detail = text
        case .array(let items)?:
            let lines = items.compactMap(Self.line(of:))
            guard !lines.isEmpty else { return nil }
            detail = lines.joined(separator: "; ")
        case .object(let members)?:
            guard let text = members["msg"]?.stringValue ?? members["message"]?.stringValue else { return nil }
            detail = text
        default:
            return nil
        }
    }

    /// Whether the detail says the session does not exist (the ADK wording of the service's 1002).
    public var isSessionNotFound: Bool {
        detail.lowercased().contains("session not found")
    }

    /// One validation error as `body.new_message: Field required`.
    private static func line(of item: JSONValue) -> String? {
        if let text = item.stringValue { return text }
        guard let message = item["msg"]?.stringValue ?? item["message"]?.stringValue else { return nil }
        let location = item["loc"]?.arrayValue?.compactMap(\.lenientString).joined(separator: ".") ?? ""
        return location.isEmpty ? message : "\(location): \(message)"
    }
}
