import Foundation
import Testing

@testable import NemoRender

/// Files of every common format decode and resample to 48 kHz stereo; bad files fail cleanly.
@Suite struct AudioDecodingTests {
    /// Container/codec pairs ffmpeg makes from a WAV.
    static let formats: [(suffix: String, codec: String)] = [
        ("wav", "pcm_s16le"), ("m4a", "aac"), ("mp3", "libmp3lame"), ("ogg", "libvorbis"),
    ]

    @Test(arguments: formats.indices)
    func decodesAndResamplesFormat(index: Int) throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (suffix, codec) = Self.formats[index]
        let source = directory.appendingPathComponent("source.wav")
        // 44.1 kHz mono in: the mixer must resample and spread it to both channels at full level.
        try MediaTools.writeSine(to: source, seconds: 2, frequency: 1_000, amplitude: 0.5, sampleRate: 44_100,
                                 channels: 1)
        let file = directory.appendingPathComponent("tone.\(suffix)")
        _ = try MediaTools.run("ffmpeg", ["-v", "error", "-i", source.path, "-c:a", codec, "-b:a", "128k", file.path])
        let mixer = try AudioMixer(clips: [AudioMixerTests.clip(file.path, duration: 2)], format: AudioFormat(),
                                   duration: 2)
        let samples = try AudioMixerTests.mixAll(mixer)
        let middle = AudioMixerTests.window(samples, from: 0.5, to: 1.5)
        let level = MediaTools.rms(middle)
        let expected = 0.5 / 2.0.squareRoot()
        // Lossy encoders move a pure tone's level a little (LAME: about -0.45 dB); WAV is exact.
        let tolerance = suffix == "wav" ? 0.01 : 0.08
        #expect(abs(level - expected) / expected < tolerance, "\(suffix): RMS \(level)")
        // Left equals right (mono spread), and the pitch is still 1 kHz: count rising zero crossings in 1 s.
        let left = stride(from: middle.startIndex, to: middle.endIndex, by: 2).map { middle[$0] }
        let right = stride(from: middle.startIndex + 1, to: middle.endIndex, by: 2).map { middle[$0] }
        #expect(left == right)
        let crossings = zip(left, left.dropFirst()).filter { $0 < 0 && $1 >= 0 }.count
        #expect(abs(crossings - 1_000) <= 2, "\(suffix): \(crossings) cycles in 1 s")
    }

    @Test("skipping starts decoding exactly that far into the file (a video clip's in-point)")
    func skippingStartsLater() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("tone.wav")
        try MediaTools.writeSine(to: file, seconds: 2, frequency: 1_000, amplitude: 0.5)
        let decoder = try AudioDecoder(path: file.path, format: AudioFormat(), skipping: 0.75)
        var total = 0
        var first = [Float](repeating: 0, count: 2)
        var buffer = [Float](repeating: 0, count: 8_192 * 2)
        while true {
            let count = try buffer.withUnsafeMutableBufferPointer { (pointer) throws(RenderError) in
                try decoder.read(into: pointer.baseAddress!, frames: 8_192)
            }
            if count == 0 { break }
            if total == 0 { first = Array(buffer[0..<2]) }
            total += count
        }
        #expect(total == 60_000, "2 s - 0.75 s at 48 kHz")
        // 0.75 s of a 1 kHz sine is a whole number of cycles: the first sample is where the file's first is, 0.
        #expect(abs(first[0]) < 0.01 && first[0] == first[1])
    }

    @Test func missingFileIsMissingMedia() throws {
        let path = "/nonexistent/nemo/song.m4a"
        let error = #expect(throws: RenderError.self) {
            try AudioMixer(clips: [AudioMixerTests.clip(path, duration: 1)], format: AudioFormat(), duration: 1)
        }
        #expect(error?.code == .missingMedia)
        #expect(error?.message.contains(path) == true)
    }

    @Test(arguments: ["noise.mp3", "empty.m4a", "text.wav"])
    func undecodableFileIsUnreadableMedia(name: String) throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name)
        switch name {
        case "noise.mp3":
            try Data((0..<4_096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }).write(to: file)
        case "empty.m4a": try Data().write(to: file)
        default: try Data("this is not audio\n".utf8).write(to: file)
        }
        let error = #expect(throws: RenderError.self) {
            try AudioMixer(clips: [AudioMixerTests.clip(file.path, duration: 1)], format: AudioFormat(), duration: 1)
        }
        #expect(error?.code == .unreadableMedia)
        #expect(error?.message.contains(file.path) == true)
    }

    @Test func invalidClipTimesAreRejected() throws {
        let bad = [
            AudioMixerTests.clip("/x.wav", start: -1, duration: 1),
            AudioMixerTests.clip("/x.wav", duration: 0),
            AudioMixerTests.clip("/x.wav", duration: .nan),
            AudioMixerTests.clip("/x.wav", duration: 1, fadeIn: -0.5),
        ]
        for clip in bad {
            let error = #expect(throws: RenderError.self) {
                try AudioMixer(clips: [clip], format: AudioFormat(), duration: 1)
            }
            #expect(error?.code == .invalidSettings)
        }
    }

    @Test func envelopeGains() {
        let linear = ClipEnvelope(volume: 0.8, fadeInFrames: 100, fadeOutFrames: 200, endFrame: 1_000, curve: .linear)
        #expect(linear.gain(at: 0) == 0)
        #expect(abs(linear.gain(at: 50) - 0.4) < 1e-9)
        #expect(abs(linear.gain(at: 500) - 0.8) < 1e-9)
        #expect(abs(linear.gain(at: 900) - 0.4) < 1e-9)
        #expect(linear.gain(at: 1_000) == 0)
        let power = ClipEnvelope(volume: 1, fadeInFrames: 100, fadeOutFrames: 0, endFrame: 1_000, curve: .equalPower)
        #expect(abs(power.gain(at: 50) - 0.5.squareRoot()) < 1e-9)
        #expect(power.gain(at: 999) == 1)
        #expect(power.gain(at: 1_500) == 1)
        #expect(linear.gain(at: 1_500) == 0)
    }
}
