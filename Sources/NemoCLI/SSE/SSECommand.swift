public import ArgumentParser

/// `nemo sse`: tools for server-sent event streams.
public struct SSECommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sse",
        abstract: "Read captured server-sent event streams.",
        subcommands: [SSEDecodeCommand.self])

    public init() {}
}
