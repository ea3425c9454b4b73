import NemoAPI
import Testing

@Suite("RenderPolling: cadence, resubmission once, resume after the deadline")
struct RenderPollingTests {
    static func job(_ status: RenderStatus, _ progress: Int = 0, url: String? = nil) -> RenderJobStatus {
        RenderJobStatus(id: "render_1", status: status, progress: progress, outputURL: url)
    }

    @Test func pollsUntilCompleted() {
        var polling = RenderPolling()
        #expect(polling.first == .poll(after: .seconds(30)))
        #expect(polling.next(after: Self.job(.pending), id: "render_1") == .poll(after: .seconds(30)))
        #expect(polling.next(after: Self.job(.processing, 50), id: "render_1") == .poll(after: .seconds(30)))
        #expect(polling.next(after: Self.job(.completed, 100, url: "http://h/r.mp4"), id: "render_1")
            == .download(url: "http://h/r.mp4"))
        #expect(polling.polls == 3)
    }

    @Test func aFailedRenderIsResubmittedOnceThenFails() throws {
        var polling = RenderPolling()
        _ = polling.next(after: Self.job(.processing), id: "render_1")
        #expect(polling.next(after: Self.job(.failed), id: "render_1") == .resubmit)
        #expect(polling.polls == 0 && polling.resubmissions == 1)
        var failed = Self.job(.failed)
        failed.errorMessage = "GPU out of memory"
        guard case .fail(let error) = polling.next(after: failed, id: "render_2") else {
            Issue.record("expected to stop")
            return
        }
        #expect(error.code == .renderFailed && error.message.contains("GPU out of memory"))
    }

    @Test(arguments: [(RenderPolling.Configuration(), 10, Duration.seconds(30)), (.frequent, 30, .seconds(10))])
    func givesUpAtTheDeadlineAndPointsToResume(
        _ configuration: RenderPolling.Configuration, _ polls: Int, _ interval: Duration
    ) throws {
        var polling = RenderPolling(configuration: configuration)
        for _ in 1..<polls {
            #expect(polling.next(after: Self.job(.processing, 40), id: "render_1") == .poll(after: interval))
        }
        guard case .fail(let error) = polling.next(after: Self.job(.processing, 40), id: "render_1") else {
            Issue.record("expected to stop after \(polls) polls")
            return
        }
        #expect(error.code == .renderTimedOut)
        #expect(error.message.contains("still processing (40%) after 5 min"))
        #expect(error.message.contains("nemo export --resume"))
    }

    @Test func cancelledStops() {
        var polling = RenderPolling()
        guard case .fail(let error) = polling.next(after: Self.job(.cancelled), id: "render_9") else {
            Issue.record("expected to stop")
            return
        }
        #expect(error.message.contains("render_9 was cancelled"))
    }

    @Test func agentFailureBecomesAnError() {
        let error = NemoAPIError(agentFailure: AgentFailure(message: "render backend crashed", kind: "RuntimeError"))
        #expect(error.code == .streamFailed)
        #expect(error.message.hasPrefix("The agent stopped with an error: render backend crashed."))
    }
}
