// Shows a ThreadSanitizer false positive on Linux (see tsan.supp): two threads contend for a Synchronization.Mutex and
// TSan reports a "Swift access race" on the value it protects, though every access is inside withLock.
// The Mutex's contended path (FUTEX_LOCK_PI / FUTEX_UNLOCK_PI in libswiftSynchronization.so, not instrumented) hands
// the lock over in the kernel, so TSan sees no happens-before edge between the two critical sections.
//
//     swiftc -sanitize=thread -g scripts/sanitizers/mutex-contention.swift -o /tmp/mutex && /tmp/mutex
import Synchronization
import Foundation

final class Box: Sendable {
    let state = Mutex<[Int: Int]>([:])
}

let box = Box()
let done = DispatchSemaphore(value: 0)
for round in 0..<20 {
    box.state.withLock { dict in
        Thread.detachNewThread {
            _ = box.state.withLock { $0.removeValue(forKey: round) }
            done.signal()
        }
        usleep(2_000)  // the other thread now waits on the lock: the contended (futex) path
        dict[round] = round
    }
    done.wait()
}
print("ok")
