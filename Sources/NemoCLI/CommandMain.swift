public import ArgumentParser
import Glibc

/// Runs a root command the way ArgumentParser does, but with nemo's documented exit codes: usage errors exit
/// with 2 (ArgumentParser's default is 64).
public enum CommandMain {
    /// Parses the process arguments, runs the command (async commands too) and exits.
    public static func run<Command: ParsableCommand>(_ type: Command.Type) async -> Never {
        do {
            var command = try type.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(ExitStatus.success.rawValue)
        } catch let error as ExitCodeOnly {
            exit(error.status.rawValue)
        } catch let error as CLIError {
            Terminal.err("nemo: \(error.message)\n")
            exit(error.status.rawValue)
        } catch {
            if type.exitCode(for: error) == .validationFailure {
                Terminal.err(type.fullMessage(for: error) + "\n")
                exit(ExitStatus.usage.rawValue)
            }
            type.exit(withError: error)
        }
    }
}

/// Exit statuses shared by nemo and nemo-prep (documented in the README), one per failure class.
public enum ExitStatus: Int32, Sendable {
    /// Everything asked for was done.
    case success = 0
    /// Some items failed (some images could not be prepared); the rest was done.
    case partialFailure = 1
    /// The command line was wrong, or the batch could not start (no inputs, output folder unusable).
    case usage = 2
    /// Identity: the token was refused after a retry, the client id was rejected, the token cache is unsafe.
    case identity = 3
    /// Out of credits (2001).
    case credits = 4
    /// The plan blocks export (HTTP 402).
    case plan = 5
    /// A file was refused (4001 type, 4002 size) or could not be read.
    case upload = 6
    /// Rate limited (HTTP 429) after the documented wait and retry.
    case rateLimited = 7
    /// The service could not be reached or failed (network, 5xx, unreadable answers).
    case service = 8
    /// The render failed or did not finish in time.
    case render = 9
    /// The agent failed, the stream timed out, or a dropped stream could not be reconciled.
    case agent = 10
    /// Interrupted (Ctrl-C); a render in flight can be resumed.
    case interrupted = 130

    /// The status as ArgumentParser's exit code.
    public var code: ExitCode { ExitCode(rawValue) }
}
