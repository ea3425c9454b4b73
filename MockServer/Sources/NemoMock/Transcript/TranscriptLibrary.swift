public import Foundation

/// All transcripts and scenarios of a fixtures folder, loaded once and validated.
public struct TranscriptLibrary: Sendable {
    /// Stream and render transcripts by name.
    public private(set) var transcripts: [String: Transcript] = [:]
    /// Scenarios by name.
    public private(set) var scenarios: [String: Scenario] = [:]

    /// Creates a library from values (mostly for tests).
    public init(transcripts: [Transcript], scenarios: [Scenario]) throws(TranscriptError) {
        for transcript in transcripts {
            guard self.transcripts[transcript.name] == nil else {
                throw TranscriptError(file: transcript.name, line: 0, message: "two transcripts share this name")
            }
            self.transcripts[transcript.name] = transcript
        }
        for scenario in scenarios { self.scenarios[scenario.name] = scenario }
        try validate()
    }

    /// Loads every `*.transcript` and `*.scenario` file in `folder` (the fixtures' `transcripts/`).
    public static func load(from folder: URL) throws(TranscriptError) -> TranscriptLibrary {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            throw TranscriptError(file: folder.path, line: 0, message: "cannot list the folder: pass --fixtures DIR")
        }
        var transcripts: [Transcript] = []
        var scenarios: [Scenario] = []
        for name in names where name.hasSuffix(".transcript") || name.hasSuffix(".scenario") {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path),
                let text = String(data: data, encoding: .utf8)
            else { throw TranscriptError(file: url.path, line: 0, message: "not readable as UTF-8 text") }
            if name.hasSuffix(".transcript") {
                transcripts.append(try TranscriptParser.parse(text, file: name))
            } else {
                scenarios.append(try Scenario.parse(text, file: name))
            }
        }
        return try TranscriptLibrary(transcripts: transcripts, scenarios: scenarios)
    }

    /// Checks that every name a scenario refers to exists.
    private func validate() throws(TranscriptError) {
        for scenario in scenarios.values {
            let file = "\(scenario.name).scenario"
            guard transcripts[scenario.render]?.kind == .render else {
                throw TranscriptError(file: file, line: 0, message: "render transcript '\(scenario.render)' not found")
            }
            guard transcripts[scenario.fallback]?.kind == .stream else {
                throw TranscriptError(file: file, line: 0, message: "fallback '\(scenario.fallback)' not found")
            }
            for pattern in scenario.transcripts where expand(pattern).isEmpty {
                throw TranscriptError(file: file, line: 0, message: "no stream transcript matches '\(pattern)'")
            }
        }
    }

    /// Stream transcripts named by `pattern` (`name`, or `prefix*`), sorted by name.
    func expand(_ pattern: String) -> [Transcript] {
        let streams = transcripts.values.filter { $0.kind == .stream }
        if pattern.hasSuffix("*") {
            let prefix = pattern.dropLast()
            return streams.filter { $0.name.hasPrefix(prefix) }.sorted { $0.name < $1.name }
        }
        return streams.filter { $0.name == pattern }
    }

    /// The transcript that answers message number `turn` with `text` from `profile` in `scenario`.
    public func select(scenario: Scenario, text: String, profile: String?, turn: Int) -> Transcript? {
        for pattern in scenario.transcripts {
            for transcript in expand(pattern) where transcript.match.matches(text: text, profile: profile, turn: turn) {
                return transcript
            }
        }
        return transcripts[scenario.fallback]
    }
}
