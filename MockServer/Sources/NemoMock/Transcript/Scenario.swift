/// A named behaviour of the whole mock: which transcripts answer messages, which payload and poll
/// shapes it speaks, how renders go, and which faults it injects.
public struct Scenario: Sendable {
    /// How render polls are shaped.
    public enum PollShape: String, Sendable {
        /// `{"success":true,"data":{"status":...,"outputUrl":...}}`.
        case data
        /// `{"success":true,"status":...,"output":{"url":...}}`.
        case top
    }

    /// How body-code errors (1001, 1002, 2001, 4001, 4002) travel.
    public enum ErrorStatus: String, Sendable {
        /// With a matching HTTP status: 1001 → 401, 1002 → 404, 2001 → 403, 4001 → 415, 4002 → 413.
        case http
        /// With HTTP 200 and the code only in the body.
        case ok = "200"
    }

    /// The scenario's name.
    public var name: String
    /// A one-line description.
    public var about: String = ""
    /// The SSE payload shape clients see (transcripts are converted when it differs).
    public var events: Transcript.EventShape = .adk
    /// The render poll shape.
    public var poll: PollShape = .data
    /// The render transcript every job follows.
    public var render: String = "render-ok"
    /// How body-code errors are sent.
    public var errors: ErrorStatus = .http
    /// Whether export is blocked by the free plan (HTTP 402).
    public var exportBlocked = false
    /// Transcript names (or `prefix*` patterns) tried in order for each message.
    public var transcripts: [String] = []
    /// The transcript answering messages nothing else matches.
    public var fallback: String = "fallback-reply"
    /// Faults injected in this scenario.
    public var faults: [Fault] = []

    /// Creates a scenario with default behaviour.
    public init(name: String) { self.name = name }

    /// Parses a `.scenario` file.
    public static func parse(_ text: String, file: String) throws(TranscriptError) -> Scenario {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        var scenario = Scenario(name: base.split(separator: ".").first.map(String.init) ?? base)
        var number = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            let line = raw.trimmingSpaces.trimmingCharacter("\r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw TranscriptError(file: file, line: number, message: "expected 'key: value'")
            }
            let key = line[..<colon].trimmingSpaces.lowercased()
            let value = String(line[line.index(after: colon)...].trimmingSpaces)
            func bad(_ message: String) -> TranscriptError {
                TranscriptError(file: file, line: number, message: message)
            }
            switch key {
            case "name": scenario.name = value
            case "about": scenario.about = value
            case "events":
                guard let shape = Transcript.EventShape(rawValue: value) else { throw bad("events is adk or simple") }
                scenario.events = shape
            case "poll":
                guard let poll = PollShape(rawValue: value) else { throw bad("poll is data or top") }
                scenario.poll = poll
            case "render": scenario.render = value
            case "errors":
                guard let errors = ErrorStatus(rawValue: value) else { throw bad("errors is http or 200") }
                scenario.errors = errors
            case "export":
                guard value == "allowed" || value == "blocked" else { throw bad("export is allowed or blocked") }
                scenario.exportBlocked = value == "blocked"
            case "transcripts":
                scenario.transcripts += value.split(separator: ",").map { String($0.trimmingSpaces) }
            case "fallback": scenario.fallback = value
            case "fault":
                guard let fault = Fault.parse(value) else { throw bad("cannot read fault '\(value)'") }
                scenario.faults.append(fault)
            default: throw bad("unknown key '\(key)'")
            }
        }
        return scenario
    }
}

extension Substring {
    /// The text without one trailing `character`.
    func trimmingCharacter(_ character: Character) -> Substring {
        last == character ? dropLast() : self
    }
}
