import CAV

/// Decodes one audio file (m4a, mp3, wav, ogg...) with libavformat/libavcodec and resamples it with libswresample to
/// interleaved float at the output's rate and channel count, a packet at a time (memory does not grow with length).
final class AudioDecoder {
    /// The file.
    let path: String
    /// The file's duration in seconds as the container states it, if it does.
    private(set) var containerDuration: Double?
    /// Output channels.
    private let channels: Int
    /// Demuxer (owned).
    private var formatContext: UnsafeMutablePointer<AVFormatContext>?
    /// Decoder (owned).
    private var codecContext: UnsafeMutablePointer<AVCodecContext>?
    /// Resampler (owned).
    private var resampler: OpaquePointer?
    /// Reused packet and frame (owned).
    private var packet: UnsafeMutablePointer<AVPacket>?
    private var frame: UnsafeMutablePointer<AVFrame>?
    /// The audio stream's index.
    private var streamIndex: Int32 = -1
    /// Converted samples not read yet (interleaved), from `pendingStart` on.
    private var pending: [Float] = []
    private var pendingStart = 0
    /// Scratch for one conversion.
    private var converted: [Float] = []
    /// Whether the demuxer reached the end (the decoder is being drained).
    private var inputEnded = false
    /// Whether everything, resampler included, was drained.
    private var finished = false
    /// Whether at least one frame was decoded (later corrupt packets are skipped, not fatal).
    private var decodedAny = false
    /// Output sample frames still to drop from the start (the clip begins later in the file).
    private var skipFrames = 0
    /// Silent sample frames still to give before the file's first sample (its sound starts after its picture).
    private var silenceFrames = 0

    /// Opens `path` and prepares decoding to `format`'s rate and channels, starting `skipping` seconds into it.
    ///
    /// The skipped part is decoded and dropped, so the start is exact to the sample whatever the file's packets.
    /// With `alignedToPicture` (a video's sound), time zero is the start of the file's video stream, as for its
    /// pictures: sound that begins later in the file (a later start time) is preceded by as much silence.
    /// Every stored property has its value before the first `throw`, so `deinit` frees what was opened on failure.
    init(
        path: String, format: AudioFormat, skipping seconds: Double = 0, alignedToPicture: Bool = false
    ) throws(RenderError) {
        self.path = path
        self.channels = format.channels
        _ = LibAV.quietLogging
        var code = avformat_open_input(&formatContext, path, nil, nil)
        if code == nemo_averror(ENOENT) {
            throw RenderError(.missingMedia, "music file not found: \(path); check the path or restore the file")
        }
        guard code >= 0, let formatContext else { throw Self.unreadable(path, code, "opening") }
        code = avformat_find_stream_info(formatContext, nil)
        guard code >= 0 else { throw Self.unreadable(path, code, "reading stream information") }
        var codec: UnsafePointer<AVCodec>?
        code = av_find_best_stream(formatContext, AVMEDIA_TYPE_AUDIO, -1, -1, &codec, 0)
        guard code >= 0, let codec else { throw Self.unreadable(path, code, "finding an audio stream") }
        streamIndex = code
        // Where reading starts, in seconds of the file's sound: before its first sample means silence first.
        let start = (seconds.isFinite ? min(max(seconds, 0), 360_000) : 0)
            - (alignedToPicture ? Self.lead(of: code, in: formatContext) : 0)
        let startFrames = Int((abs(start) * Double(format.sampleRate)).rounded())
        if start > 0 { skipFrames = startFrames } else { silenceFrames = startFrames }
        let duration = formatContext.pointee.duration
        containerDuration = duration > 0 && duration != nemo_av_nopts_value()
            ? Double(duration) / Double(AV_TIME_BASE) : nil

        guard let codecContext = avcodec_alloc_context3(codec) else {
            throw Self.unreadable(path, LibAV.noMemory, "allocating a decoder")
        }
        self.codecContext = codecContext
        let stream = formatContext.pointee.streams[Int(streamIndex)]!
        code = avcodec_parameters_to_context(codecContext, stream.pointee.codecpar)
        if code >= 0 { code = avcodec_open2(codecContext, codec, nil) }
        guard code >= 0 else { throw Self.unreadable(path, code, "opening the decoder") }

        var input = AVChannelLayout()
        var output = AVChannelLayout()
        defer {
            av_channel_layout_uninit(&input)
            av_channel_layout_uninit(&output)
        }
        let inputChannels = codecContext.pointee.ch_layout.nb_channels
        if codecContext.pointee.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC || inputChannels <= 0 {
            av_channel_layout_default(&input, max(inputChannels, 1))
        } else {
            av_channel_layout_copy(&input, &codecContext.pointee.ch_layout)
        }
        av_channel_layout_default(&output, Int32(format.channels))
        code = swr_alloc_set_opts2(
            &resampler, &output, AV_SAMPLE_FMT_FLT, Int32(format.sampleRate),
            &input, codecContext.pointee.sample_fmt, codecContext.pointee.sample_rate, 0, nil
        )
        if code >= 0, inputChannels == 1 {
            // A mono file plays at full level on every side (swresample's default is -3 dB on each of two).
            let matrix = [Double](repeating: 1, count: format.channels)
            code = swr_set_matrix(resampler, matrix, 1)
        }
        if code >= 0 { code = swr_init(resampler) }
        guard code >= 0 else { throw Self.unreadable(path, code, "preparing the resampler") }
        packet = av_packet_alloc()
        frame = av_frame_alloc()
        guard packet != nil, frame != nil else { throw Self.unreadable(path, LibAV.noMemory, "allocating buffers") }
    }

    deinit {
        swr_free(&resampler)
        avcodec_free_context(&codecContext)
        avformat_close_input(&formatContext)
        av_packet_free(&packet)
        av_frame_free(&frame)
    }

    /// How many seconds after the start of the file's video stream its audio stream `index` starts (negative when
    /// the sound starts first; 0 when either start is unknown or the gap is over a minute early or an hour late,
    /// which are a container's odd timestamps rather than a recording).
    private static func lead(of index: Int32, in context: UnsafeMutablePointer<AVFormatContext>) -> Double {
        func start(_ stream: Int32) -> Double? {
            guard stream >= 0, let stream = context.pointee.streams[Int(stream)] else { return nil }
            let stamp = stream.pointee.start_time
            guard stamp != nemo_av_nopts_value() else { return nil }
            return Double(stamp) * av_q2d(stream.pointee.time_base)
        }
        let video = av_find_best_stream(context, AVMEDIA_TYPE_VIDEO, -1, -1, nil, 0)
        guard let audioStart = start(index), let videoStart = start(video) else { return 0 }
        let lead = audioStart - videoStart
        return lead > -60 && lead < 3_600 ? lead : 0
    }

    /// Reads up to `frames` sample frames (interleaved) into `buffer`; returns how many, fewer only at the end.
    func read(into buffer: UnsafeMutablePointer<Float>, frames: Int) throws(RenderError) -> Int {
        guard silenceFrames > 0 else { return try readDecoded(into: buffer, frames: frames) }
        let silent = min(silenceFrames, frames)
        buffer.update(repeating: 0, count: silent * channels)
        silenceFrames -= silent
        guard silent < frames else { return silent }
        return silent + (try readDecoded(into: buffer + silent * channels, frames: frames - silent))
    }

    /// `read(into:frames:)` from the file's samples (after the leading silence).
    private func readDecoded(into buffer: UnsafeMutablePointer<Float>, frames: Int) throws(RenderError) -> Int {
        while skipFrames > 0, !finished {
            if pending.count == pendingStart {
                pending.removeAll(keepingCapacity: true)
                pendingStart = 0
                try decodeMore()
            }
            let dropped = min(skipFrames, (pending.count - pendingStart) / channels)
            pendingStart += dropped * channels
            skipFrames -= dropped
        }
        let wanted = frames * channels
        while pending.count - pendingStart < wanted, !finished {
            try decodeMore()
        }
        let count = min(wanted, pending.count - pendingStart)
        pending.withUnsafeBufferPointer { source in
            buffer.update(from: source.baseAddress! + pendingStart, count: count)
        }
        pendingStart += count
        if pendingStart == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
        } else if pendingStart > 65_536 {
            pending.removeFirst(pendingStart)
            pendingStart = 0
        }
        return count / channels
    }

    /// Decodes the next frame (reading packets as needed) and appends its converted samples to `pending`.
    private func decodeMore() throws(RenderError) {
        guard let formatContext, let codecContext, let packet, let frame else { return }
        while true {
            let received = avcodec_receive_frame(codecContext, frame)
            if received >= 0 {
                decodedAny = true
                try convert(frame)
                av_frame_unref(frame)
                return
            }
            if received == nemo_averror_eof() {
                try convert(nil)
                finished = true
                return
            }
            if received != nemo_averror_eagain() {
                if decodedAny && received == nemo_averror_invaliddata() { continue }
                throw Self.unreadable(path, received, "decoding")
            }
            guard !inputEnded else { return }
            let read = av_read_frame(formatContext, packet)
            if read < 0 {
                if read != nemo_averror_eof() && !decodedAny { throw Self.unreadable(path, read, "reading") }
                // End of file (or a truncated tail after good audio): drain the decoder.
                inputEnded = true
                _ = avcodec_send_packet(codecContext, nil)
                continue
            }
            defer { av_packet_unref(packet) }
            guard packet.pointee.stream_index == streamIndex else { continue }
            let sent = avcodec_send_packet(codecContext, packet)
            if sent < 0, !(decodedAny && sent == nemo_averror_invaliddata()) {
                throw Self.unreadable(path, sent, "decoding")
            }
        }
    }

    /// Resamples `frame` (or flushes the resampler when nil) and appends the result to `pending`.
    private func convert(_ frame: UnsafeMutablePointer<AVFrame>?) throws(RenderError) {
        let inputCount = frame.map { Int($0.pointee.nb_samples) } ?? 0
        let capacity = Int(swr_get_out_samples(resampler, Int32(inputCount))) + 32
        if converted.count < capacity * channels {
            converted = [Float](repeating: 0, count: capacity * channels)
        }
        let resampler = self.resampler
        let produced = converted.withUnsafeMutableBufferPointer { output in
            var outputPlane: UnsafeMutablePointer<UInt8>? = UnsafeMutableRawPointer(output.baseAddress!)
                .assumingMemoryBound(to: UInt8.self)
            guard let frame else {
                return swr_convert(resampler, &outputPlane, Int32(capacity), nil, 0)
            }
            let input = UnsafeMutableRawPointer(frame.pointee.extended_data)
                .assumingMemoryBound(to: UnsafePointer<UInt8>?.self)
            return swr_convert(resampler, &outputPlane, Int32(capacity), input, Int32(inputCount))
        }
        guard produced >= 0 else { throw Self.unreadable(path, produced, "resampling") }
        pending.append(contentsOf: converted[0..<Int(produced) * channels])
    }

    /// The error for an undecodable file.
    private static func unreadable(_ path: String, _ code: Int32, _ operation: String) -> RenderError {
        RenderError(
            .unreadableMedia,
            "cannot decode music file \(path) (\(operation): \(LibAV.message(code))); "
                + "use an m4a, mp3, wav or ogg file that plays elsewhere"
        )
    }
}
