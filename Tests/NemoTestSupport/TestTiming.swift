import Foundation

/// How the test suite adapts to a slow machine or a sanitizer, set from the environment by `scripts/harden`.
///
/// Tests that depend on real time (a mock at a time scale, a deadline, a polling window) stretch their windows by
/// `slowdown` instead of failing because every instruction runs 5-20x slower under ThreadSanitizer or
/// AddressSanitizer. What they assert does not change, only how long they wait for it.
public enum TestTiming {
    /// `NEMO_TEST_SLOWDOWN` (a number >= 1), else 1.
    public static let slowdown: Double = {
        let value = ProcessInfo.processInfo.environment["NEMO_TEST_SLOWDOWN"].flatMap(Double.init) ?? 1
        return value.isFinite ? max(1, value) : 1
    }()

    /// `duration` times `slowdown`.
    public static func stretched(_ duration: Duration) -> Duration {
        duration * slowdown
    }

    /// A mock time scale (virtual seconds per real second) slowed down by `slowdown`, so virtual events keep the
    /// same spacing relative to the slowed-down test code.
    public static func timeScale(_ scale: Double) -> Double {
        scale / slowdown
    }

    /// Whether the tests run under AddressSanitizer (`NEMO_TEST_SANITIZER=address`): its quarantine keeps freed
    /// memory (256 MiB by default), so resident-memory figures mean nothing there.
    public static let underAddressSanitizer = ProcessInfo.processInfo.environment["NEMO_TEST_SANITIZER"] == "address"
}
