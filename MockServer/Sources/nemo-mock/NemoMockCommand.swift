import ArgumentParser
import NemoMock

/// `nemo-mock`: a deterministic NemoVideo server that replays recorded transcripts.
@main
struct NemoMockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nemo-mock",
        abstract: "A deterministic NemoVideo server that replays recorded transcripts.",
        subcommands: [ServeCommand.self, CheckCommand.self, ImportCommand.self],
        defaultSubcommand: ServeCommand.self)
}
