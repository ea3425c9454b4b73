import Synchronization

/// The mock's clock: virtual seconds since the Unix epoch that advance at `scale` times real time.
///
/// At scale 0 nothing ever sleeps: waiting for a moment moves the clock straight to it, so a
/// 15-minute transcript replays in milliseconds while clients still see its timestamps advance.
/// At scale 1 the clock runs in real time. Admin requests can move it forward at any scale.
public final class VirtualClock: Sendable {
    private struct Anchor {
        var virtualBase: Double
        var realStart: ContinuousClock.Instant
    }

    /// How many virtual seconds pass per real second (0 = never sleep).
    public let scale: Double
    private let anchor: Mutex<Anchor>

    /// Creates a clock starting at `start` (seconds since 1970) running at `scale`.
    public init(start: Double, scale: Double) {
        self.scale = max(0, scale)
        self.anchor = Mutex(Anchor(virtualBase: start, realStart: .now))
    }

    /// The current virtual time, in seconds since 1970.
    public func now() -> Double {
        anchor.withLock { Self.read($0, scale: scale) }
    }

    private static func read(_ anchor: Anchor, scale: Double) -> Double {
        guard scale > 0 else { return anchor.virtualBase }
        let elapsed = ContinuousClock.now - anchor.realStart
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return anchor.virtualBase + seconds * scale
    }

    /// Moves the clock forward by `seconds` (negative values are ignored).
    public func advance(by seconds: Double) {
        guard seconds > 0 else { return }
        anchor.withLock { $0.virtualBase += seconds }
    }

    /// Moves the clock forward to `instant` if it is still in the future.
    public func advance(to instant: Double) {
        anchor.withLock { state in
            let current = Self.read(state, scale: scale)
            if instant > current { state.virtualBase += instant - current }
        }
    }

    /// Resets the clock to `start`.
    public func reset(to start: Double) {
        anchor.withLock { $0 = Anchor(virtualBase: start, realStart: .now) }
    }

    /// Waits until the virtual time reaches `instant`: at scale 0 by jumping to it, else by sleeping.
    public func sleep(until instant: Double) async throws {
        guard scale > 0 else {
            advance(to: instant)
            return
        }
        while true {
            let remaining = instant - now()
            if remaining <= 0 { return }
            let realSeconds = min(remaining / scale, 3600)
            try await Task.sleep(for: .nanoseconds(Int64(realSeconds * 1e9)))
        }
    }
}
