import HTTPTypes
import HummingbirdCore

extension MockService {
    /// `/_mock/...`: health, reset, clock, journal, scenario choice and listings.
    func admin(_ action: String, _ request: MockRequest) async throws -> Response {
        switch action {
        case "GET health":
            return Self.json(
                .object([
                    ("status", .string("ok")), ("time", .number(Timestamp.seconds(clock.now()))),
                    ("timeScale", .double(clock.scale)), ("seed", .number(String(configuration.seed))),
                ]))
        case "POST reset":
            await store.reset()
            clearUploads()
            return Self.json(.object([("status", .string("reset"))]))
        case "GET clock":
            return clockBody()
        case "POST clock/advance":
            let body = try request.jsonObject()
            guard let text = body["seconds"].flatMap({ if case .number(let n) = $0 { n } else { nil } }),
                let seconds = Double(text), seconds >= 0
            else { throw APIFailure.badRequest("Give {\"seconds\": N} with N >= 0") }
            clock.advance(by: seconds)
            return clockBody()
        case "GET journal":
            let entries = await store.journal
            return Self.json(.object([("entries", .array(entries.map(\.json)))]))
        case "GET scenarios":
            let list = library.scenarios.values.sorted { $0.name < $1.name }.map { scenario in
                JSONValue.object([("name", .string(scenario.name)), ("about", .string(scenario.about))])
            }
            let current = await store.scenarioOverride ?? configuration.defaultScenario
            return Self.json(.object([("current", .string(current)), ("scenarios", .array(list))]))
        case "POST scenario":
            let body = try request.jsonObject()
            let name = body["name"]?.stringValue
            if let name, library.scenarios[name] == nil {
                throw APIFailure.badRequest("Unknown scenario '\(name)': GET /_mock/scenarios lists them")
            }
            await store.setScenario(name)
            return Self.json(.object([("current", .string(name ?? configuration.defaultScenario))]))
        case "GET transcripts":
            let list = library.transcripts.values.sorted { $0.name < $1.name }.map { transcript in
                JSONValue.object([
                    ("name", .string(transcript.name)), ("kind", .string(transcript.kind.rawValue)),
                    ("about", .string(transcript.about)), ("cost", .int(transcript.cost)),
                    (
                        "duration",
                        .double(
                            transcript.kind == .render
                                ? transcript.renderStates.last?.at ?? 0 : transcript.duration)
                    ),
                ])
            }
            return Self.json(.object([("transcripts", .array(list))]))
        default:
            throw APIFailure.notFound(request.path)
        }
    }

    private func clockBody() -> Response {
        let now = clock.now()
        return Self.json(
            .object([
                ("now", .number(Timestamp.seconds(now))), ("iso", .string(Timestamp.iso8601(now))),
                ("timeScale", .double(clock.scale)),
            ]))
    }
}
