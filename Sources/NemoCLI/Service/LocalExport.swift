import Foundation
import NemoAPI
import NemoRender

/// `nemo export --local`: renders the session's draft on this machine, free and without the service's render
/// queue. The media the draft names are downloaded to a temporary folder, the offline renderer composes and encodes
/// the video, and the MP4 is written atomically.
struct LocalExport {
    let context: ServiceContext

    /// Renders the current draft to `destination` at `size` (else the session's canvas, else 1920x1080).
    func run(to destination: String, size: (width: Int, height: Int)?) async throws -> RenderReport {
        let state = try await context.client.state()
        guard state.isReadyForExport, let draft = state.draft else {
            throw NemoAPIError(
                code: .emptyDraft,
                message: "The timeline is empty, so there is nothing to render yet. Ask the agent for a video first.")
        }
        let folder = NSTemporaryDirectory() + "nemo-local-\(ProcessInfo.processInfo.processIdentifier)-\(UUID())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try await download(media(of: state.timeline), into: folder)
        var options = RenderOptions()
        if let size {
            (options.width, options.height) = size
        } else if let width = state.canvas?.width, let height = state.canvas?.height {
            (options.width, options.height) = (width, height)
        }
        return try await LocalRenderRun(reporter: context.reporter).render(
            draft, to: destination, options: options, resolve: { reference in reference.url.flatMap { files[$0] } })
    }

    /// The distinct media URLs of the draft's segments, in timeline order.
    private func media(of timeline: Timeline) -> [String] {
        var seen = Set<String>()
        return timeline.tracks.flatMap(\.segments).compactMap { MediaReference(segment: $0)?.url }
            .filter { seen.insert($0).inserted }
    }

    /// Downloads each URL into `folder`, keeping its file name (the decoders look at the extension).
    private func download(_ urls: [String], into folder: String) async throws -> [String: String] {
        var files: [String: String] = [:]
        for (index, url) in urls.enumerated() {
            let name = URL(string: url)?.lastPathComponent ?? "media"
            let path = "\(folder)/\(index)-\(name.isEmpty ? "media" : name)"
            context.reporter.progress("Media      ", done: index, total: urls.count, unit: .items, detail: name)
            do {
                _ = try await context.client.downloadMedia(from: url, to: path)
                files[url] = path
            } catch let error as NemoAPIError {
                // The render names the segment whose media is missing; say why it is.
                context.reporter.event(
                    "warning", ["message": .string(error.message)], human: "⚠ \(error.message)")
            }
        }
        context.reporter.endBar()
        return files
    }
}
