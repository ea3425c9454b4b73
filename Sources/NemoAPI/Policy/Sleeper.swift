/// Waits: the one thing recovery does with time, injectable so tests run a 5-minute schedule in microseconds.
public protocol Sleeper: Sendable {
    /// Suspends for `duration`; throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real sleeper: `Task.sleep` on the continuous clock.
public struct TaskSleeper: Sleeper {
    /// Creates the sleeper.
    public init() {}

    /// Sleeps for `duration`.
    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration, clock: .continuous)
    }
}
