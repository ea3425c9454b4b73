import NemoAPI
import Synchronization
import Testing

/// A fake clock: sleeping moves virtual time forward at once, and every sleep is recorded.
final class VirtualSleeper: Sleeper {
    private let state = Mutex<(now: Duration, sleeps: [Duration])>((.zero, []))

    /// Virtual time since the start.
    var now: Duration { state.withLock { $0.now } }
    /// Every sleep, in order.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        state.withLock {
            $0.now += duration
            $0.sleeps.append(duration)
        }
    }
}

/// A state endpoint that answers from a script, recording the virtual time of each read.
final class ScriptedState: Sendable {
    private let answers: Mutex<[Result<DraftSnapshot, any Error>]>
    private let reads = Mutex<[Duration]>([])
    let sleeper: VirtualSleeper

    init(_ answers: [Result<DraftSnapshot, any Error>], sleeper: VirtualSleeper) {
        self.answers = Mutex(answers)
        self.sleeper = sleeper
    }

    /// The virtual times of the reads.
    var readTimes: [Duration] { reads.withLock { $0 } }

    func read() throws -> DraftSnapshot {
        reads.withLock { $0.append(sleeper.now) }
        let next = answers.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        return try next?.get() ?? StreamRecoveryTests.before
    }
}

struct ReadFailed: Error, CustomStringConvertible {
    var description: String { "HTTP 503" }
}

@Suite("StreamRecovery: wait 30 s, read, compare; 60 s more; give up after 5 unchanged reads")
struct StreamRecoveryTests {
    static let before = DraftSnapshot(
        draft: ["t": [["tt": 0, "sg": [["d": 5000, "m": ["name": "city timelapse"]]]]]], revision: 4)
    static let after = DraftSnapshot(
        draft: [
            "t": [
                ["tt": 0, "sg": [["d": 5000, "m": ["name": "city timelapse"]]]],
                ["tt": 7, "sg": [["d": 3000, "m": ["text": "Paradise Found"]]]],
            ]
        ], revision: 5)

    @Test func changedOnTheThirdRead() async throws {
        let sleeper = VirtualSleeper()
        let answers: [Result<DraftSnapshot, any Error>] = [
            .success(Self.before), .success(Self.before), .success(Self.after),
        ]
        let state = ScriptedState(answers, sleeper: sleeper)
        var recovery = StreamRecovery(before: Self.before)
        let step = try await recovery.run(sleeper: sleeper) { try state.read() }
        #expect(step == .changed(Self.after))
        #expect(state.readTimes == [.seconds(30), .seconds(90), .seconds(150)])
        #expect(sleeper.sleeps == [.seconds(30), .seconds(60), .seconds(60)])
        #expect(recovery.reads == 3)
        #expect(Self.after.report(since: Self.before) == "Title added: 'Paradise Found' (0-3s)")
    }

    @Test func neverChangesSoItGivesUpAfterFiveReads() async throws {
        let sleeper = VirtualSleeper()
        let state = ScriptedState([], sleeper: sleeper)
        var recovery = StreamRecovery(before: Self.before)
        let step = try await recovery.run(sleeper: sleeper) { try state.read() }
        guard case .gaveUp(let error) = step else {
            Issue.record("expected to give up, got \(step)")
            return
        }
        #expect(state.readTimes == [.seconds(30), .seconds(90), .seconds(150), .seconds(210), .seconds(270)])
        #expect(sleeper.now == .seconds(270))
        #expect(error.code == .recoveryFailed)
        #expect(error.message.contains("5 reads over 5 min"))
        #expect(error.message.contains("send it again to retry"))
    }

    @Test func failedReadsCountAsUnchanged() async throws {
        let sleeper = VirtualSleeper()
        let failures: [Result<DraftSnapshot, any Error>] = Array(repeating: .failure(ReadFailed()), count: 5)
        let state = ScriptedState(failures, sleeper: sleeper)
        var recovery = StreamRecovery(before: Self.before)
        let step = try await recovery.run(sleeper: sleeper) { try state.read() }
        guard case .gaveUp(let error) = step else {
            Issue.record("expected to give up")
            return
        }
        #expect(error.message.contains("(last read: HTTP 503)"))
    }

    @Test func aReadFailureThenAChangeReportsTheChange() async throws {
        let sleeper = VirtualSleeper()
        let state = ScriptedState([.failure(ReadFailed()), .success(Self.after)], sleeper: sleeper)
        var recovery = StreamRecovery(before: Self.before)
        #expect(try await recovery.run(sleeper: sleeper) { try state.read() } == .changed(Self.after))
        #expect(state.readTimes == [.seconds(30), .seconds(90)])
    }

    @Test func theScheduleIsConfigurable() async throws {
        let sleeper = VirtualSleeper()
        let state = ScriptedState([], sleeper: sleeper)
        let configuration = StreamRecovery.Configuration(
            firstWait: .milliseconds(3), nextWait: .milliseconds(6), maximumUnchangedReads: 2)
        var recovery = StreamRecovery(before: Self.before, configuration: configuration)
        _ = try await recovery.run(sleeper: sleeper) { try state.read() }
        #expect(state.readTimes == [.milliseconds(3), .milliseconds(9)])
        #expect(StreamRecovery.Configuration().totalWait == .seconds(270))
    }

    @Test func thePureStateMachine() {
        var recovery = StreamRecovery(before: Self.before)
        #expect(recovery.start() == .wait(.seconds(30)))
        #expect(recovery.observe(Self.before) == .wait(.seconds(60)))
        #expect(recovery.observeReadFailure("timeout") == .wait(.seconds(60)))
        let revisionOnly = DraftSnapshot(draft: Self.before.draft, revision: 5)
        #expect(recovery.observe(revisionOnly) == .changed(revisionOnly))
        #expect(recovery.outcome == .changed(revisionOnly))
        #expect(recovery.observe(Self.before) == .changed(revisionOnly), "over once it is over")
        #expect(recovery.reads == 3)
        #expect(revisionOnly.report(since: Self.before) == "The draft was updated (revision 4 → 5)")
    }

    @Test func aDraftAppearingCountsAsAChange() {
        var recovery = StreamRecovery(before: DraftSnapshot(draft: nil))
        #expect(recovery.observe(Self.before) == .changed(Self.before))
        #expect(Self.before.report(since: DraftSnapshot(draft: nil)) == "Video added: city timelapse (0-5s)")
    }

    @Test func cancellationStopsRecovery() async {
        let sleeper = VirtualSleeper()
        let task = Task {
            var recovery = StreamRecovery(before: Self.before)
            withUnsafeCurrentTask { $0?.cancel() }
            return try await recovery.run(sleeper: sleeper) { Self.before }
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
