/// Mixes music clips into one stream of interleaved samples at the output format, decoding lazily: a clip's file is
/// opened when the clip starts and closed when it ends, so memory stays bounded whatever the duration.
final class AudioMixer {
    /// One clip with its placement in sample frames and its decoder once it started.
    private struct Track {
        /// The clip.
        let clip: AudioClip
        /// First output frame of the clip.
        let startFrame: Int
        /// Output frame after the clip's last one (clamped to the mix's end).
        let endFrame: Int
        /// Gain over the clip.
        let envelope: ClipEnvelope
        /// The decoder, while the clip plays.
        var source: ClipSource?
        /// Whether the clip is over (its file ended or its time is up).
        var done = false
    }

    /// The output settings.
    let format: AudioFormat
    /// Total sample frames of the mix.
    let totalFrames: Int
    /// Sample frames already returned.
    private(set) var position = 0
    /// The mixer, or `nil` when no clip will sound (optional clips of files without audio are left out).
    var audible: AudioMixer? { tracks.isEmpty ? nil : self }
    /// The clips.
    private var tracks: [Track]
    /// Read scratch for one clip.
    private var scratch: [Float] = []

    /// Validates the clips and opens each file once to check that it decodes; `duration` is the mix's length (s).
    init(clips: [AudioClip], format: AudioFormat, duration: Double) throws(RenderError) {
        try format.validate()
        guard duration.isFinite, duration >= 0 else {
            throw RenderError(.invalidSettings, "audio duration \(duration) s is invalid: use 0 or more seconds")
        }
        self.format = format
        let rate = Double(format.sampleRate)
        totalFrames = Int((duration * rate).rounded())
        var tracks: [Track] = []
        for clip in clips {
            try clip.validate()
            let probe: AudioDecoder
            let decoded: Int
            do throws(RenderError) {
                probe = try AudioDecoder(
                    path: clip.path, format: format, skipping: clip.sourceStart,
                    alignedToPicture: clip.isVideoSound)
                var firstSamples = [Float](repeating: 0, count: 64 * format.channels)
                decoded = try firstSamples.withUnsafeMutableBufferPointer { (buffer) throws(RenderError) in
                    try probe.read(into: buffer.baseAddress!, frames: 64)
                }
            } catch {
                // A video without sound, or whose sound does not decode, stays silent; the pictures still render.
                if clip.isVideoSound { continue }
                throw error
            }
            guard decoded > 0 else {
                if clip.isVideoSound { continue }
                throw RenderError(.unreadableMedia, "music file \(clip.path) has no audio samples: use another file")
            }
            let startFrame = Int((clip.start * rate).rounded())
            let clipFrames = Int((clip.duration * rate).rounded())
            var audibleFrames = clipFrames
            if !clip.loops, let fileDuration = probe.containerDuration {
                audibleFrames = min(clipFrames, max(0, Int(((fileDuration - clip.sourceStart) * rate).rounded())))
            }
            let envelope = ClipEnvelope(
                volume: clip.clampedVolume,
                fadeInFrames: Int((clip.fadeIn * rate).rounded()),
                fadeOutFrames: Int((clip.fadeOut * rate).rounded()),
                endFrame: audibleFrames,
                curve: clip.fadeCurve
            )
            let endFrame = min(startFrame + clipFrames, totalFrames)
            tracks.append(Track(clip: clip, startFrame: startFrame, endFrame: endFrame, envelope: envelope,
                                done: startFrame >= endFrame))
        }
        self.tracks = tracks
    }

    /// The next `frames` sample frames (interleaved, `channels` floats each), silence where no clip plays, clipped to
    /// [-1, 1]; fewer at the end of the mix and empty after it.
    func read(frames: Int) throws(RenderError) -> [Float] {
        let count = min(max(frames, 0), totalFrames - position)
        guard count > 0 else { return [] }
        let channels = format.channels
        var mix = [Float](repeating: 0, count: count * channels)
        let windowEnd = position + count
        for index in tracks.indices where !tracks[index].done {
            let track = tracks[index]
            let from = max(position, track.startFrame)
            let to = min(windowEnd, track.endFrame)
            guard from < to else { continue }
            try add(track: index, from: from, to: to, into: &mix)
            if to >= track.endFrame { finish(track: index) }
        }
        for index in mix.indices {
            let sample = mix[index]
            mix[index] = sample.isNaN ? 0 : min(max(sample, -1), 1)
        }
        position = windowEnd
        return mix
    }

    /// Decodes the clip's frames `from..<to` (output frame numbers), applies its gain and adds them to `mix`.
    private func add(track index: Int, from: Int, to: Int, into mix: inout [Float]) throws(RenderError) {
        let channels = format.channels
        if tracks[index].source == nil {
            let clip = tracks[index].clip
            tracks[index].source = try ClipSource(
                path: clip.path, format: format, loops: clip.loops, sourceStart: clip.sourceStart,
                alignedToPicture: clip.isVideoSound)
        }
        guard let source = tracks[index].source else { return }
        let wanted = to - from
        if scratch.count < wanted * channels {
            scratch = [Float](repeating: 0, count: wanted * channels)
        }
        let got = try scratch.withUnsafeMutableBufferPointer { (buffer) throws(RenderError) in
            try source.read(into: buffer.baseAddress!, frames: wanted)
        }
        let track = tracks[index]
        let offset = from - position
        for frame in 0..<got {
            let gain = Float(track.envelope.gain(at: from + frame - track.startFrame))
            for channel in 0..<channels {
                mix[(offset + frame) * channels + channel] += scratch[frame * channels + channel] * gain
            }
        }
        if got < wanted { finish(track: index) }
    }

    /// Marks a clip over and closes its file.
    private func finish(track index: Int) {
        tracks[index].done = true
        tracks[index].source = nil
    }
}
