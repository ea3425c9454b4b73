/// Output audio settings: AAC-LC, 48 kHz stereo by default.
struct AudioFormat: Sendable, Equatable {
    /// Samples per second per channel.
    var sampleRate = 48_000
    /// Channels: 2 (stereo) or 1 (mono); samples are interleaved.
    var channels = 2
    /// AAC bit rate in bits per second.
    var bitRate = 160_000

    /// Throws `.invalidSettings` with what to use instead when a setting is out of range.
    func validate() throws(RenderError) {
        guard [44_100, 48_000].contains(sampleRate) else {
            throw RenderError(.invalidSettings, "audio sample rate \(sampleRate) Hz is not supported: use 48000")
        }
        guard (1...2).contains(channels) else {
            throw RenderError(.invalidSettings, "\(channels) audio channels are not supported: use 2 (or 1)")
        }
        guard (32_000...512_000).contains(bitRate) else {
            throw RenderError(.invalidSettings, "audio bit rate \(bitRate) is out of range: use 32000 to 512000")
        }
    }
}
