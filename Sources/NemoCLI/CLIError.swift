/// A failure the CLI reports with a message and a documented exit status.
struct CLIError: Error, CustomStringConvertible {
    /// The message shown to the user (never contains a secret).
    let message: String
    /// The exit status.
    let status: ExitStatus

    /// A usage error (exit status 2).
    static func usage(_ message: String) -> CLIError {
        CLIError(message: message, status: .usage)
    }

    var description: String { message }
}
