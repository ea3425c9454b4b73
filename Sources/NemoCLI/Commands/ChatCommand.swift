public import ArgumentParser
import Foundation
import NemoAPI
import NemoCore

/// `nemo chat`: an interactive session. What the user types is routed before anything is sent: export, credits,
/// status and upload run through the API; anything else is a message to the agent.
public struct ChatCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk to the agent; 'export', 'credits', 'status' and 'upload FILE' run directly, 'quit' ends.",
        discussion: "Reads lines from standard input, so a script can pipe a conversation in.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Start a new session instead of continuing the remembered one.") var newSession = false
    @Option(help: "Where 'export' writes (numbered: video-1.mp4, video-2.mp4...).") var out = "video.mp4"

    public init() {}

    public func run() async throws {
        let out = out
        try await ServiceContext.run(global, reuseSession: !newSession) { context in
            try await ChatLoop(context: context, output: out).run()
        }
    }
}

/// The read-route-act loop of `nemo chat`.
struct ChatLoop: Sendable {
    let context: ServiceContext
    let output: String

    func run() async throws {
        let reporter = context.reporter
        let interactive = Terminal.stdoutIsTerminal && !reporter.json
        if interactive { Terminal.out("nemo chat — \(context.settings.profile.name). Type 'quit' to leave.\n") }
        var exports = 0
        while true {
            if interactive { Terminal.out("› ") }
            guard let line = readLine(strippingNewline: true) else { break }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if ["quit", "exit", "bye", "退出"].contains(text.lowercased()) { break }
            let files = text.split(separator: " ").map(String.init).filter { FileManager.default.fileExists(atPath: $0) }
            let route = IntentRouter().route(text, files: files)
            reporter.event("route", ["intent": .string(route.intent.rawValue), "text": .string(text)])
            switch route.intent {
            case .export:
                exports += 1
                let path = Self.numbered(output, exports)
                let result = try await context.client.export(to: path) { reporter.export($0) }
                reporter.endBar()
                reporter.event(
                    "result", ["output": .string(result.path), "render_id": .string(result.renderID)],
                    human: "✓ Saved \(result.path)")
            case .credits:
                let balance = try await context.client.credits()
                reporter.event("credits", ["available": .number(Double(balance.available))], human: balance.summary)
            case .status:
                let state = try await context.client.state()
                reporter.event("status", ["timeline": .string(state.timeline.summary)], human: state.timeline.summary)
            case .upload:
                guard !files.isEmpty else {
                    reporter.event("hint", [:], human: "Name the files to upload, e.g. 'upload photo.jpg'.")
                    continue
                }
                let uploaded = try await context.client.upload(files: files)
                reporter.event(
                    "uploaded", ["files": .array(uploaded.map { .string($0.filename) })],
                    human: "✓ Uploaded \(uploaded.map(\.filename).joined(separator: ", "))")
            case .message:
                for try await update in context.client.send(message: text) { reporter.message(update) }
            }
        }
    }

    /// `video.mp4` for the first export, `video-2.mp4` for the second...
    static func numbered(_ path: String, _ index: Int) -> String {
        guard index > 1 else { return path }
        let ext = (path as NSString).pathExtension
        let stem = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
        return ext.isEmpty ? "\(stem)-\(index)" : "\(stem)-\(index).\(ext)"
    }
}
