public import ArgumentParser
import Foundation
import NemoAPI
import NemoCore
import NemoPrep

/// `nemo run IMAGES... --prompt "..."`: the whole job in one command.
public struct RunCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Photos in, MP4 out: prep, token, session, upload, message, state, export, download.",
        discussion: """
            Starts a new session (remembered, so `nemo say`, `nemo status` and `nemo export` continue it). Text-only \
            requests (--profile ai-animations) need no images. With --backend mock everything runs offline against \
            the embedded nemo-mock.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: """
            Photos (files or folders), prepared with nemo-prep first unless --no-prep; video files named here \
            (mp4, mov, webm...) are uploaded as they are.
            """)
    var images: [String] = []

    @Option(name: .shortAndLong, help: "What to make, e.g. \"combine these photos into a 30-second video\" (default: the profile's example request).")
    var prompt: String?

    @Option(name: .shortAndLong, help: "Where to write the MP4.")
    var out = "video.mp4"

    @Flag(help: "Upload the images as they are, without nemo-prep.")
    var noPrep = false

    @Option(help: "With prep: one aspect for the batch (auto, 16:9, 9:16, 1:1, 4:5, W:H).")
    var aspect = "auto"

    public init() {}

    public func run() async throws {
        let (images, prompt, output, prep, aspect) = (images, prompt, out, !noPrep, aspect)
        try OutputPath.checkWritable(output)
        try await ServiceContext.run(global, reuseSession: false, output: output) { context in
            try await RunPipeline(
                context: context, images: images, prompt: prompt, output: output, prep: prep, aspect: aspect
            ).run()
        }
    }
}

/// The steps of `nemo run`, reported as they happen.
struct RunPipeline: Sendable {
    let context: ServiceContext
    let images: [String]
    let prompt: String?
    let output: String
    let prep: Bool
    let aspect: String

    func run() async throws {
        let profile = context.settings.profile
        let reporter = context.reporter
        guard !images.isEmpty || profile.acceptsTextOnly else {
            throw CLIError.usage(
                "Give at least one photo, or use --profile ai-animations for a text-only request.")
        }
        let text = prompt ?? profile.exampleRequest
        // The prepared copies are only needed until they are uploaded: never leave them behind.
        let prepFolder = FileManager.default.temporaryDirectory.path + "/nemo-run-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: prepFolder) }
        let prepared = try await prepare(into: prepFolder)
        let session = try await context.client.startSession(language: LanguageDetector.detect(text))
        reporter.event("session", ["session_id": .string(session.sessionID)], human: "Session \(session.sessionID)")
        if !prepared.isEmpty {
            let totalBytes = prepared.reduce(0) { sum, path in
                sum + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
            }
            let uploaded = try await context.client.upload(files: prepared) { progress in
                reporter.progress(
                    "Uploading  ", done: Int(progress.sent), total: Int(progress.totalToSend ?? Int64(totalBytes)),
                    unit: .bytes)
            }
            reporter.event(
                "uploaded", ["files": .array(uploaded.map { .string($0.filename) })],
                human: "Uploaded \(uploaded.count) file\(uploaded.count == 1 ? "" : "s")")
        }
        reporter.event("message", ["text": .string(text)], human: "» \(text)")
        for try await update in context.client.send(message: text) { reporter.message(update) }
        let result = try await context.client.export(to: output) { reporter.export($0) }
        reporter.endBar()
        reporter.event(
            "result",
            ["output": .string(result.path), "bytes": .number(Double(result.bytes)), "render_id": .string(result.renderID)],
            human: "✓ Saved \(result.path) (\(ByteCount.format(Int(result.bytes))))")
    }

    /// Runs nemo-prep on the photos into `folder` (a temporary folder the caller removes); returns the files to
    /// upload in the order given, video clips untouched among them.
    private func prepare(into folder: String) async throws -> [String] {
        guard !images.isEmpty else { return [] }
        guard prep else { return images }
        let given = RunInputs(arguments: images)
        guard !given.photoArguments.isEmpty else { return given.videos }
        let reporter = context.reporter
        guard let choice = AspectChoice(parsing: aspect) else { throw CLIError.usage("--aspect must be auto or W:H.") }
        let configuration = PrepConfiguration(aspect: choice, maxBytes: context.settings.profile.maxUploadBytes)
        let inputs: [PlannedInput]
        do {
            inputs = try InputCollector(recursive: true, outputFolder: folder).collect(given.photoArguments)
        } catch {
            // Folders of clips only: nothing for prep.
            guard error.code == .noInputs, !given.videos.isEmpty else { throw error }
            return given.videos
        }
        let manifest = try await Task.detached {
            try PrepRunner(configuration: configuration).run(inputs, outputFolder: folder) { step in
                reporter.progress("Preparing  ", done: step.completed, total: step.total, unit: .items)
            }
        }.value
        for entry in manifest.images {
            var fields: [String: JSONValue] = ["input": .string(entry.input.path), "status": .string(entry.status)]
            if let output = entry.output { fields["output"] = .string(output.path) }
            if let error = entry.error { fields["error"] = .string(error.message) }
            reporter.event("prep", fields, human: entry.error.map { "✗ \(entry.input.path): \($0.message)" })
        }
        let ready = manifest.images.compactMap { entry in entry.output.map { (entry.input.path, $0.path) } }
        reporter.event(
            "prep_done", ["aspect": .string(manifest.aspect.chosen), "prepared": .number(Double(ready.count))],
            human: "Prepared \(ready.count) of \(manifest.images.count) photos (\(manifest.aspect.chosen), "
                + "\(manifest.aspect.frame))")
        guard !ready.isEmpty || !given.videos.isEmpty else {
            throw CLIError(message: "No photo could be prepared; see the errors above.", status: .upload)
        }
        return given.uploadOrder(prepared: ready)
    }
}
