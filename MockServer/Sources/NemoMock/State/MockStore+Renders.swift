/// A render job as seen at one moment.
struct RenderSnapshot: Sendable {
    var record: RenderRecord
    var status: String
    var progress: Int
    var message: String?
    var completedAt: Double?
}

extension MockStore {
    /// Registers a render job; ids are never reused, also not after a failure.
    func submitRender(
        id: String, sessionId: String, userId: String, states: [Transcript.RenderState],
        pollShape: Scenario.PollShape, local: LocalRender? = nil
    ) throws(APIFailure) -> RenderSnapshot {
        guard renders[id] == nil else {
            throw .render(409, "duplicate_id", "Render id '\(id)' was already used: submit again with a new id")
        }
        let record = RenderRecord(
            id: id, sessionId: sessionId, userId: userId, submittedAt: clock.now(), states: states,
            cancelledAt: nil, pollShape: pollShape, local: local)
        renders[id] = record
        return snapshot(record)
    }

    /// The job `id` now; at time scale 0 each poll moves the clock to the job's next state.
    func pollRender(id: String, userId: String?, advance: Bool) throws(APIFailure) -> RenderSnapshot {
        guard let record = renders[id], userId == nil || record.userId == userId else {
            throw .render(404, "not_found", "No render job '\(id)': check the id, or submit the export again")
        }
        if advance, clock.scale == 0, record.cancelledAt == nil {
            let elapsed = clock.now() - record.submittedAt
            let current = snapshot(record)
            if !["completed", "failed"].contains(current.status),
                let next = record.states.first(where: { $0.at > elapsed })
            {
                clock.advance(to: record.submittedAt + next.at)
            }
        }
        return snapshot(record)
    }

    /// Cancels a job that has not finished.
    func cancelRender(id: String, userId: String) throws(APIFailure) -> RenderSnapshot {
        let current = try pollRender(id: id, userId: userId, advance: false)
        guard ["pending", "processing"].contains(current.status) else {
            throw .render(409, "not_cancellable", "Render '\(id)' is \(current.status) and cannot be cancelled")
        }
        renders[id]?.cancelledAt = clock.now()
        return snapshot(renders[id]!)
    }

    /// Records how far the real render of job `id` has come.
    func updateLocalRender(id: String, progress: Double) {
        renders[id]?.local?.progress = progress
    }

    /// Records that the real render of job `id` ended, with its failure message if it failed.
    func finishLocalRender(id: String, failure: String?) {
        renders[id]?.local?.finished = true
        renders[id]?.local?.failure = failure
        renders[id]?.local?.progress = 1
    }

    /// Whether job `id` has a real render still running.
    func isRendering(id: String) -> Bool {
        guard let local = renders[id]?.local else { return false }
        return !local.finished
    }

    /// The MP4 the real render of job `id` wrote, once it finished without failure.
    func renderedFile(id: String) -> String? {
        guard let local = renders[id]?.local, local.finished, local.failure == nil else { return nil }
        return local.path
    }

    private func snapshot(_ record: RenderRecord) -> RenderSnapshot {
        let scripted = scriptedSnapshot(record)
        // The script says when the job completes; a real render still running holds it at "processing", and a
        // real render that failed fails the job with its message.
        guard scripted.status == "completed", let local = record.local else { return scripted }
        if let failure = local.failure {
            return RenderSnapshot(
                record: record, status: "failed", progress: scripted.progress, message: failure,
                completedAt: scripted.completedAt)
        }
        guard local.finished else {
            return RenderSnapshot(
                record: record, status: "processing", progress: min(99, Int(local.progress * 100)), completedAt: nil)
        }
        return scripted
    }

    private func scriptedSnapshot(_ record: RenderRecord) -> RenderSnapshot {
        if let cancelled = record.cancelledAt {
            let before = state(of: record, at: cancelled - record.submittedAt)
            return RenderSnapshot(
                record: record, status: "cancelled", progress: before.progress, completedAt: cancelled)
        }
        let current = state(of: record, at: clock.now() - record.submittedAt)
        let done = ["completed", "failed"].contains(current.status)
        return RenderSnapshot(
            record: record, status: current.status, progress: current.progress, message: current.message,
            completedAt: done ? record.submittedAt + current.at : nil)
    }

    private func state(of record: RenderRecord, at elapsed: Double) -> Transcript.RenderState {
        record.states.last(where: { $0.at <= elapsed + 1e-9 })
            ?? Transcript.RenderState(at: 0, status: "pending", progress: 0, message: nil)
    }
}
