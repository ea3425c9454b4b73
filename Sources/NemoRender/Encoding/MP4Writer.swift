/// Writes an H.264 (+ optional AAC) MP4: frames and audio stream to the encoders as they come, packets are
/// interleaved into the file, and `finish()` writes the index at the front (faststart).
///
/// The output is reproducible: the same frames and samples give a byte-identical file (bit-exact muxing and
/// encoding, no creation time, a fixed encoder thread count, x264's deterministic mode). On any error the file is
/// incomplete: the caller deletes it. `deinit` frees every libav object whether or not `finish()` ran.
final class MP4Writer {
    /// The video settings.
    let video: VideoFormat
    /// The audio settings, or nil for a silent video.
    let audio: AudioFormat?
    /// The container (owns the file).
    private let muxer: MP4Muxer
    /// The H.264 encoder.
    private let videoEncoder: VideoEncoder
    /// The AAC encoder, when there is audio.
    private let audioEncoder: AudioEncoder?
    /// Where the writer is in its life.
    private var state = State.open

    /// The writer's life: open until `finish()`, or until a call fails.
    private enum State {
        case open
        case finished
        case failed
    }

    /// Validates the settings, opens the encoders and creates the file at `path` (writing its header).
    init(path: String, video: VideoFormat, audio: AudioFormat?) throws(RenderError) {
        LibAV.quietLogging
        try video.validate()
        try audio?.validate()
        self.video = video
        self.audio = audio
        let muxer = try MP4Muxer(path: path)
        videoEncoder = try VideoEncoder(format: video, muxer: muxer)
        if let audio {
            audioEncoder = try AudioEncoder(format: audio, muxer: muxer)
        } else {
            audioEncoder = nil
        }
        try muxer.open()
        self.muxer = muxer
    }

    /// Frames appended so far.
    var frameCount: Int { videoEncoder.frameCount }

    /// Encodes the next video frame (frames come in order at the constant frame rate; size as the format's).
    func append(_ frame: RGBFrame) throws(RenderError) {
        try whileOpen { () throws(RenderError) in try videoEncoder.encode(frame) }
    }

    /// Encodes the next interleaved samples (stereo: L, R, L, R...); any count of whole sample frames, in order.
    func append(audio samples: [Float]) throws(RenderError) {
        guard let audioEncoder else {
            throw RenderError(.invalidSettings, "this MP4Writer was created without audio: pass an AudioFormat")
        }
        try whileOpen { () throws(RenderError) in try audioEncoder.append(samples) }
    }

    /// Flushes the encoders, writes the trailer with the index at the front and closes the file.
    func finish() throws(RenderError) {
        guard videoEncoder.frameCount > 0 else {
            state = .failed
            throw RenderError(.invalidSettings, "no video frame was appended: an MP4 needs at least one frame")
        }
        try whileOpen { () throws(RenderError) in
            try videoEncoder.finish()
            try audioEncoder?.finish()
            try muxer.finish()
        }
        state = .finished
    }

    /// Runs `body` if the writer is open; a failure leaves it failed, so later calls throw instead of writing.
    private func whileOpen(_ body: () throws(RenderError) -> Void) throws(RenderError) {
        switch state {
        case .finished:
            throw RenderError(.invalidSettings, "the MP4 is already finished: create a new MP4Writer")
        case .failed:
            throw RenderError(.encoder, "an earlier write to \(muxer.path) failed: delete the file and render again")
        case .open:
            do {
                try body()
            } catch {
                state = .failed
                throw error
            }
        }
    }
}
