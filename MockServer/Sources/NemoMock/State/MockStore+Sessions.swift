extension MockStore {
    /// The state of a new session.
    static let initialState: JSONValue = .object([
        ("draft", .object([("t", .array([]))])),
        ("draft_rev", .int(0)),
        ("draft_status", .string("empty")),
        ("video_infos", .array([])),
        ("canvas_config", .object([("width", .int(1920)), ("height", .int(1080)), ("aspect_ratio", .string("16:9"))])),
        ("video_analyses", .array([])),
        ("generated_media", .array([])),
    ])

    /// Creates a session for `userId`.
    func createSession(userId: String, language: String, scenario: String?) -> SessionRecord {
        let session = SessionRecord(
            sessionId: random.digits(19), taskId: random.digits(16), userId: userId, language: language,
            scenario: scenario, state: Self.initialState, lastUpdate: clock.now())
        sessions[session.sessionId] = session
        return session
    }

    /// The session `id` if it belongs to `userId`.
    func session(_ id: String, userId: String) throws(APIFailure) -> SessionRecord {
        guard let session = sessions[id], session.userId == userId else { throw .sessionNotFound }
        return session
    }

    /// Starts a run: counts the turn, lets `select` choose the transcript, freezes its cost.
    func startRun(
        sessionId: String, userId: String, scenario: String,
        select: (Int) -> Transcript?
    ) throws(APIFailure) -> (transcript: Transcript, session: SessionRecord) {
        guard var session = sessions[sessionId], session.userId == userId else { throw .sessionNotFound }
        guard let transcript = select(session.turns + 1) else {
            throw APIFailure(envelope: .http(500), message: "The scenario has no transcript for this message")
        }
        guard var balance = balances[userId] else { throw .tokenInvalid }
        guard balance.available >= transcript.cost else { throw .noCredits(bind: balance.bind) }
        balance.available -= transcript.cost
        balance.frozen += transcript.cost
        balances[userId] = balance
        session.turns += 1
        session.runsInProgress += 1
        if session.scenario == nil { session.scenario = scenario }
        sessions[sessionId] = session
        return (transcript, session)
    }

    /// Ends a run: the frozen cost is charged.
    func finishRun(sessionId: String, userId: String, cost: Int) {
        if var balance = balances[userId] {
            balance.frozen -= cost
            balances[userId] = balance
        }
        sessions[sessionId]?.runsInProgress -= 1
    }

    /// Sets one key of a session's state (a run's `state` step).
    func applyState(sessionId: String, key: String, value: JSONValue) {
        guard var session = sessions[sessionId] else { return }
        session.state = session.state.setting(key, to: value)
        session.lastUpdate = clock.now()
        sessions[sessionId] = session
    }

    /// Appends `value` to the array at `path` (e.g. `["draft", "t"]`) of a session's state.
    func appendState(sessionId: String, path: [String], value: JSONValue) {
        guard var session = sessions[sessionId], !path.isEmpty else { return }
        session.state = Self.appending(value, at: path[...], in: session.state)
        session.lastUpdate = clock.now()
        sessions[sessionId] = session
    }

    private static func appending(_ value: JSONValue, at path: ArraySlice<String>, in container: JSONValue) -> JSONValue
    {
        guard let key = path.first else {
            return .array((container.arrayValue ?? []) + [value])
        }
        let child = container[key] ?? (path.count == 1 ? .array([]) : .object([]))
        return container.setting(key, to: appending(value, at: path.dropFirst(), in: child))
    }

    /// Adds uploaded files to a session and to its `video_infos`.
    func addUploads(sessionId: String, files: [UploadedFile]) {
        guard var session = sessions[sessionId] else { return }
        session.uploads += files
        let infos = (session.state["video_infos"]?.arrayValue ?? []) + files.map(\.json)
        session.state = session.state.setting("video_infos", to: .array(infos))
        session.lastUpdate = clock.now()
        sessions[sessionId] = session
    }

    /// The names already used in a session's upload folder.
    func uploadNames(sessionId: String) -> Set<String> {
        Set(sessions[sessionId]?.uploads.map(\.filename) ?? [])
    }
}
