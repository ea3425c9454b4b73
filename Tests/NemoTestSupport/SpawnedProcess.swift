import CSpawn
public import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A child process for the tests (the built tools, ffmpeg, curl, mount), started with `posix_spawn`.
///
/// Not Foundation's `Process`: in Swift 6.3.1 on Linux, `Process.run()` copies each /proc/self/fd entry with a fixed
/// 256-byte read that runs off glibc's directory buffer when an entry ends at a page boundary
/// (swift-corelibs-foundation#5472). This suite starts hundreds of children from one process, and about one run in
/// four died of SIGSEGV there. Here the child gets stdin, stdout and stderr only (the spawn itself closes every other
/// descriptor, so no child holds another test's pipe open), default signal handling with nothing blocked (so
/// `nemo` sees the SIGINT a test sends), stdin from /dev/null unless a file is given, and it is reaped exactly once.
public final class SpawnedProcess: Sendable {
    /// Where the child's standard input comes from.
    public enum Input: Sendable {
        case null
        case file(String)
    }

    /// Where the child's standard output or standard error goes.
    public enum Output: Sendable {
        /// A pipe this object reads (`standardOutput` / `standardError`).
        case pipe
        case null
        /// The test process's own.
        case inherit
        /// For standard error: wherever standard output goes.
        case standardOutput
    }

    /// How a child ended.
    public struct Termination: Sendable, Equatable, CustomStringConvertible {
        /// The exit status, or the number of the signal that killed it.
        public let status: Int32
        /// Whether a signal killed it.
        public let signalled: Bool

        public init(status: Int32, signalled: Bool) {
            self.status = status
            self.signalled = signalled
        }

        public var description: String { signalled ? "killed by signal \(status)" : "exit \(status)" }

        /// A child that exited by itself with `status`.
        public static func exited(_ status: Int32) -> Termination { Termination(status: status, signalled: false) }
    }

    /// A child that could not be started.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The child's process id (signal it with `send(_:)`, which is safe after it has been reaped).
    public let pid: Int32
    /// The read end of the child's standard output, when it goes to a pipe.
    public let standardOutput: FileHandle?
    /// The read end of the child's standard error, when it goes to a pipe of its own.
    public let standardError: FileHandle?
    /// How the child ended, once it has been reaped; guarded, so a signal is never sent to a reaped (reusable) pid.
    private let ended = Mutex<Termination?>(nil)

    /// Starts `executable` (a path, or a name looked up on PATH) with `arguments`.
    ///
    /// - Parameters:
    ///   - environment: the child's whole environment; the test process's own when nil.
    ///   - folder: the child's working folder; the test process's own when nil.
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, in folder: String? = nil,
        input: Input = .null, output: Output = .pipe, error: Output = .pipe
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var nothing = sigset_t()
        sigemptyset(&nothing)
        posix_spawnattr_setsigmask(&attributes, &nothing)
        var everything = sigset_t()
        sigfillset(&everything)
        posix_spawnattr_setsigdefault(&attributes, &everything)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var parentEnds: [Int32] = []
        var childEnds: [Int32] = []
        defer { for fd in childEnds { close(fd) } }
        func pipeEnd(for target: Int32) throws -> Int32 {
            var fds: [Int32] = [-1, -1]
            guard pipe2(&fds, O_CLOEXEC) == 0 else {
                throw Failure(description: "pipe: \(String(cString: strerror(errno)))")
            }
            parentEnds.append(fds[0])
            childEnds.append(fds[1])
            posix_spawn_file_actions_adddup2(&actions, fds[1], target)
            return fds[0]
        }
        do {
            switch input {
            case .null: posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            case .file(let path): posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
            }
            var outputEnd: Int32?
            switch output {
            case .pipe: outputEnd = try pipeEnd(for: 1)
            case .null: posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            case .inherit, .standardOutput: break
            }
            var errorEnd: Int32?
            switch error {
            case .pipe: errorEnd = try pipeEnd(for: 2)
            case .null: posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            case .standardOutput: posix_spawn_file_actions_adddup2(&actions, 1, 2)
            case .inherit: break
            }
            posix_spawn_file_actions_addclosefrom_np(&actions, 3)
            if let folder { posix_spawn_file_actions_addchdir_np(&actions, folder) }

            let argv = ([executable] + arguments).map { strdup($0) } + [nil]
            defer { for pointer in argv { free(pointer) } }
            let variables = environment ?? ProcessInfo.processInfo.environment
            let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer { for pointer in envp { free(pointer) } }
            var child: pid_t = 0
            let spawned = executable.contains("/")
                ? posix_spawn(&child, executable, &actions, &attributes, argv, envp)
                : posix_spawnp(&child, executable, &actions, &attributes, argv, envp)
            guard spawned == 0 else {
                throw Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
            }
            pid = child
            Self.record(child, [executable] + arguments)
            standardOutput = outputEnd.map { FileHandle(fileDescriptor: $0, closeOnDealloc: true) }
            standardError = errorEnd.map { FileHandle(fileDescriptor: $0, closeOnDealloc: true) }
        } catch {
            for fd in parentEnds { close(fd) }
            throw error
        }
    }

    deinit {
        // A test that stopped early (a failed #require) must not leave its child running or unreaped.
        if ended.withLock({ $0 }) == nil {
            send(SIGKILL)
            _ = waitUntilExit()
        }
    }

    /// Sends `signal` to the child, unless it has already been reaped.
    public func send(_ signal: Int32) {
        ended.withLock { if $0 == nil { _ = kill(pid, signal) } }
    }

    /// SIGINT, as Ctrl-C in a terminal.
    public func interrupt() { send(SIGINT) }

    /// SIGTERM.
    public func terminate() { send(SIGTERM) }

    /// How the child ended, or nil while it runs (reaps it if it has ended).
    public var termination: Termination? {
        ended.withLock { state in
            if state == nil { state = Self.reap(pid, blocking: false) }
            return state
        }
    }

    /// Blocks the calling thread until the child ends; call from a thread of your own (see `exit()`).
    public func waitUntilExit() -> Termination {
        // Wait without reaping, then reap under the lock, so `send` never signals a pid the system gave away.
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) == -1 && errno == EINTR {}
        return ended.withLock { state in
            if state == nil { state = Self.reap(pid, blocking: true) }
            return state!
        }
    }

    /// Waits on a thread of its own (no cooperative thread is held). Past `timeout`, the child gets SIGTERM, and
    /// SIGKILL 5 s later; `timedOut` says whether that happened.
    public func exit(timeout: Duration? = nil) async -> (termination: Termination, timedOut: Bool) {
        guard let timeout else { return (await OwnThread.run { self.waitUntilExit() }, false) }
        return await OwnThread.run {
            let deadline = ContinuousClock.now + timeout
            var timedOut = false
            while true {
                if let done = self.termination { return (done, timedOut) }
                if ContinuousClock.now > deadline + (timedOut ? .seconds(5) : .zero) {
                    self.send(timedOut ? SIGKILL : SIGTERM)
                    if timedOut { return (self.waitUntilExit(), true) }
                    timedOut = true
                }
                usleep(5_000)
            }
        }
    }

    /// Appends "pid command" to the file `NEMO_TEST_SPAWN_LOG` names, if set: `scripts/harden` uses it to tell which
    /// command a sanitizer report (a file named after the process id) came from.
    private static func record(_ pid: pid_t, _ command: [String]) {
        guard let path = ProcessInfo.processInfo.environment["NEMO_TEST_SPAWN_LOG"] else { return }
        let line = "\(pid) \(command.joined(separator: " "))\n"
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        _ = line.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
        close(fd)
    }

    /// `waitpid` for one child; nil when `blocking` is false and it still runs.
    private static func reap(_ pid: pid_t, blocking: Bool) -> Termination? {
        var status: Int32 = 0
        var reaped: pid_t
        repeat { reaped = waitpid(pid, &status, blocking ? 0 : WNOHANG) } while reaped == -1 && errno == EINTR
        guard reaped == pid else { return nil }
        // WIFSIGNALED / WTERMSIG / WEXITSTATUS, which Swift does not import (they are macros).
        let signal = status & 0x7f
        return signal == 0
            ? .exited((status >> 8) & 0xff) : Termination(status: signal, signalled: true)
    }
}

extension SpawnedProcess {
    /// What a finished child left.
    public struct Result: Sendable {
        public let termination: SpawnedProcess.Termination
        public let stdout: String
        public let stderr: String
        /// Whether the child was killed for running past its time limit.
        public let timedOut: Bool

        /// The exit status (or the signal's number).
        public var status: Int32 { termination.status }
    }

    /// Runs a child to its end: both outputs read on threads of their own (started at once, so neither pipe fills
    /// up), the child waited for without holding a cooperative thread, and killed past `timeout`.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, in folder: String? = nil,
        input: Input = .null, timeout: Duration = .seconds(240)
    ) async throws -> Result {
        let child = try SpawnedProcess(executable, arguments, environment: environment, in: folder, input: input)
        let out = child.standardOutput, err = child.standardError
        async let stdout = OwnThread.run { out?.readDataToEndOfFile() ?? Data() }
        async let stderr = OwnThread.run { err?.readDataToEndOfFile() ?? Data() }
        let (termination, timedOut) = await child.exit(timeout: timeout)
        return Result(
            termination: termination, stdout: String(decoding: await stdout, as: UTF8.self),
            stderr: String(decoding: await stderr, as: UTF8.self), timedOut: timedOut)
    }

    /// Reads the child's standard output until `marker` has appeared, or to its end (without a marker, or when the
    /// output ends first), and returns what was read; blocks the calling thread (call it through `OwnThread.run` from
    /// async code).
    public func readOutput(until marker: String? = nil) -> String {
        let wanted = marker.map { Data($0.utf8) }
        var bytes = Data()
        // Only the newest chunk and the marker's length before it can complete the marker.
        var searchFrom = 0
        while let chunk = standardOutput?.availableData, !chunk.isEmpty {
            bytes += chunk
            if let wanted {
                if bytes[searchFrom...].range(of: wanted) != nil { break }
                searchFrom = max(0, bytes.count - wanted.count + 1)
            }
        }
        // Decoded once, so a character split between two reads stays whole.
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Runs a child to its end on the calling thread and returns its standard output (standard error is dropped);
    /// throws unless it exits with 0. For synchronous helpers around tools like ffmpeg and ffprobe.
    public static func output(of executable: String, _ arguments: [String]) throws -> Data {
        let child = try SpawnedProcess(executable, arguments, error: .null)
        let data = child.standardOutput?.readDataToEndOfFile() ?? Data()
        let termination = child.waitUntilExit()
        guard termination == .exited(0) else {
            let command = ([executable] + arguments).joined(separator: " ")
            throw Failure(description: "\(command): \(termination)")
        }
        return data
    }
}

/// Runs blocking work on a new thread: neither Swift's cooperative pool (2 threads here) nor Dispatch's worker pool
/// (which many blocked readers can exhaust) is held while it waits.
public enum OwnThread {
    public static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { (done: CheckedContinuation<T, Never>) in
            let thread = Thread { done.resume(returning: work()) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
