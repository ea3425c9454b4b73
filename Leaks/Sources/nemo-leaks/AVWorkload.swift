import Foundation
import NemoAPI
import NemoRender

/// libav (and libvips) through NemoRender's public `Renderer`: per iteration a 0.2 s 64x64 H.264/AAC MP4 of a
/// picture, a title and a WAV tone (the MP4 writer, both encoders, the audio decoder and mixer), then three failures
/// that must tear those objects down early: a corrupt WAV, an unwritable destination, and a render cancelled after
/// its third frame.
final class AVWorkload: Workload {
    let name = "av"
    let operationsPerIteration = 4
    private let folder: URL
    private let options = RenderOptions(width: 64, height: 64, defaultTransitionSeconds: 0.1)

    /// Creates the workload; `folder` is a scratch folder.
    init(folder: URL) {
        self.folder = folder
    }

    func start() async throws {
        try Data(TinyMedia.png(width: 80, height: 60)).write(to: file("picture.png"))
        try Data(TinyMedia.wav(seconds: 0.3, frequency: 440)).write(to: file("tone.wav"))
        try Data(Array("RIFF".utf8) + [UInt8](repeating: 0x33, count: 600)).write(to: file("corrupt.wav"))
    }

    func stop() async {}

    func iterate(_ index: Int) async throws {
        let report = try render(draft(seconds: 0.2, music: "tone.wav"), to: file("out.mp4").path)
        guard report.frameCount == 6, report.hasAudio else {
            throw LeakFailure("av.render", "expected 6 frames with audio, got \(report.frameCount), \(report.hasAudio)")
        }
        try expectFailure(.unreadableMedia, "corrupt audio") {
            try render(draft(seconds: 0.2, music: "corrupt.wav"), to: file("bad.mp4").path)
        }
        try expectFailure(.output, "unwritable destination") {
            try render(draft(seconds: 0.2, music: "tone.wav"), to: file("missing-folder/out.mp4").path)
        }
        try expectFailure(.cancelled, "cancellation") {
            var frames = 0
            return try render(
                draft(seconds: 1, music: "tone.wav"), to: file("cancelled.mp4").path,
                progress: { _ in frames += 1 }, isCancelled: { frames >= 3 })
        }
    }

    /// Runs `body`, which must throw a `RenderError` with `code`.
    private func expectFailure(_ code: RenderError.Code, _ what: String, _ body: () throws -> RenderReport) throws {
        do {
            _ = try body()
        } catch let error as RenderError where error.code == code {
            return
        } catch {
            throw LeakFailure("av.\(code.rawValue)", "\(what): expected a \(code.rawValue) error, got \(error)")
        }
        throw LeakFailure("av.\(code.rawValue)", "\(what): the render succeeded")
    }

    private func render(
        _ draft: JSONValue, to path: String, progress: (RenderProgress) -> Void = { _ in },
        isCancelled: () -> Bool = { false }
    ) throws -> RenderReport {
        try Renderer.render(
            draft: draft, to: path, options: options,
            resolve: { [folder] reference in reference.url.map { folder.appendingPathComponent($0).path } },
            progress: progress, isCancelled: isCancelled)
    }

    /// A draft of one still picture for `seconds`, a title over it, and `music` under it.
    private func draft(seconds: Double, music: String) throws -> JSONValue {
        let milliseconds = Int(seconds * 1_000)
        return try JSONValue(
            parsing: """
                {"t":[{"tt":0,"sg":[{"d":\(milliseconds),"m":{"cdn_url":"picture.png","motion":"still"}}]},
                 {"tt":1,"sg":[{"d":\(milliseconds),"m":{"name":"tone","volume":0.5,"cdn_url":"\(music)"}}]},
                 {"tt":7,"sg":[{"s":0,"d":\(milliseconds),"m":{"text":"Hi","position":"bottom"}}]}]}
                """)
    }

    private func file(_ name: String) -> URL {
        folder.appendingPathComponent(name)
    }
}
