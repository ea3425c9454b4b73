import HTTPTypes
import HummingbirdCore
import NIOCore
import Synchronization

extension MockService {
    /// `POST /run_sse`: picks the transcript for the message and streams it.
    func run(_ request: MockRequest) async throws -> Response {
        let userId = try await store.authenticate(request.header("authorization"))
        let body = try request.jsonObject()
        guard let sessionId = body["session_id"]?.stringValue, !sessionId.isEmpty else {
            throw APIFailure.badRequest("session_id is required: create a session first")
        }
        if let app = body["app_name"]?.stringValue, app != "nemo_agent" {
            throw APIFailure(envelope: .http(404), message: "App not found: '\(app)'; use nemo_agent")
        }
        guard let parts = body["new_message"]?["parts"]?.arrayValue else {
            throw APIFailure.badRequest("new_message.parts is required: {\"parts\":[{\"text\":\"...\"}]}")
        }
        let text = parts.compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
        let scenario = request.scenario
        let library = self.library
        let profile = request.profile
        let (transcript, session) = try await store.startRun(
            sessionId: sessionId, userId: userId, scenario: scenario.name
        ) { turn in
            library.select(scenario: scenario, text: text, profile: profile, turn: turn)
        }
        let runStart = clock.now()
        var context = TemplateContext(
            runStart: runStart, sessionId: sessionId, text: text, uploads: session.uploads,
            seed: await store.nextRunSeed())
        context.baseURL = request.baseURL
        let plan: StreamPlan
        do {
            plan = try StreamPlan.build(
                transcript: transcript, context: &context, events: scenario.events, faults: request.faults)
        } catch {
            await store.finishRun(sessionId: sessionId, userId: userId, cost: transcript.cost)
            throw error
        }
        let player = RunPlayer(
            plan: plan, runStart: runStart, sessionId: sessionId, userId: userId, cost: transcript.cost,
            clock: clock, store: store)
        let (stream, continuation) = AsyncStream<RunOutput>.makeStream()
        startRun(player, continuation)
        var headers = HTTPFields()
        for (name, value) in transcript.headers {
            if let field = HTTPField.Name(name) { headers.append(.init(name: field, value: value)) }
        }
        if scenario.events == .simple, transcript.shape == .adk, headers[.contentType] == nil {
            headers[.contentType] = "text/event-stream; charset=utf-8"
        }
        return Response(
            status: .init(code: transcript.status), headers: headers,
            body: ResponseBody { writer in
                for await output in stream {
                    switch output {
                    case .bytes(let bytes): try await writer.write(ByteBuffer(bytes: bytes))
                    case .drop: throw DroppedConnection()
                    }
                }
                try await writer.finish(nil)
            })
    }

    /// Runs `player` in its own task, kept until it ends so that shutdown can cancel it.
    private func startRun(_ player: RunPlayer, _ continuation: AsyncStream<RunOutput>.Continuation) {
        let id = runIds.add(1, ordering: .relaxed).newValue
        runs.withLock { runs in
            runs[id] = Task { [weak self] in
                await player.play(into: continuation)
                _ = self?.runs.withLock { $0.removeValue(forKey: id) }
            }
        }
    }
}
