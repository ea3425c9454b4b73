import CAV

/// AAC-LC encoding with libavcodec's native "aac" encoder: takes interleaved float samples in any counts, splits
/// them into planar (fltp) frames of the encoder's frame size (1024) and pads the last frame with silence.
final class AudioEncoder {
    /// The opened AAC context (owned).
    let context: UnsafeMutablePointer<AVCodecContext>
    /// The settings.
    let format: AudioFormat
    /// The muxer stream the packets go to.
    let streamIndex: Int32
    /// The muxer that receives the packets.
    private let muxer: MP4Muxer
    /// The frame being filled (planar float, `frameSize` samples).
    private let frame: UnsafeMutablePointer<AVFrame>
    /// Samples per channel in one encoder frame.
    private let frameSize: Int
    /// Samples per channel already in `frame`.
    private var filled = 0
    /// Presentation time of the next frame, in samples.
    private var nextTimestamp: Int64 = 0

    /// Opens the AAC encoder for `format` and adds its stream to `muxer`.
    init(format: AudioFormat, muxer: MP4Muxer) throws(RenderError) {
        self.format = format
        self.muxer = muxer
        let path = muxer.path
        guard let codec = avcodec_find_encoder_by_name("aac") else {
            throw RenderError(
                .encoder, "libavcodec has no AAC encoder: install FFmpeg 5.1 (Debian/Ubuntu: libavcodec59)"
            )
        }
        guard let context = avcodec_alloc_context3(codec) else {
            throw LibAV.encoderError(LibAV.noMemory, path: path, while: "allocating the AAC encoder")
        }
        var owned: UnsafeMutablePointer<AVCodecContext>? = context
        context.pointee.sample_fmt = AV_SAMPLE_FMT_FLTP
        context.pointee.sample_rate = Int32(format.sampleRate)
        av_channel_layout_default(&context.pointee.ch_layout, Int32(format.channels))
        context.pointee.bit_rate = Int64(format.bitRate)
        context.pointee.time_base = AVRational(num: 1, den: Int32(format.sampleRate))
        context.pointee.thread_count = 1
        context.pointee.flags |= nemo_codec_flag_bitexact()
        if muxer.wantsGlobalHeader { context.pointee.flags |= nemo_codec_flag_global_header() }
        let opened = avcodec_open2(context, codec, nil)
        guard opened >= 0 else {
            avcodec_free_context(&owned)
            throw LibAV.encoderError(opened, path: path, while: "opening the AAC encoder")
        }
        guard let frame = av_frame_alloc() else {
            avcodec_free_context(&owned)
            throw LibAV.encoderError(LibAV.noMemory, path: path, while: "allocating an audio frame")
        }
        var ownedFrame: UnsafeMutablePointer<AVFrame>? = frame
        frameSize = Int(context.pointee.frame_size > 0 ? context.pointee.frame_size : 1024)
        frame.pointee.format = AV_SAMPLE_FMT_FLTP.rawValue
        frame.pointee.nb_samples = Int32(frameSize)
        frame.pointee.sample_rate = context.pointee.sample_rate
        var code = av_channel_layout_copy(&frame.pointee.ch_layout, &context.pointee.ch_layout)
        if code >= 0 { code = av_frame_get_buffer(frame, 0) }
        guard code >= 0 else {
            av_frame_free(&ownedFrame)
            avcodec_free_context(&owned)
            throw LibAV.encoderError(code, path: path, while: "allocating an audio frame")
        }
        self.context = context
        self.frame = frame
        do {
            self.streamIndex = try muxer.addStream(for: context)
        } catch {
            av_frame_free(&ownedFrame)
            avcodec_free_context(&owned)
            throw error
        }
    }

    deinit {
        var context: UnsafeMutablePointer<AVCodecContext>? = context
        avcodec_free_context(&context)
        var frame: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&frame)
    }

    /// Samples per channel appended so far (the padding of the last frame not included).
    private(set) var sampleCount = 0

    /// Appends interleaved samples (`channels` floats per sample frame); encodes every frame that fills up.
    func append(_ samples: [Float]) throws(RenderError) {
        let channels = format.channels
        guard samples.count % channels == 0 else {
            throw RenderError(
                .invalidSettings,
                "\(samples.count) audio samples do not divide into \(channels) channels: append whole sample frames"
            )
        }
        let total = samples.count / channels
        var consumed = 0
        while consumed < total {
            if filled == 0 {
                try LibAV.check(av_frame_make_writable(frame), path: muxer.path, while: "preparing an audio frame")
            }
            let count = min(frameSize - filled, total - consumed)
            samples.withUnsafeBufferPointer { source in
                for channel in 0..<channels {
                    let plane = UnsafeMutableRawPointer(frame.pointee.extended_data[channel]!)
                        .assumingMemoryBound(to: Float.self)
                    for index in 0..<count {
                        plane[filled + index] = source[(consumed + index) * channels + channel]
                    }
                }
            }
            filled += count
            consumed += count
            if filled == frameSize { try sendFrame() }
        }
        sampleCount += total
    }

    /// Pads and encodes the last partial frame, then drains the encoder.
    func finish() throws(RenderError) {
        if filled > 0 {
            for channel in 0..<format.channels {
                let plane = UnsafeMutableRawPointer(frame.pointee.extended_data[channel]!)
                    .assumingMemoryBound(to: Float.self)
                (plane + filled).update(repeating: 0, count: frameSize - filled)
            }
            filled = frameSize
            try sendFrame()
        }
        let code = avcodec_send_frame(context, nil)
        if code != nemo_averror_eof() { try LibAV.check(code, path: muxer.path, while: "flushing the AAC encoder") }
        try muxer.drain(context, stream: streamIndex)
    }

    /// Encodes the full `frame` and writes its packets.
    private func sendFrame() throws(RenderError) {
        frame.pointee.pts = nextTimestamp
        nextTimestamp += Int64(frameSize)
        filled = 0
        try LibAV.check(avcodec_send_frame(context, frame), path: muxer.path, while: "sending audio to the AAC encoder")
        try muxer.drain(context, stream: streamIndex)
    }
}
