import Foundation
public import NemoAPI
import NemoCore

/// Renders a timeline draft into an H.264/AAC MP4 of the user's own images: pictures in motion, transitions,
/// titles and music, composed with libvips frame by frame and streamed to the encoder, so memory stays flat however
/// long the video is. The same draft, media and options give a byte-identical file.
public enum Renderer {
    /// Renders `draft` (the state's `data.state.draft`) to `path`.
    ///
    /// The MP4 is written to a temporary file beside `path` and renamed over it when complete: `path` never holds
    /// a partial video, and nothing is left behind on failure or cancellation.
    ///
    /// - Parameters:
    ///   - resolve: finds the local file of each segment's media.
    ///   - progress: called after each frame.
    ///   - isCancelled: polled before each frame; returning `true` stops with `RenderError.Code.cancelled`.
    public static func render(
        draft: JSONValue, to path: String, options: RenderOptions = RenderOptions(), resolve: MediaResolver,
        progress: (RenderProgress) -> Void = { _ in }, isCancelled: () -> Bool = { false }
    ) throws(RenderError) -> RenderReport {
        try options.validate()
        let plan = try RenderPlan.make(timeline: Timeline(draft: draft), options: options, resolve: resolve)
        return try render(plan, to: path, options: options, progress: progress, isCancelled: isCancelled)
    }

    /// Renders a plan (tests build plans directly).
    static func render(
        _ plan: RenderPlan, to path: String, options: RenderOptions, progress: (RenderProgress) -> Void = { _ in },
        isCancelled: () -> Bool = { false }
    ) throws(RenderError) -> RenderReport {
        let temporary = AtomicFile.temporaryPath(for: path) + ".mp4"
        var hasAudio = false
        do throws(RenderError) {
            hasAudio = try encode(plan, to: temporary, options: options, progress: progress, isCancelled: isCancelled)
            guard rename(temporary, path) == 0 else {
                throw RenderError(
                    .output, "Could not move the video into place at \(path): \(String(cString: strerror(errno))).")
            }
        } catch {
            unlink(temporary)
            throw error
        }
        return RenderReport(
            path: path, duration: plan.duration, frameCount: plan.frameCount, width: options.width,
            height: options.height, hasAudio: hasAudio, warnings: plan.warnings)
    }

    /// Composes every frame of `plan` and streams it, with the sound, into an MP4 at `path`; returns whether the
    /// MP4 has an audio track (not when the only sound would come from videos that have none).
    private static func encode(
        _ plan: RenderPlan, to path: String, options: RenderOptions, progress: (RenderProgress) -> Void,
        isCancelled: () -> Bool
    ) throws(RenderError) -> Bool {
        let audioFormat = AudioFormat()
        let mixer = try plan.audio.isEmpty
            ? nil : AudioMixer(clips: plan.audio, format: audioFormat, duration: plan.duration).audible
        let writer = try MP4Writer(
            path: path,
            video: VideoFormat(
                width: options.width, height: options.height, framesPerSecond: options.framesPerSecond,
                quality: options.quality, preset: VideoFormat.defaultPreset),
            audio: mixer == nil ? nil : audioFormat)
        let scene = Scene(plan: plan, options: options)
        let composer = try FrameComposer(canvas: options.canvas)
        var frame = RGBFrame(width: options.width, height: options.height)
        var samplesWritten = 0
        let total = plan.frameCount
        for index in 0..<total {
            if isCancelled() { throw RenderError(.cancelled, "The render was cancelled; no video was written.") }
            try scene.compose(frame: index, with: composer, into: &frame)
            try writer.append(frame)
            if let mixer {
                let end = Int((plan.time(ofFrame: index + 1) * Double(audioFormat.sampleRate)).rounded())
                let samples = try mixer.read(frames: end - samplesWritten)
                if !samples.isEmpty { try writer.append(audio: samples) }
                samplesWritten = end
            }
            progress(RenderProgress(frame: index + 1, frameCount: total))
        }
        try writer.finish()
        return mixer != nil
    }
}
