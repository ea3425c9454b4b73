import CAV

/// Decodes one video file's frames in order with libavformat/libavcodec and hands out the frame on screen at a
/// given time as packed RGB, upright (the stream's display rotation applied) and scaled with libswscale.
///
/// Frames are decoded one ahead of the time asked for: `advance(to:)` keeps the latest frame that starts at or
/// before that time, so a 24, 25 or 60 fps file plays at its own speed in a 30 fps video (frames held or skipped,
/// never blended). Memory holds two decoded frames plus the decoder's reference frames, whatever the file's length.
/// Not thread-safe.
final class VideoDecoder {
    /// The file.
    let path: String
    /// Width of a frame as it is meant to be seen: sample aspect ratio and rotation applied.
    let displayWidth: Int
    /// Height of a frame as it is meant to be seen.
    let displayHeight: Int
    /// Clockwise quarter turns that make a stored frame upright (0...3), from the stream's display matrix.
    let quarterTurns: Int

    private var formatContext: UnsafeMutablePointer<AVFormatContext>?
    private var codecContext: UnsafeMutablePointer<AVCodecContext>?
    private var packet: UnsafeMutablePointer<AVPacket>?
    /// The frame on screen and the next decoded one (owned).
    private var shown: UnsafeMutablePointer<AVFrame>?
    private var lookahead: UnsafeMutablePointer<AVFrame>?
    /// Start time of the `lookahead` frame in seconds from the file's start; `nil` when it holds none.
    private var lookaheadTime: Double?
    private var shownTime: Double?
    private var streamIndex: Int32 = -1
    private var timeBase = 0.0
    private var streamStart: Int64 = 0
    /// The nominal frame length, for frames without a timestamp.
    private var frameSeconds = 1.0 / 30
    private var inputEnded = false
    /// Where the last seek went (0 without one): the time of a first frame that has no timestamp.
    private var seekTime = 0.0
    /// A read failure other than the end of the file, reported when it leaves no frame to show.
    private var readError: Int32?
    private var decoderDrained = false
    private var scaler: OpaquePointer?

    /// Opens the best video stream of `path`.
    ///
    /// Throws `missingMedia` when the file does not exist and `unreadableMedia` when it has no decodable video.
    /// Every stored property has its value before the first `throw`, so `deinit` frees what was opened.
    init(path: String) throws(RenderError) {
        self.path = path
        _ = LibAV.quietLogging
        var code = avformat_open_input(&formatContext, path, nil, nil)
        if code == nemo_averror(ENOENT) {
            displayWidth = 0
            displayHeight = 0
            quarterTurns = 0
            throw RenderError(
                .missingMedia, "video file not found: \(path); check the path or upload the file again")
        }
        guard code >= 0, let formatContext else {
            (displayWidth, displayHeight, quarterTurns) = (0, 0, 0)
            throw Self.unreadable(path, code, "opening")
        }
        code = avformat_find_stream_info(formatContext, nil)
        var codec: UnsafePointer<AVCodec>?
        if code >= 0 { code = av_find_best_stream(formatContext, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0) }
        guard code >= 0, let codec, let stream = formatContext.pointee.streams[Int(code)] else {
            (displayWidth, displayHeight, quarterTurns) = (0, 0, 0)
            throw Self.unreadable(path, code, "finding a video stream")
        }
        streamIndex = code
        let parameters = stream.pointee.codecpar.pointee
        var width = Double(parameters.width)
        let height = Double(parameters.height)
        let aspect = parameters.sample_aspect_ratio
        if aspect.num > 0, aspect.den > 0 { width *= Double(aspect.num) / Double(aspect.den) }
        // The display matrix turns counterclockwise; a frame is made upright by turning it back, clockwise.
        let turns = Int((-nemo_stream_rotation(stream) / 90).rounded()) % 4
        quarterTurns = (turns + 4) % 4
        let upright = quarterTurns % 2 == 1 ? (height, width) : (width, height)
        displayWidth = max(1, Int(upright.0.rounded()))
        displayHeight = max(1, Int(upright.1.rounded()))
        timeBase = Double(stream.pointee.time_base.num) / Double(max(1, stream.pointee.time_base.den))
        streamStart = stream.pointee.start_time == nemo_av_nopts_value() ? 0 : stream.pointee.start_time
        let rate = stream.pointee.avg_frame_rate
        if rate.num > 0, rate.den > 0 { frameSeconds = Double(rate.den) / Double(rate.num) }
        guard parameters.width > 0, parameters.height > 0 else {
            throw Self.unreadable(path, nemo_averror_invaliddata(), "reading the frame size")
        }

        guard let codecContext = avcodec_alloc_context3(codec) else {
            throw Self.unreadable(path, LibAV.noMemory, "allocating a decoder")
        }
        self.codecContext = codecContext
        code = avcodec_parameters_to_context(codecContext, stream.pointee.codecpar)
        // Frame threads change when frames come out, never what they hold: the output stays deterministic.
        codecContext.pointee.thread_count = 2
        if code >= 0 { code = avcodec_open2(codecContext, codec, nil) }
        guard code >= 0 else { throw Self.unreadable(path, code, "opening the decoder") }
        packet = av_packet_alloc()
        shown = av_frame_alloc()
        lookahead = av_frame_alloc()
        guard packet != nil, shown != nil, lookahead != nil else {
            throw Self.unreadable(path, LibAV.noMemory, "allocating buffers")
        }
    }

    deinit {
        sws_freeContext(scaler)
        avcodec_free_context(&codecContext)
        avformat_close_input(&formatContext)
        av_packet_free(&packet)
        av_frame_free(&shown)
        av_frame_free(&lookahead)
    }

    /// Positions decoding so the next `advance(to:)` can reach `seconds` without decoding the file from its start:
    /// jumps to the last keyframe at or before it (the frames in between are decoded and dropped as usual).
    func seek(to seconds: Double) {
        let ticks = timeBase > 0 ? seconds / timeBase : .nan
        guard seconds > 0, ticks.isFinite, ticks < 1e15, let formatContext, let codecContext else { return }
        let target = streamStart + Int64(ticks)
        let code = av_seek_frame(formatContext, streamIndex, target, AVSEEK_FLAG_BACKWARD)
        // A file that cannot seek is decoded from its start instead: slower, same frames.
        guard code >= 0 else { return }
        avcodec_flush_buffers(codecContext)
        av_frame_unref(shown)
        av_frame_unref(lookahead)
        (shownTime, lookaheadTime, inputEnded, decoderDrained) = (nil, nil, false, false)
        // A frame without a timestamp after the seek is placed from here, not from the file's start.
        seekTime = seconds
    }

    /// Makes the frame on screen the latest one starting at or before `seconds` (the first frame when none does;
    /// the last one after the end). Returns whether the frame on screen changed.
    func advance(to seconds: Double) throws(RenderError) -> Bool {
        var changed = false
        while true {
            if lookaheadTime == nil { try decodeNext() }
            guard let next = lookaheadTime else { break }
            // A tiny tolerance, so a 30 fps file in a 30 fps video never slips a frame on rounding.
            guard next <= seconds + 1e-6 || shownTime == nil else { break }
            av_frame_unref(shown)
            av_frame_move_ref(shown, lookahead)
            (shownTime, lookaheadTime) = (next, nil)
            changed = true
        }
        guard shownTime != nil else {
            if let readError { throw Self.unreadable(path, readError, "reading") }
            throw Self.unreadable(path, nemo_averror_invaliddata(), "decoding (no frame in the file)")
        }
        return changed
    }

    /// The frame on screen as packed RGB, upright, scaled to `width` x `height` (its upright size).
    func shownPixels(width: Int, height: Int) throws(RenderError) -> PixelPlane {
        guard let shown, shownTime != nil else {
            throw Self.unreadable(path, nemo_averror_invaliddata(), "converting (no frame decoded)")
        }
        let (storedWidth, storedHeight) = quarterTurns % 2 == 1 ? (height, width) : (width, height)
        let frame = shown.pointee
        scaler = sws_getCachedContext(
            scaler, frame.width, frame.height, AVPixelFormat(frame.format), Int32(storedWidth), Int32(storedHeight),
            AV_PIX_FMT_RGB24, nemo_sws_flags_decode(), nil, nil, nil)
        guard let scaler else { throw Self.unreadable(path, LibAV.noMemory, "preparing the scaler") }
        Self.setColourspace(of: scaler, for: frame)
        var pixels = [UInt8](repeating: 0, count: storedWidth * storedHeight * 3)
        let scaled = pixels.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var planes: [UnsafeMutablePointer<UInt8>?] = [buffer.baseAddress, nil, nil, nil]
            var strides: [Int32] = [Int32(storedWidth * 3), 0, 0, 0]
            return withUnsafePointer(to: shown.pointee.data) { data in
                withUnsafePointer(to: shown.pointee.linesize) { lines in
                    let source = UnsafeRawPointer(data).assumingMemoryBound(to: UnsafePointer<UInt8>?.self)
                    let sourceStrides = UnsafeRawPointer(lines).assumingMemoryBound(to: Int32.self)
                    return sws_scale(scaler, source, sourceStrides, 0, frame.height, &planes, &strides)
                }
            }
        }
        guard scaled > 0 else { throw Self.unreadable(path, scaled, "converting a frame to RGB") }
        let stored = PixelPlane(width: storedWidth, height: storedHeight, bytes: pixels)
        return quarterTurns == 0 ? stored : stored.rotated(quarterTurns: quarterTurns)
    }

    /// Decodes the next frame into `lookahead` (with its time), or leaves `lookaheadTime` nil at the end.
    private func decodeNext() throws(RenderError) {
        guard let formatContext, let codecContext, let packet, let lookahead, !decoderDrained else { return }
        while true {
            let received = avcodec_receive_frame(codecContext, lookahead)
            if received >= 0 {
                let stamp = lookahead.pointee.best_effort_timestamp
                lookaheadTime = stamp == nemo_av_nopts_value()
                    ? shownTime.map { $0 + frameSeconds } ?? seekTime : Double(stamp - streamStart) * timeBase
                return
            }
            if received == nemo_averror_eof() {
                decoderDrained = true
                return
            }
            if received != nemo_averror_eagain() {
                // A damaged frame after good ones ends the clip there (the last good frame is held).
                if shownTime != nil { decoderDrained = true; return }
                throw Self.unreadable(path, received, "decoding")
            }
            guard !inputEnded else {
                decoderDrained = true
                return
            }
            let read = av_read_frame(formatContext, packet)
            if read < 0 {
                // A read failure ends the clip where it happened (its last good frame is held); with no frame at
                // all, it is the error the user sees.
                if read != nemo_averror_eof() { readError = read }
                inputEnded = true
                _ = avcodec_send_packet(codecContext, nil)
                continue
            }
            defer { av_packet_unref(packet) }
            guard packet.pointee.stream_index == streamIndex else { continue }
            // A damaged packet is skipped; a file with no good frame at all fails in `advance(to:)`.
            let sent = avcodec_send_packet(codecContext, packet)
            if sent < 0, sent != nemo_averror_invaliddata() { throw Self.unreadable(path, sent, "decoding") }
        }
    }

    /// Sets the YUV -> RGB matrix and range the frame declares (BT.709 for HD, BT.601 for SD when it declares
    /// none); the output is full-range RGB, matching what the encoder expects.
    private static func setColourspace(of scaler: OpaquePointer, for frame: AVFrame) {
        let space: Int32
        switch frame.colorspace {
        case AVCOL_SPC_BT709: space = SWS_CS_ITU709
        case AVCOL_SPC_BT2020_NCL, AVCOL_SPC_BT2020_CL: space = SWS_CS_BT2020
        case AVCOL_SPC_SMPTE240M: space = SWS_CS_SMPTE240M
        case AVCOL_SPC_FCC: space = SWS_CS_FCC
        case AVCOL_SPC_BT470BG, AVCOL_SPC_SMPTE170M: space = SWS_CS_ITU601
        default: space = frame.height >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601
        }
        let format = AVPixelFormat(frame.format)
        let fullRange = frame.color_range == AVCOL_RANGE_JPEG
            || [AV_PIX_FMT_YUVJ420P, AV_PIX_FMT_YUVJ422P, AV_PIX_FMT_YUVJ444P].contains(format)
        let coefficients = sws_getCoefficients(space)
        sws_setColorspaceDetails(scaler, coefficients, fullRange ? 1 : 0, coefficients, 1, 0, 1 << 16, 1 << 16)
    }

    /// The error for an undecodable file.
    private static func unreadable(_ path: String, _ code: Int32, _ operation: String) -> RenderError {
        RenderError(
            .unreadableMedia,
            "cannot decode video file \(path) (\(operation): \(LibAV.message(code))); "
                + "use an mp4, mov or webm file that plays elsewhere, or replace the clip with images")
    }
}
