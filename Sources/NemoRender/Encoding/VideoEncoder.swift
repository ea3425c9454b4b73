import CAV

/// H.264 encoding with libx264: converts packed RGB frames to yuv420p (BT.709, limited range) with libswscale and
/// sends them to the encoder; the encoded packets go to the muxer.
final class VideoEncoder {
    /// The opened libx264 context (owned).
    let context: UnsafeMutablePointer<AVCodecContext>
    /// The settings.
    let format: VideoFormat
    /// The muxer stream the packets go to.
    let streamIndex: Int32
    /// The muxer that receives the packets.
    private let muxer: MP4Muxer
    /// The reused yuv420p picture.
    private let frame: UnsafeMutablePointer<AVFrame>
    /// RGB24 -> yuv420p converter.
    private let scaler: OpaquePointer
    /// Presentation time of the next frame, in frames.
    private var nextTimestamp: Int64 = 0

    /// Encoder threads, fixed so that the output bytes do not depend on the machine.
    static let threadCount: Int32 = 2

    /// Opens libx264 for `format` and adds its stream to `muxer`.
    init(format: VideoFormat, muxer: MP4Muxer) throws(RenderError) {
        self.format = format
        self.muxer = muxer
        let path = muxer.path
        guard let codec = avcodec_find_encoder_by_name("libx264") else {
            throw RenderError(
                .encoder,
                "libavcodec has no libx264 encoder: install FFmpeg 5.1 built with libx264 (Debian/Ubuntu: libavcodec59)"
            )
        }
        guard let context = avcodec_alloc_context3(codec) else {
            throw LibAV.encoderError(LibAV.noMemory, path: path, while: "allocating the H.264 encoder")
        }
        var owned: UnsafeMutablePointer<AVCodecContext>? = context
        guard let frame = av_frame_alloc() else {
            avcodec_free_context(&owned)
            throw LibAV.encoderError(LibAV.noMemory, path: path, while: "allocating a video frame")
        }
        var ownedFrame: UnsafeMutablePointer<AVFrame>? = frame
        let fps = Int32(format.framesPerSecond)
        context.pointee.width = Int32(format.width)
        context.pointee.height = Int32(format.height)
        context.pointee.pix_fmt = AV_PIX_FMT_YUV420P
        context.pointee.time_base = AVRational(num: 1, den: fps)
        context.pointee.framerate = AVRational(num: fps, den: 1)
        context.pointee.sample_aspect_ratio = AVRational(num: 1, den: 1)
        context.pointee.gop_size = Int32(format.gopSize)
        context.pointee.thread_count = Self.threadCount
        context.pointee.color_primaries = AVCOL_PRI_BT709
        context.pointee.color_trc = AVCOL_TRC_BT709
        context.pointee.colorspace = AVCOL_SPC_BT709
        context.pointee.color_range = AVCOL_RANGE_MPEG
        context.pointee.flags |= nemo_codec_flag_bitexact()
        if muxer.wantsGlobalHeader { context.pointee.flags |= nemo_codec_flag_global_header() }

        var options: OpaquePointer?
        defer { av_dict_free(&options) }
        av_dict_set(&options, "preset", format.preset, 0)
        av_dict_set(&options, "profile", "high", 0)
        av_dict_set(&options, "crf", String(format.quality), 0)
        // deterministic=1 makes x264's output independent of thread timing (it is also x264's default).
        av_dict_set(&options, "x264-params", "deterministic=1", 0)
        let opened = avcodec_open2(context, codec, &options)
        guard opened >= 0 else {
            avcodec_free_context(&owned)
            av_frame_free(&ownedFrame)
            throw LibAV.encoderError(opened, path: path, while: "opening libx264")
        }

        frame.pointee.format = AV_PIX_FMT_YUV420P.rawValue
        frame.pointee.width = context.pointee.width
        frame.pointee.height = context.pointee.height
        let allocated = av_frame_get_buffer(frame, 0)
        let scaler = sws_getContext(
            context.pointee.width, context.pointee.height, AV_PIX_FMT_RGB24,
            context.pointee.width, context.pointee.height, AV_PIX_FMT_YUV420P,
            nemo_sws_flags_accurate(), nil, nil, nil
        )
        guard allocated >= 0, let scaler else {
            sws_freeContext(scaler)
            avcodec_free_context(&owned)
            av_frame_free(&ownedFrame)
            throw LibAV.encoderError(
                allocated < 0 ? allocated : LibAV.noMemory, path: path, while: "preparing the RGB to YUV converter"
            )
        }
        // Source: full-range RGB; destination: BT.709 coefficients, limited (16-235) range.
        let bt709 = sws_getCoefficients(SWS_CS_ITU709)
        sws_setColorspaceDetails(scaler, bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16)
        self.context = context
        self.frame = frame
        self.scaler = scaler
        do {
            self.streamIndex = try muxer.addStream(for: context)
        } catch {
            sws_freeContext(scaler)
            avcodec_free_context(&owned)
            av_frame_free(&ownedFrame)
            throw error
        }
    }

    deinit {
        sws_freeContext(scaler)
        var context: UnsafeMutablePointer<AVCodecContext>? = context
        avcodec_free_context(&context)
        var frame: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&frame)
    }

    /// Converts and encodes the next frame; its size must be the format's.
    func encode(_ rgb: RGBFrame) throws(RenderError) {
        guard rgb.width == format.width, rgb.height == format.height, rgb.bytes.count == rgb.stride * rgb.height else {
            throw RenderError(
                .invalidSettings,
                "frame is \(rgb.width)x\(rgb.height) but the video is \(format.width)x\(format.height): "
                    + "compose frames at the canvas size"
            )
        }
        try LibAV.check(av_frame_make_writable(frame), path: muxer.path, while: "preparing a video frame")
        convert(rgb)
        frame.pointee.pts = nextTimestamp
        nextTimestamp += 1
        try LibAV.check(avcodec_send_frame(context, frame), path: muxer.path, while: "sending a frame to libx264")
        try muxer.drain(context, stream: streamIndex)
    }

    /// Frames sent so far.
    var frameCount: Int { Int(nextTimestamp) }

    /// Drains the encoder: every delayed frame is encoded and written.
    func finish() throws(RenderError) {
        let code = avcodec_send_frame(context, nil)
        if code != nemo_averror_eof() { try LibAV.check(code, path: muxer.path, while: "flushing libx264") }
        try muxer.drain(context, stream: streamIndex)
    }

    /// RGB24 -> yuv420p into `frame`.
    private func convert(_ rgb: RGBFrame) {
        var sourceStride = Int32(rgb.stride)
        let height = Int32(rgb.height)
        rgb.bytes.withUnsafeBufferPointer { bytes in
            var source: UnsafePointer<UInt8>? = bytes.baseAddress
            withUnsafePointer(to: &frame.pointee.data) { planes in
                withUnsafePointer(to: &frame.pointee.linesize) { strides in
                    planes.withMemoryRebound(to: UnsafeMutablePointer<UInt8>?.self, capacity: 8) { planes in
                        strides.withMemoryRebound(to: Int32.self, capacity: 8) { strides in
                            _ = sws_scale(scaler, &source, &sourceStride, 0, height, planes, strides)
                        }
                    }
                }
            }
        }
    }
}
