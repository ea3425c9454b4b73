import CAV

/// The MP4 container: owns the libavformat context and the output file, writes encoded packets interleaved.
///
/// Streams are added before `open()`; `open()` creates the file and writes the header; `finish()` writes the trailer,
/// which with `+faststart` rewrites the file so that the `moov` box comes before `mdat`.
final class MP4Muxer {
    /// The output file.
    let path: String
    /// The libavformat output context (owned).
    let context: UnsafeMutablePointer<AVFormatContext>
    /// One packet reused for every write.
    private let packet: UnsafeMutablePointer<AVPacket>
    /// Whether the header was written (so a trailer is due).
    private var headerWritten = false

    /// Prepares an MP4 output at `path` with bit-exact (reproducible) muxing; the file is created by `open()`.
    init(path: String) throws(RenderError) {
        self.path = path
        var context: UnsafeMutablePointer<AVFormatContext>?
        let code = avformat_alloc_output_context2(&context, nil, "mp4", path)
        guard code >= 0, let context else {
            throw LibAV.encoderError(code < 0 ? code : LibAV.noMemory, path: path, while: "creating the muxer")
        }
        guard let packet = av_packet_alloc() else {
            avformat_free_context(context)
            throw LibAV.encoderError(LibAV.noMemory, path: path, while: "allocating a packet")
        }
        context.pointee.flags |= AVFMT_FLAG_BITEXACT
        self.context = context
        self.packet = packet
    }

    deinit {
        if context.pointee.pb != nil { avio_closep(&context.pointee.pb) }
        avformat_free_context(context)
        var packet: UnsafeMutablePointer<AVPacket>? = packet
        av_packet_free(&packet)
    }

    /// Whether the container wants codec headers out of band (`AV_CODEC_FLAG_GLOBAL_HEADER`); MP4 does.
    var wantsGlobalHeader: Bool { (context.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER) != 0 }

    /// Adds a stream described by an opened encoder; returns its index.
    func addStream(for codec: UnsafeMutablePointer<AVCodecContext>) throws(RenderError) -> Int32 {
        guard let stream = avformat_new_stream(context, nil) else {
            throw LibAV.encoderError(LibAV.noMemory, path: path, while: "adding a stream")
        }
        let copied = avcodec_parameters_from_context(stream.pointee.codecpar, codec)
        try LibAV.check(copied, path: path, while: "copying codec parameters")
        stream.pointee.time_base = codec.pointee.time_base
        if codec.pointee.codec_type == AVMEDIA_TYPE_VIDEO {
            stream.pointee.avg_frame_rate = codec.pointee.framerate
        }
        return stream.pointee.index
    }

    /// Creates the file and writes the header (with `movflags=+faststart`).
    func open() throws(RenderError) {
        let code = avio_open(&context.pointee.pb, path, AVIO_FLAG_WRITE)
        guard code >= 0 else { throw LibAV.outputError(code, path: path, while: "creating the file") }
        var options: OpaquePointer?
        defer { av_dict_free(&options) }
        av_dict_set(&options, "movflags", "+faststart", 0)
        try LibAV.check(avformat_write_header(context, &options), path: path, while: "writing the MP4 header")
        headerWritten = true
    }

    /// Receives every packet the encoder has ready and writes it to stream `index`, interleaved with the others.
    func drain(_ codec: UnsafeMutablePointer<AVCodecContext>, stream index: Int32) throws(RenderError) {
        while true {
            let code = avcodec_receive_packet(codec, packet)
            if code == nemo_averror_eagain() || code == nemo_averror_eof() { return }
            try LibAV.check(code, path: path, while: "encoding")
            let stream = context.pointee.streams[Int(index)]!
            av_packet_rescale_ts(packet, codec.pointee.time_base, stream.pointee.time_base)
            packet.pointee.stream_index = index
            // av_interleaved_write_frame takes the packet's data and leaves it blank.
            let written = av_interleaved_write_frame(context, packet)
            if written < 0 {
                av_packet_unref(packet)
                throw LibAV.encoderError(written, path: path, while: "writing a packet")
            }
        }
    }

    /// Writes the trailer (moving `moov` to the front) and closes the file; throws on any pending I/O error.
    func finish() throws(RenderError) {
        guard headerWritten else { return }
        headerWritten = false
        try LibAV.check(av_write_trailer(context), path: path, while: "writing the MP4 index (trailer)")
        if let pb = context.pointee.pb {
            avio_flush(pb)
            let error = pb.pointee.error
            if error < 0 { throw LibAV.outputError(error, path: path, while: "flushing") }
        }
        let closed = avio_closep(&context.pointee.pb)
        if closed < 0 { throw LibAV.outputError(closed, path: path, while: "closing the file") }
    }
}
