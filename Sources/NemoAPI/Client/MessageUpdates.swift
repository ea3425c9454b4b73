import Synchronization

/// The updates of one message, as ``NemoClient/send(message:)`` streams them: an async sequence whose producer (the
/// stream reader) waits while the caller has more than ``unreadLimit`` updates still to read.
public struct MessageUpdates: AsyncSequence, Sendable {
    public typealias Element = MessageUpdate

    /// How many updates the reader may run ahead of the caller.
    public static let unreadLimit = 1024

    let stream: AsyncThrowingStream<MessageUpdate, any Error>
    let unread: Counter

    /// Counts the updates yielded and not read yet.
    final class Counter: Sendable {
        private let count = Atomic(0)

        /// Adds `delta` (negative when updates are read).
        func add(_ delta: Int) {
            count.add(delta, ordering: .relaxed)
        }

        /// Returns once fewer than `limit` updates are unread (or the task is cancelled), checking every millisecond.
        func waitUntilBelow(_ limit: Int) async {
            while count.load(ordering: .relaxed) >= limit, !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(1))
            }
        }
    }

    /// Iterates the updates, counting each one read.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<MessageUpdate, any Error>.AsyncIterator
        let unread: Counter

        /// The next update; `nil` at the end.
        public mutating func next() async throws -> MessageUpdate? {
            let update = try await base.next()
            if update != nil { unread.add(-1) }
            return update
        }
    }

    /// An iterator over the updates.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: stream.makeAsyncIterator(), unread: unread)
    }
}
