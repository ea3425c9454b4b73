import Dispatch
import Foundation

/// Runs a built executable without blocking Swift's cooperative threads (pipes are read on threads of their own),
/// so many rows can run at once on a 2-core machine.
enum ChildProcess {
    /// What a finished process left.
    struct Result: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
        /// Whether the process was killed for running past its time limit.
        let timedOut: Bool
    }

    /// Runs `executable` with `arguments` in `folder`; stdin from `stdin` (a file) or /dev/null.
    static func run(
        _ executable: String, _ arguments: [String], in folder: String, environment: [String: String],
        stdin: String? = nil, timeout: Double = 240
    ) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = try stdin.map { try FileHandle(forReadingFrom: URL(fileURLWithPath: $0)) }
            ?? FileHandle.nullDevice
        let outData = PipeReader(out)
        let errData = PipeReader(err)
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        let timedOut = await OwnThread.run { () -> Bool in
            guard exited.wait(timeout: .now() + timeout) == .timedOut else { return false }
            process.terminate()
            exited.wait()
            return true
        }
        return Result(
            status: process.terminationStatus, stdout: await outData.text(), stderr: await errData.text(),
            timedOut: timedOut)
    }
}

/// Reads a pipe to its end on a thread of its own (started at once, so the pipe never fills up).
final class PipeReader: Sendable {
    private let task: Task<Data, Never>

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        task = Task { await OwnThread.run { handle.readDataToEndOfFile() } }
    }

    /// The whole output as UTF-8 text, once the writer closed the pipe.
    func text() async -> String {
        String(decoding: await task.value, as: UTF8.self)
    }
}

/// Runs blocking work on a new thread: neither Swift's cooperative pool (2 threads here) nor Dispatch's worker pool
/// (which many blocked readers can exhaust) is held while it waits.
enum OwnThread {
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { (done: CheckedContinuation<T, Never>) in
            let thread = Thread { done.resume(returning: work()) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
