public import ArgumentParser

/// `nemo`: the root command; subcommands cover the pipeline's steps.
public struct NemoCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "nemo",
        abstract: "Turn still images into video with NemoVideo, online or fully offline.",
        subcommands: [
            RunCommand.self, ChatCommand.self, BatchCommand.self, SayCommand.self, StatusCommand.self, CreditsCommand.self, UploadCommand.self,
            ExportCommand.self, RenderCommand.self, PrepCommand.self, MockCommand.self, SSECommand.self,
        ])

    public init() {}
}
