public import ArgumentParser

/// `nemo`: the root command; subcommands cover the pipeline's steps.
public struct NemoCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "nemo",
        abstract: "Turn still images into video with NemoVideo, online or fully offline.",
        subcommands: [PrepCommand.self, SSECommand.self])

    public init() {}
}
