import Synchronization

/// A process-wide counter safe to use from any thread, for unique temporary names.
public final class AtomicCounter: Sendable {
    private let value = Atomic<Int>(0)

    /// Creates a counter at 0.
    public init() {}

    /// Returns the next value, starting at 1.
    public func next() -> Int {
        value.wrappingAdd(1, ordering: .relaxed).newValue
    }
}
