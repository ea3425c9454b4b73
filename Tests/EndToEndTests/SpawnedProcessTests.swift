import Foundation
import NemoTestSupport
import Testing

/// The launcher every test that runs a tool uses: what the child inherits, and how it ends.
@Suite("SpawnedProcess: the tests' process launcher")
struct SpawnedProcessTests {
    @Test("a child inherits no descriptor but stdin, stdout and stderr, so it never holds another test's pipe open")
    func onlyTheStandardDescriptors() async throws {
        let fd = open("/dev/null", O_RDONLY)  // without O_CLOEXEC, as a careless library would open it
        try #require(fd > 2)
        defer { close(fd) }
        let result = try await SpawnedProcess.run("/bin/sh", ["-c", "[ -e /proc/$$/fd/\(fd) ] && echo open || echo closed"])
        #expect(result.stdout == "closed\n")
        #expect(result.termination == .exited(0))
    }

    @Test("SIGINT reaches a child started from a thread that blocks it")
    func signalsAreNotBlockedInTheChild() async throws {
        let child = try await OwnThread.run { () -> Result<SpawnedProcess, any Error> in
            var blocked = sigset_t()
            sigemptyset(&blocked)
            sigaddset(&blocked, SIGINT)
            pthread_sigmask(SIG_BLOCK, &blocked, nil)
            // Long enough to outlast a busy test pool: the signal may come tens of seconds after the start.
            return Result { try SpawnedProcess("/bin/sleep", ["600"]) }
        }.get()
        child.interrupt()
        let ended = await child.exit(timeout: .seconds(10))
        #expect(ended.termination == SpawnedProcess.Termination(status: SIGINT, signalled: true))
        #expect(!ended.timedOut)
    }

    @Test("the child runs in the folder asked for, with the environment given")
    func folderAndEnvironment() async throws {
        let folder = try Executable.folder()
        let result = try await SpawnedProcess.run(
            "/bin/sh", ["-c", "pwd; echo \"$ONLY\"; echo \"${HOME:-unset}\""], environment: ["ONLY": "this"], in: folder)
        #expect(result.stdout == folder + "\nthis\nunset\n")
    }

    @Test("a child past its time limit is terminated, and says so")
    func timeLimit() async throws {
        let result = try await SpawnedProcess.run("/bin/sleep", ["600"], timeout: .milliseconds(200))
        #expect(result.timedOut)
        #expect(result.termination == SpawnedProcess.Termination(status: SIGTERM, signalled: true))
    }

    @Test("a missing program is an error, not a crash")
    func missingProgram() {
        #expect(throws: SpawnedProcess.Failure.self) { try SpawnedProcess("/nonexistent/tool", []) }
    }
}
