import Foundation
import Logging

extension NemoClient {
    /// Sends a message to the agent (`POST /run_sse`) and streams what happens.
    ///
    /// The message is sent once. A refusal before the service accepted it (1001, 1002, 400, 429) is handled and the
    /// message replayed as the policy says; once accepted (HTTP 200 and the stream began) it is never sent again: a
    /// dropped, failed or silent stream is reconciled from the session state on the documented schedule, and a
    /// silent completion is reported as the change in the draft.
    ///
    /// The stream is read while the caller handles earlier updates, but never more than
    /// ``MessageUpdates/unreadLimit`` updates ahead: a slow consumer makes the client wait, so memory stays bounded
    /// however long the stream is.
    public nonisolated func send(message text: String) -> MessageUpdates {
        let unread = MessageUpdates.Counter()
        let producer = MessageUpdates.Producer()
        let stream = AsyncThrowingStream<MessageUpdate, any Error> { continuation in
            let task = Task {
                do {
                    try await self.run(
                        message: text,
                        emit: { update in
                            unread.add(1)
                            continuation.yield(update)
                        },
                        pace: { await unread.waitUntilBelow(MessageUpdates.unreadLimit) })
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            producer.run(task)
            continuation.onTermination = { _ in task.cancel() }
        }
        return MessageUpdates(stream: stream, unread: unread, producer: producer)
    }

    /// Sends a message like ``send(message:)``, calling `update` for each step as it happens (the stream is read no
    /// faster than `update` returns).
    public func send(message text: String, update: @Sendable (MessageUpdate) -> Void) async throws {
        try await run(message: text, emit: update)
    }

    /// The message flow behind ``send(message:)``.
    func run(
        message text: String, emit: @Sendable (MessageUpdate) -> Void, pace: @Sendable () async -> Void = {}
    ) async throws {
        try await ensureSession(for: text)
        let before = DraftSnapshot(try await state())
        let response = try await openStream(text)
        logger?.info("nemo message accepted", metadata: ["nemo.session": "\(session?.sessionID ?? "")"])
        emit(.accepted)
        var reader = MessageStreamReader()
        var liveness = LivenessPolicy(configuration: configuration.liveness)
        let clock = ContinuousClock()
        let start = clock.now
        var streamError: TransportError?
        var timedOut: NemoAPIError?
        var iterator = response.body.makeAsyncIterator()
        while timedOut == nil {
            let chunk: [UInt8]?
            do {
                chunk = try await iterator.next()
            } catch {
                if error.code == .cancelled, Task.isCancelled { throw CancellationError() }
                streamError = error
                break
            }
            guard let chunk else { break }
            let (updates, progressed) = reader.consume(chunk)
            updates.forEach(emit)
            await pace()
            if reader.isOverLimit {
                // Treated like a dropped connection: reconciled from the state, never sent again.
                streamError = TransportError(
                    .protocolError, "an event grew past \(MessageStreamReader.maximumEventBytes >> 20) MiB",
                    requestSent: true)
                response.body.cancel()
                break
            }
            switch liveness.observe(progressed ? .progress : .heartbeat, at: clock.now - start) {
            case .keepWaiting: break
            case .notify(let notice): emit(.stillWorking(notice))
            case .timedOut(let timeout):
                timedOut = liveness.error(for: timeout)
                response.body.cancel()
            }
        }
        reader.finish()
        let transcript = reader.transcript
        if let timedOut { throw timedOut }
        if let failure = transcript.failure, streamError == nil {
            // The agent ended the run with its error line: keep what it said, read the state once and report what
            // did change; the recovery schedule is for connections that dropped, not for runs that failed.
            let agentError = NemoAPIError(agentFailure: failure)
            emit(.agentError(agentError.message))
            let after = DraftSnapshot(try await state())
            guard after != before else { throw agentError }
            emit(
                .completed(
                    MessageOutcome(
                        text: transcript.text, silent: !transcript.hasText, change: after.report(since: before),
                        streamCompleted: false, timelineSummary: after.timeline.summary)))
            return
        }
        if let streamError {
            emit(.reconciling("The connection broke (\(streamError.code)); the message is not sent again. Checking the session state…"))
            let outcome = try await reconcile(since: before, text: transcript.text, completed: false)
            emit(.completed(outcome))
            return
        }
        if !transcript.hasText {
            let after = DraftSnapshot(try await state())
            if after != before {
                let outcome = MessageOutcome(
                    text: "", silent: true, change: after.report(since: before), streamCompleted: true,
                    timelineSummary: after.timeline.summary)
                emit(.completed(outcome))
                return
            }
            emit(.reconciling("The agent answered with no text and the draft has not changed yet; checking again…"))
            emit(.completed(try await reconcile(since: before, text: "", completed: true)))
            return
        }
        let after = DraftSnapshot(try await state())
        let change = after == before ? nil : after.report(since: before)
        emit(
            .completed(
                MessageOutcome(
                    text: transcript.text, silent: false, change: change, streamCompleted: true,
                    timelineSummary: after.timeline.summary)))
    }

    /// Opens `/run_sse`, handling refusals before the service accepted the message (replayed as the policy says).
    func openStream(_ text: String) async throws -> HTTPStreamingResponse {
        var context = RecoveryContext(kind: .message)
        while true {
            let token = try await currentToken()
            context.credentials = credentials?.origin ?? .anonymous
            let body = APIRequestBody.message(sessionID: session?.sessionID ?? "", text: text)
            var request = self.request(.post, "/run_sse", body: .json(text: body.jsonText))
            request.headers.add(name: "Accept", value: "text/event-stream")
            // No total limit: the liveness policy decides; the idle limit catches a connection with no bytes at all.
            request.timeouts = TransportTimeouts(
                connect: configuration.requestTimeouts.connect, total: configuration.liveness.hardLimit + .seconds(30),
                idle: configuration.liveness.idleTimeout)
            decorate(&request, token: token)
            let signal: FailureSignal
            do {
                let response = try await transport.stream(request)
                if response.head.status == 200 { return response }
                let bytes = try await response.body.collect(upTo: 1 << 20)
                let full = HTTPResponse(head: response.head, body: bytes)
                guard case .failure(let failure) = Self.envelope(full) else {
                    throw NemoAPIError.malformedResponse("HTTP \(response.head.status) from /run_sse")
                }
                signal = .service(failure)
            } catch let error as TransportError {
                if error.code == .cancelled { throw CancellationError() }
                signal = .network(NetworkFailure(phase: Self.phase(of: error), reason: error.description))
            }
            let action = configuration.retryPolicy.action(for: signal, context: context)
            context.history.record(action)
            if case .reconcileStream = action {
                throw NemoAPIError(
                    code: .network,
                    message: "The message may have reached the service but no answer came (\(signal)); it is not "
                        + "sent again. Run `nemo status` in a minute to see whether it took effect.")
            }
            try await apply(action)
        }
    }

    /// Follows the documented recovery schedule until the draft changes or the reads run out.
    func reconcile(since before: DraftSnapshot, text: String, completed: Bool) async throws -> MessageOutcome {
        var recovery = StreamRecovery(before: before, configuration: configuration.recovery)
        var step = recovery.start()
        while case .wait(let delay) = step {
            try await configuration.sleeper.sleep(for: delay)
            do {
                step = recovery.observe(DraftSnapshot(try await state()))
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                step = recovery.observeReadFailure(String(describing: error))
            }
        }
        switch step {
        case .changed(let after):
            return MessageOutcome(
                text: text, silent: text.isEmpty, change: after.report(since: before), streamCompleted: completed,
                timelineSummary: after.timeline.summary)
        case .gaveUp(let error):
            throw error
        case .wait:
            throw NemoAPIError(code: .recoveryFailed, message: "The session state could not be checked.")
        }
    }
}
