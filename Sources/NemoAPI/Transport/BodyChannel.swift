import Foundation

/// Carries body chunks from a transfer thread to one async reader, with a bounded buffer.
///
/// When `highWater` bytes wait unread, ``offer(_:)`` answers ``Offer/full`` and the transfer thread waits in
/// ``waitForRoom(milliseconds:)`` inside curl's write callback, so curl stops reading the socket and TCP flow
/// control slows the server down. The reader resumes on its own actor (no executor hop per chunk).
final class BodyChannel: @unchecked Sendable {
    // @unchecked Sendable: every stored var is read and written only while `condition` is locked.

    /// What became of an offered chunk.
    enum Offer {
        /// Queued (or handed straight to a waiting reader).
        case accepted
        /// Not taken: the buffer is full; wait for room and offer it again.
        case full
        /// Not taken: the reader is gone.
        case abandoned
    }

    private typealias Waiter = CheckedContinuation<Result<[UInt8]?, TransportError>, Never>

    private let condition = NSCondition()
    private let highWater: Int
    private var chunks: [[UInt8]] = []
    private var head = 0
    private var buffered = 0
    private var end: Result<Void, TransportError>?
    private var waiter: Waiter?
    private var abandoned = false

    /// Read slots kept at the front of the queue before it is compacted (each costs one empty array).
    static let compactionThreshold = 1_024

    /// Chunks the queue holds, read or not (diagnostics and tests: it stays bounded however long the stream).
    var storedChunkCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return chunks.count
    }

    /// Bytes the queue keeps alive, read slots included (diagnostics and tests: only the unread ones).
    var heldByteCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return chunks.reduce(0) { $0 + $1.count }
    }

    /// Creates a channel whose producer waits once `highWater` bytes are queued.
    init(highWater: Int) {
        self.highWater = max(1, highWater)
    }

    /// Producer: offers a chunk.
    func offer(_ chunk: [UInt8]) -> Offer {
        condition.lock()
        if abandoned {
            condition.unlock()
            return .abandoned
        }
        if let waiter {
            self.waiter = nil
            condition.unlock()
            waiter.resume(returning: .success(chunk))
            return .accepted
        }
        guard buffered < highWater else {
            condition.unlock()
            return .full
        }
        chunks.append(chunk)
        buffered += chunk.count
        condition.unlock()
        return .accepted
    }

    /// Producer: waits up to `milliseconds` for the reader to make room (or go away).
    func waitForRoom(milliseconds: Int) {
        condition.lock()
        if !abandoned, buffered >= highWater {
            _ = condition.wait(until: Date(timeIntervalSinceNow: Double(milliseconds) / 1_000))
        }
        condition.unlock()
    }

    /// Producer: the stream ended (success) or failed; the reader sees it after the chunks already queued.
    func finish(_ result: Result<Void, TransportError>) {
        condition.lock()
        if end == nil { end = result }
        let waiter = self.waiter
        self.waiter = nil
        condition.unlock()
        waiter?.resume(returning: result.map { nil })
    }

    /// Reader: the next chunk, nil at the end, or the failure; resumes on `actor`.
    func next(isolation actor: isolated (any Actor)?) async -> Result<[UInt8]?, TransportError> {
        await withCheckedContinuation(isolation: actor) { (continuation: Waiter) in
            condition.lock()
            if head < chunks.count {
                let chunk = chunks[head]
                // The reader owns the chunk now: the queue must not keep it. A reader slower than the network
                // never empties the queue, so without this every chunk of a long stream stayed referenced.
                chunks[head] = []
                head += 1
                buffered -= chunk.count
                if head == chunks.count {
                    chunks.removeAll(keepingCapacity: true)
                    head = 0
                } else if head >= Self.compactionThreshold {
                    chunks.removeFirst(head)
                    head = 0
                }
                condition.broadcast()
                condition.unlock()
                continuation.resume(returning: .success(chunk))
            } else if let end {
                condition.unlock()
                continuation.resume(returning: end.map { nil })
            } else {
                waiter = continuation
                condition.unlock()
            }
        }
    }

    /// Reader: stops reading; queued chunks are dropped and a waiting read fails with `error`.
    func abandon(with error: TransportError) {
        condition.lock()
        abandoned = true
        chunks = []
        head = 0
        buffered = 0
        if end == nil { end = .failure(error) }
        let waiter = self.waiter
        self.waiter = nil
        condition.broadcast()
        condition.unlock()
        waiter?.resume(returning: .failure(error))
    }
}
