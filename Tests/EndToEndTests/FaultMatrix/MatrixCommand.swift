import Foundation
import NemoCore

/// The `nemo` command a row runs, with the commands that set its session up first.
enum MatrixCommand: String, Sendable {
    case run, say, export, upload, status, credits, chat, batch

    /// The profile every row uses, and its example request (the message every row sends).
    static let profile = ProductProfile.imageToVideoLTX
    static let message = profile.exampleRequest
    /// The second job of a batch (another transcript, so each message is told apart in the journal).
    static let secondMessage = ProductProfile.imageToFree.exampleRequest
    /// The file a downloading command writes.
    static let output = "v.mp4"

    /// How the table names the command.
    var text: String {
        switch self {
        case .run: "`nemo run`"
        case .say: "`nemo say`"
        case .export: "`nemo export`"
        case .upload: "`nemo upload`"
        case .status: "`nemo status`"
        case .credits: "`nemo credits`"
        case .chat: "`nemo chat`"
        case .batch: "`nemo batch`"
        }
    }

    /// Commands run before this one (their requests are excluded from the row's own checks).
    var setup: [[String]] {
        switch self {
        case .export: [["say", Self.message]]
        case .status: [["upload", Self.photo]]
        default: []
        }
    }

    /// The command's arguments (without the shared options).
    var arguments: [String] {
        switch self {
        case .run: ["run", Self.photo, "--no-prep", "--out", Self.output]
        case .say: ["say", Self.message]
        case .export: ["export", "--out", Self.output]
        case .upload: ["upload", Self.photo]
        case .status: ["status"]
        case .credits: ["credits"]
        case .chat: ["chat", "--out", Self.output]
        case .batch: ["batch", "plan.yaml"]
        }
    }

    /// The files a successful command writes, and whether a failed one may leave none of them.
    var outputs: [String] {
        switch self {
        case .run, .export: [Self.output]
        case .chat: [Self.output]
        case .batch: ["one.mp4", "two.mp4"]
        default: []
        }
    }

    /// Writes what the command reads (chat's conversation, batch's plan) into `folder`; returns stdin's file.
    func prepare(in folder: String) throws -> String? {
        switch self {
        case .chat:
            let path = folder + "/conversation.txt"
            try Data("credits\n\(Self.message)\nstatus\nexport\nquit\n".utf8).write(to: URL(fileURLWithPath: path))
            return path
        case .batch:
            let plan = """
                jobs:
                  - image: \(Self.photo)
                    prompt: \(Self.message)
                    out: one.mp4
                  - image: \(Executable.images)/city.webp
                    prompt: \(Self.secondMessage)
                    out: two.mp4

                """
            try Data(plan.utf8).write(to: URL(fileURLWithPath: folder + "/plan.yaml"))
            return nil
        default:
            return nil
        }
    }

    static var photo: String { Executable.images + "/beach.jpg" }
}
