/// Turns an ADK event stream into the service's simplified `{"type":...}` events, event by event:
/// text parts become `text` (partials as they come; a final text only when no partial preceded it,
/// since ADK's final text repeats the whole answer), function calls `tool_call`, function
/// responses `tool_result`, comment-only blocks `heartbeat`, the error line `error`.
struct SimpleShapeConverter {
    private var sawPartial = false

    /// The simplified events for one ADK block (possibly none, e.g. an actions-only event).
    mutating func convert(_ lines: [String]) -> [JSONValue?] {
        let (data, hasData) = EventBlocks.data(of: lines)
        guard hasData else { return [.object([("type", .string("heartbeat"))])] }
        if data.isEmpty { return [nil] }
        guard let event = try? JSONParser.parse(data) else { return [.string(data)] }
        if let error = event["error"] {
            let message = event["error_details"]?["error_message"] ?? error
            return [.object([("type", .string("error")), ("message", message)])]
        }
        var out: [JSONValue?] = []
        let partial = event["partial"] == .bool(true)
        for part in event["content"]?["parts"]?.arrayValue ?? [] {
            if let text = part["text"] {
                if partial || !sawPartial { out.append(.object([("type", .string("text")), ("content", text)])) }
                sawPartial = partial
            } else if let call = part["functionCall"] {
                out.append(
                    .object([
                        ("type", .string("tool_call")), ("name", call["name"] ?? .null),
                        ("args", call["args"] ?? .object([])),
                    ]))
            } else if let response = part["functionResponse"] {
                out.append(
                    .object([
                        ("type", .string("tool_result")), ("name", response["name"] ?? .null),
                        ("result", response["response"] ?? .object([])),
                    ]))
            }
        }
        return out
    }

    /// The SSE bytes of one simplified event (`nil` = an empty `data:` line; a string = raw data).
    static func bytes(_ event: JSONValue?) -> [UInt8] {
        switch event {
        case .none: return Array("data:\n\n".utf8)
        case .string(let raw)?: return Array("data: \(raw)\n\n".utf8)
        case let value?: return Array("data: \(value.jsonText)\n\n".utf8)
        }
    }
}
