import Synchronization

/// The updates of one message, as ``NemoClient/send(message:)`` streams them: an async sequence whose producer (the
/// stream reader) waits while the caller has more than ``unreadLimit`` updates still to read.
public struct MessageUpdates: AsyncSequence, Sendable {
    public typealias Element = MessageUpdate

    /// How many updates the reader may run ahead of the caller.
    public static let unreadLimit = 1024

    let stream: AsyncThrowingStream<MessageUpdate, any Error>
    let unread: Counter
    let producer: Producer

    /// The task reading the stream, so that iteration ends only once it has ended: when the caller stops early
    /// (cancelled, as on Ctrl-C), nothing of the message (a request, a retry, a state read) goes on behind its back,
    /// and a command that exits next leaves no request in flight.
    final class Producer: Sendable {
        private let task = Mutex<Task<Void, Never>?>(nil)

        /// Records the task (once, when the stream is built).
        func run(_ task: Task<Void, Never>) {
            self.task.withLock { $0 = task }
        }

        /// Returns once the task has ended.
        func finished() async {
            await task.withLock { $0 }?.value
        }
    }

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
        let producer: Producer

        /// The next update; `nil` at the end (once the reading task has ended too).
        public mutating func next() async throws -> MessageUpdate? {
            let update: MessageUpdate?
            do {
                update = try await base.next()
            } catch {
                await producer.finished()
                throw error
            }
            if update != nil { unread.add(-1) } else { await producer.finished() }
            return update
        }
    }

    /// An iterator over the updates.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: stream.makeAsyncIterator(), unread: unread, producer: producer)
    }
}
