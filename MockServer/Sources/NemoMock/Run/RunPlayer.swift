/// What the response body writer receives from a run.
enum RunOutput: Sendable {
    /// Bytes to send.
    case bytes([UInt8])
    /// Close the connection now (without finishing the chunked body).
    case drop
}

/// Plays a ``StreamPlan`` on the virtual clock, applying its state changes to the session. The run
/// goes on to its end even when the client disconnects, as the real backend's agent run would.
struct RunPlayer: Sendable {
    let plan: StreamPlan
    let runStart: Double
    let sessionId: String
    let userId: String
    let cost: Int
    let clock: VirtualClock
    let store: MockStore

    /// Plays the plan, feeding `continuation`; returns when the run is over.
    func play(into continuation: AsyncStream<RunOutput>.Continuation) async {
        defer { continuation.finish() }
        do {
            for item in plan.items {
                if let at = item.time { try await clock.sleep(until: runStart + at) }
                switch item {
                case .chunk(_, let bytes): continuation.yield(.bytes(bytes))
                case .state(_, let key, let value): await store.applyState(sessionId: sessionId, key: key, value: value)
                case .append(_, let path, let value):
                    await store.appendState(sessionId: sessionId, path: path, value: value)
                case .realPause(let seconds): try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                case .drop: continuation.yield(.drop)
                case .end: break
                }
            }
        } catch {
            // Cancelled at shutdown: the run ends here.
        }
        await store.finishRun(sessionId: sessionId, userId: userId, cost: cost)
    }
}

/// Closes the connection of a stream whose scenario drops it.
struct DroppedConnection: Error {}
