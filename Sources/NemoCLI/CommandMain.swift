public import ArgumentParser
import Glibc

/// Runs a root command the way ArgumentParser does, but with nemo's documented exit codes: usage errors exit
/// with 2 (ArgumentParser's default is 64).
public enum CommandMain {
    /// Parses the process arguments, runs the command and exits.
    public static func run<Command: ParsableCommand>(_ type: Command.Type) -> Never {
        do {
            var command = try type.parseAsRoot()
            try command.run()
            exit(ExitStatus.success.rawValue)
        } catch {
            if type.exitCode(for: error) == .validationFailure {
                Terminal.err(type.fullMessage(for: error) + "\n")
                exit(ExitStatus.usage.rawValue)
            }
            type.exit(withError: error)
        }
    }
}

/// Exit statuses shared by nemo and nemo-prep (documented in the README).
public enum ExitStatus: Int32, Sendable {
    /// Everything asked for was done.
    case success = 0
    /// Some items failed (nemo-prep: at least one image); the rest was done.
    case partialFailure = 1
    /// The command line was wrong, or the batch could not start (no inputs, output folder unusable).
    case usage = 2

    /// The status as ArgumentParser's exit code.
    public var code: ExitCode { ExitCode(rawValue) }
}
