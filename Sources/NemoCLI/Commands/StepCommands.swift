public import ArgumentParser
import Foundation
import NemoAPI
import NemoCore
import NemoRender

/// `nemo say "..."`: one message to the agent in the current session.
public struct SayCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "say", abstract: "Send one message to the agent in the current session and follow its answer.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The message.") var message: String
    @Flag(help: "Start a new session instead of continuing the remembered one.") var newSession = false

    public init() {}

    public func run() async throws {
        let message = message
        try await ServiceContext.run(global, reuseSession: !newSession) { context in
            for try await update in context.client.send(message: message) { context.reporter.message(update) }
        }
    }
}

/// `nemo status`: the timeline summary of the current session.
public struct StatusCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the current session's timeline.")

    @OptionGroup var global: GlobalOptions

    public init() {}

    public func run() async throws {
        try await ServiceContext.run(global) { context in
            let state = try await context.client.state()
            let session = await context.client.session?.sessionID ?? ""
            context.reporter.event(
                "status",
                [
                    "session_id": .string(session), "timeline": .string(state.timeline.summary),
                    "ready_for_export": .bool(state.isReadyForExport),
                ], human: state.timeline.summary)
        }
    }
}

/// `nemo credits`: the balance.
public struct CreditsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "credits", abstract: "Show the credit balance.")

    @OptionGroup var global: GlobalOptions

    public init() {}

    public func run() async throws {
        try await ServiceContext.run(global) { context in
            let balance = try await context.client.credits()
            context.reporter.event(
                "credits",
                [
                    "available": .number(Double(balance.available)), "frozen": .number(Double(balance.frozen)),
                    "total": .number(Double(balance.total)),
                ], human: balance.summary)
        }
    }
}

/// `nemo upload FILE...`: files (or URLs) into the current session.
public struct UploadCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "upload", abstract: "Upload files (or http(s) URLs) to the current session.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Files or URLs.") var items: [String]

    public init() {}

    public func run() async throws {
        let items = items
        try await ServiceContext.run(global) { context in
            let urls = items.filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
            let files = items.filter { !urls.contains($0) }
            var uploaded: [UploadedFile] = []
            if !files.isEmpty {
                uploaded += try await context.client.upload(files: files) { progress in
                    context.reporter.progress(
                        "Uploading  ", done: Int(progress.sent), total: Int(progress.totalToSend ?? 1), unit: .bytes)
                }
            }
            if !urls.isEmpty { uploaded += try await context.client.upload(urls: urls) }
            for file in uploaded {
                context.reporter.event(
                    "uploaded", ["file": .string(file.filename), "type": .string(file.fileType ?? "")],
                    human: "✓ \(file.filename)")
            }
        }
    }
}

/// `nemo export [--resume RENDER_ID]`: render the current draft and download the MP4.
public struct ExportCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Render the current timeline to MP4 (free) and download it; --resume finishes an earlier render.")

    @OptionGroup var global: GlobalOptions
    @Option(name: .shortAndLong, help: "Where to write the MP4.") var out = "video.mp4"
    @Option(help: "Finish a render started earlier (its id), or 'last' for the most recent unfinished one.")
    var resume: String?
    @Flag(help: "Render the draft on this machine (free, offline renderer) instead of on the service.")
    var local = false
    @Option(help: "With --local: the video size, WIDTHxHEIGHT (default: the session's canvas, else 1920x1080).")
    var size: String?

    public init() {}

    public func validate() throws {
        if resume != nil && local { throw ValidationError("--resume finishes a service render; it cannot go with --local.") }
        if size != nil && !local { throw ValidationError("--size applies to --local renders only.") }
        if let size, Self.parseSize(size) == nil {
            throw ValidationError("--size \(size) is not WIDTHxHEIGHT with even numbers from 16 to 4096, e.g. 1080x1920.")
        }
    }

    /// "1920x1080" as a width and a height (even, 16...4096).
    static func parseSize(_ text: String) -> (width: Int, height: Int)? {
        let parts = text.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts.allSatisfy({ (16...4096).contains($0) && $0 % 2 == 0 }) else { return nil }
        return (parts[0], parts[1])
    }

    public func run() async throws {
        let (out, resume) = (out, resume)
        try OutputPath.checkWritable(out)
        if local {
            let size = size.flatMap(Self.parseSize)
            try await ServiceContext.run(global, output: out) { context in
                let report = try await LocalExport(context: context).run(to: out, size: size)
                LocalRenderRun(reporter: context.reporter).report(report)
            }
            return
        }
        try await ServiceContext.run(global, output: out) { context in
            let result: ExportResult
            if let resume {
                var id = resume
                if resume == "last" {
                    guard let job = try await context.client.pendingRenders().last else {
                        throw CLIError.usage("No unfinished render is remembered.")
                    }
                    id = job.id
                }
                result = try await context.client.resumeExport(renderID: id, to: out) { context.reporter.export($0) }
            } else {
                result = try await context.client.export(to: out) { context.reporter.export($0) }
            }
            context.reporter.endBar()
            context.reporter.event(
                "result",
                ["output": .string(result.path), "bytes": .number(Double(result.bytes)), "render_id": .string(result.renderID)],
                human: "✓ Saved \(result.path) (\(ByteCount.format(Int(result.bytes))))")
        }
    }
}
