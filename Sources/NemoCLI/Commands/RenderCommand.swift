public import ArgumentParser
import Foundation
import NemoAPI
import NemoRender

/// `nemo render draft.json`: renders a saved timeline draft with the offline renderer, no service involved.
public struct RenderCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a saved timeline draft (or a saved session state) to MP4 on this machine, offline.",
        discussion: """
            The file holds a draft ({"t":[...]}), a state ({"draft":...}) or a state answer ({"data":{"state":...}}). \
            Each segment's media is looked up by its file name (m.filename, or the last part of m.cdn_url) in \
            --media (default: the draft's folder).
            """)

    @Argument(help: "The draft or state JSON file.") var draft: String
    @Option(help: "Folder holding the media the draft names (default: the draft's folder).") var media: String?
    @Option(name: .shortAndLong, help: "Where to write the MP4.") var out = "video.mp4"
    @Option(help: "The video size, WIDTHxHEIGHT (default 1920x1080).") var size = "1920x1080"
    @Option(help: "Seed of the motion chosen for segments that name none.") var seed: UInt64 = 0
    @Flag(help: "One JSON object per line on stdout (render_local progress, warning, result, error).") var json = false

    public init() {}

    public func validate() throws {
        guard ExportCommand.parseSize(size) != nil else {
            throw ValidationError("--size \(size) is not WIDTHxHEIGHT with even numbers from 16 to 4096, e.g. 1080x1920.")
        }
    }

    public func run() async throws {
        let reporter = Reporter(json: json)
        try OutputPath.checkWritable(out)
        let draftJSON: JSONValue
        do {
            guard let bytes = FileManager.default.contents(atPath: draft) else {
                throw CLIError.usage("the file cannot be read; give the path of a saved draft or state")
            }
            draftJSON = try Self.draft(in: JSONValue(parsingUTF8: bytes))
        } catch {
            reporter.failure("Cannot use the draft \(draft): \(error).", code: "invalid_draft", status: .usage)
            throw ExitCodeOnly(status: .usage)
        }
        let folder = media ?? (URL(fileURLWithPath: draft).deletingLastPathComponent().path)
        let (width, height) = ExportCommand.parseSize(size)!
        let options = RenderOptions(width: width, height: height, seed: seed)
        let (out, run) = (out, LocalRenderRun(reporter: reporter))
        let work = Task {
            try await run.render(draftJSON, to: out, options: options, resolve: { Self.file(for: $0, in: folder) })
        }
        let interrupt = Interrupt.install { work.cancel() }
        defer { interrupt.cancel() }
        switch await work.result {
        case .success(let report):
            run.report(report)
        case .failure(let error as RenderError) where error.code == .cancelled:
            reporter.failure("Interrupted; nothing was written.", code: "interrupted", status: .interrupted)
            throw ExitCodeOnly(status: .interrupted)
        case .failure(let error as RenderError):
            reporter.failure(error.message, code: error.code.rawValue, status: .render)
            throw ExitCodeOnly(status: .render)
        case .failure(let error):
            reporter.failure("\(error)", code: "failed", status: .render)
            throw ExitCodeOnly(status: .render)
        }
    }

    /// The draft inside a draft, state or state-answer document.
    static func draft(in document: JSONValue) throws -> JSONValue {
        for candidate in [document, document["draft"], document["state"]?["draft"], document["data"]?["state"]?["draft"]] {
            if let candidate, candidate["t"] != nil { return candidate }
        }
        throw CLIError.usage("no draft found: expected {\"t\":[...]}, a state with \"draft\", or a state answer")
    }

    /// The file in `folder` a media reference names (its file name, else its URL's last path component).
    static func file(for reference: MediaReference, in folder: String) -> String? {
        let lastComponent = reference.url.flatMap { URL(string: $0)?.lastPathComponent }
        for name in [reference.filename, lastComponent].compactMap({ $0 }) where !name.isEmpty && !name.contains("/") {
            let path = folder + "/" + name
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }
}
