extension JSONValue {
    /// The first member present (and not `null`) among `keys`, for fields the documents spell several ways
    /// (`outputUrl`, `output_url`, ...).
    public func member(_ keys: String...) -> JSONValue? {
        member(in: keys)
    }

    /// The first member present (and not `null`) among `keys`.
    public func member(in keys: [String]) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for key in keys {
            if let value = members[key], value != .null { return value }
        }
        return nil
    }

    /// The value as text: a string as is, a number without a needless `.0` (`12345`), a Boolean as
    /// `true`/`false`; `nil` for null, arrays and objects.
    ///
    /// Ids are documented as strings but some services send them as numbers: both are accepted.
    public var lenientString: String? {
        switch self {
        case .string(let text): text
        case .number(let number):
            if let integer = Int64(exactly: number) {
                String(integer)
            } else if number.isFinite {
                String(number)
            } else {
                nil
            }
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    /// The value as a number: a JSON number, or a string holding one (`"42"`, `" 3.5 "`); `nil` otherwise.
    public var lenientDouble: Double? {
        switch self {
        case .number(let number): number.isFinite ? number : nil
        case .string(let text):
            Double(text.trimmingWhitespace).flatMap { $0.isFinite ? $0 : nil }
        default: nil
        }
    }

    /// The value as an integer: a number or numeric string, fractions truncated toward zero (`42.9` → 42);
    /// `nil` when it is not a number or does not fit.
    public var lenientInt: Int? {
        guard let number = lenientDouble else { return nil }
        let truncated = number.rounded(.towardZero)
        guard truncated >= -9.0e18, truncated <= 9.0e18 else { return nil }
        return Int(truncated)
    }

    /// The value as a Boolean: `true`/`false`, the strings `"true"`/`"false"`/`"1"`/`"0"` (any case), or the
    /// numbers 1 and 0; `nil` otherwise.
    public var lenientBool: Bool? {
        switch self {
        case .bool(let flag): return flag
        case .number(let number): return number == 1 ? true : (number == 0 ? false : nil)
        case .string(let text):
            switch text.trimmingWhitespace.lowercased() {
            case "true", "1", "yes": return true
            case "false", "0", "no": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// The value as JSON: itself, or, when it is a string holding a JSON object or array, the parsed value
    /// (some services send nested documents such as the draft as text).
    public var unwrappingJSONText: JSONValue {
        guard case .string(let text) = self else { return self }
        let trimmed = text.trimmingWhitespace
        guard trimmed.hasPrefix("{") || trimmed.hasPrefix("["), let parsed = try? JSONValue(parsing: trimmed) else {
            return self
        }
        return parsed
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines.
    var trimmingWhitespace: String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
