import NemoAPI

/// Waits a fixed fraction of every requested duration.
///
/// Used with the embedded mock, whose virtual clock never waits (time scale 0): the client's documented waits
/// (30 s render polls, 30 s after a 429, the 30/60 s stream-recovery schedule) keep their proportions but take
/// milliseconds, so the whole flow runs offline at full speed.
struct ScaledSleeper: Sleeper {
    /// The fraction of each wait actually slept.
    let factor: Double

    func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration * factor)
    }
}
