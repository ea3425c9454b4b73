import Foundation
import Synchronization

/// Runs blocking work (libvips) on dedicated threads, never on Swift's cooperative pool.
enum ParallelMap {
    /// Calls `body` for every index in `0..<count` on up to `jobs` threads and returns the results in index order.
    ///
    /// Indices are handed out in order, so with one job the work runs strictly sequentially.
    static func run<Result: Sendable>(
        _ count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> Result
    ) -> [Result] {
        guard count > 0 else { return [] }
        let state = SharedState(State<Result>(results: Array(repeating: nil, count: count)))
        let threads = max(1, min(jobs, count))
        let done = DispatchGroup()
        for _ in 0..<threads {
            done.enter()
            let thread = Thread {
                while let index = state.mutex.withLock({ $0.takeIndex(limit: count) }) {
                    let result = body(index)
                    state.mutex.withLock { $0.results[index] = result }
                }
                done.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        done.wait()
        return state.mutex.withLock { $0.results.map { $0! } }
    }

    /// Holds the mutex in a class so the worker closures can share it.
    private final class SharedState<Value: Sendable>: Sendable {
        let mutex: Mutex<Value>
        init(_ value: Value) { mutex = Mutex(value) }
    }

    private struct State<Result: Sendable>: Sendable {
        var results: [Result?]
        var next = 0

        mutating func takeIndex(limit: Int) -> Int? {
            guard next < limit else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
