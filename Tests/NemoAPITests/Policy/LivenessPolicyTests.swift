import NemoAPI
import Testing

@Suite("LivenessPolicy: still-working notices, heartbeat timeout, hard limit")
struct LivenessPolicyTests {
    /// Feeds `events` (seconds since the start, activity) and returns each verdict that is not keep-waiting.
    static func verdicts(
        _ events: [(Int, LivenessPolicy.Activity)], configuration: LivenessPolicy.Configuration = .init()
    ) -> [(Int, LivenessPolicy.Verdict)] {
        var policy = LivenessPolicy(configuration: configuration)
        return events.compactMap { second, activity in
            let verdict = policy.observe(activity, at: .seconds(second))
            return verdict == .keepWaiting ? nil : (second, verdict)
        }
    }

    static func heartbeats(every step: Int, from start: Int = 0, through end: Int) -> [(Int, LivenessPolicy.Activity)] {
        stride(from: start, through: end, by: step).map { ($0, .heartbeat) }
    }

    @Test func heartbeatsOnlyNotifyEveryTwoMinutesThenTimeOutAtTen() {
        let verdicts = Self.verdicts(Self.heartbeats(every: 15, through: 900))
        let expected: [(Int, LivenessPolicy.Verdict)] = [
            (120, .notify("⏳ Still working...")), (240, .notify("⏳ Still working...")),
            (360, .notify("⏳ Still working...")), (480, .notify("⏳ Still working...")), (600, .timedOut(.noProgress)),
        ]
        #expect(verdicts.prefix(5).map(\.0) == expected.map(\.0))
        #expect(verdicts.prefix(5).map(\.1) == expected.map(\.1))
        #expect(verdicts.dropFirst(5).allSatisfy { $0.1 == .timedOut(.noProgress) }, "timed out stays timed out")
    }

    @Test func progressResetsTheClocks() {
        let events: [(Int, LivenessPolicy.Activity)] =
            Self.heartbeats(every: 30, through: 90) + [(100, .progress)]
            + Self.heartbeats(every: 30, from: 120, through: 750)
        let verdicts = Self.verdicts(events)
        #expect(verdicts.prefix(5).map(\.0) == [240, 360, 480, 600, 720])
        #expect(verdicts.last?.1 == .timedOut(.noProgress))
    }

    @Test func theHardLimitEndsEvenAStreamThatKeepsMoving() {
        let events = stride(from: 0, through: 960, by: 60).map { ($0, LivenessPolicy.Activity.progress) }
        let verdicts = Self.verdicts(events)
        #expect(verdicts.first?.0 == 900)
        #expect(verdicts.first?.1 == .timedOut(.hardLimit))
    }

    @Test func silenceWithTicksCountsAsNoProgress() {
        var policy = LivenessPolicy()
        #expect(policy.nextCheck == .seconds(120))
        #expect(policy.observe(.tick, at: .seconds(120)) == .notify(LivenessPolicy.stillWorking))
        #expect(policy.nextCheck == .seconds(240))
        #expect(policy.observe(.tick, at: .seconds(130)) == .keepWaiting)
        #expect(policy.observe(.tick, at: .seconds(600)) == .timedOut(.noProgress))
    }

    @Test func nextCheckFollowsTheNearestLimit() {
        var policy = LivenessPolicy(
            configuration: .init(noticeInterval: .seconds(100), idleTimeout: .seconds(150), hardLimit: .seconds(120)))
        #expect(policy.nextCheck == .seconds(100))
        _ = policy.observe(.progress, at: .seconds(90))
        #expect(policy.nextCheck == .seconds(120))
    }

    @Test func configurableForTests() {
        let configuration = LivenessPolicy.Configuration(
            noticeInterval: .milliseconds(20), idleTimeout: .milliseconds(50), hardLimit: .milliseconds(80))
        var policy = LivenessPolicy(configuration: configuration)
        #expect(policy.observe(.heartbeat, at: .milliseconds(19)) == .keepWaiting)
        #expect(policy.observe(.heartbeat, at: .milliseconds(20)) == .notify(LivenessPolicy.stillWorking))
        #expect(policy.observe(.heartbeat, at: .milliseconds(50)) == .timedOut(.noProgress))
    }

    @Test func timeoutMessages() {
        let policy = LivenessPolicy()
        let idle = policy.error(for: .noProgress)
        #expect(idle.code == .streamTimedOut && idle.message.contains("only heartbeats for 10 min"))
        #expect(policy.error(for: .hardLimit).message.contains("15 min limit"))
        #expect(idle.message.contains("do not send the request again"))
    }
}
