import Foundation
import Testing

@testable import NemoRender

/// Levels, fades, placement, looping and chunking of the mix.
@Suite struct AudioMixerTests {
    static let rate = 48_000

    /// A clip with no fades, full length, not looping.
    static func clip(
        _ path: String, start: Double = 0, duration: Double, volume: Double = 1, fadeIn: Double = 0,
        fadeOut: Double = 0, loops: Bool = false, curve: AudioClip.FadeCurve = .linear
    ) -> AudioClip {
        AudioClip(
            path: path, start: start, duration: duration, volume: volume, fadeIn: fadeIn, fadeOut: fadeOut,
            loops: loops, fadeCurve: curve
        )
    }

    /// Reads the whole mix in chunks of `chunk` frames.
    static func mixAll(_ mixer: AudioMixer, chunk: Int = 1_024) throws -> [Float] {
        var all: [Float] = []
        while true {
            let part = try mixer.read(frames: chunk)
            if part.isEmpty { return all }
            all += part
        }
    }

    /// The interleaved samples between two times (s).
    static func window(_ samples: [Float], from: Double, to: Double) -> ArraySlice<Float> {
        samples[Int(from * Double(rate)) * 2..<Int(to * Double(rate)) * 2]
    }

    @Test func volumeScalesTheLevel() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sine.wav")
        try MediaTools.writeSine(to: file, seconds: 2, frequency: 440, amplitude: 0.8)
        let mixer = try AudioMixer(
            clips: [Self.clip(file.path, duration: 2, volume: 0.5)], format: AudioFormat(), duration: 2
        )
        let samples = try Self.mixAll(mixer)
        #expect(samples.count == 2 * Self.rate * 2)
        let level = MediaTools.rms(Self.window(samples, from: 0.1, to: 1.9))
        let expected = 0.8 * 0.5 / 2.0.squareRoot()
        #expect(abs(level - expected) / expected < 0.01, "RMS \(level), expected \(expected)")
    }

    @Test func volumeAboveOneIsClamped() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sine.wav")
        try MediaTools.writeSine(to: file, seconds: 1, frequency: 440, amplitude: 0.5)
        let loud = try Self.mixAll(
            AudioMixer(clips: [Self.clip(file.path, duration: 1, volume: 3)], format: AudioFormat(), duration: 1)
        )
        let full = try Self.mixAll(
            AudioMixer(clips: [Self.clip(file.path, duration: 1, volume: 1)], format: AudioFormat(), duration: 1)
        )
        #expect(loud == full)
        #expect(MediaTools.rms(loud[...]) > 0.3)
    }

    @Test(arguments: [AudioClip.FadeCurve.linear, .equalPower])
    func fadesMakeTheEndsQuieter(curve: AudioClip.FadeCurve) throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sine.wav")
        try MediaTools.writeSine(to: file, seconds: 3, frequency: 440)
        let mixer = try AudioMixer(
            clips: [Self.clip(file.path, duration: 3, fadeIn: 1, fadeOut: 1, curve: curve)],
            format: AudioFormat(), duration: 3
        )
        let samples = try Self.mixAll(mixer)
        let middle = MediaTools.rms(Self.window(samples, from: 1.2, to: 1.8))
        let first = MediaTools.rms(Self.window(samples, from: 0, to: 0.1))
        let last = MediaTools.rms(Self.window(samples, from: 2.9, to: 3))
        let quarter = MediaTools.rms(Self.window(samples, from: 0.2, to: 0.3))
        #expect(first < middle * 0.1)
        #expect(last < middle * 0.1)
        // At a quarter of the fade the gain is ~0.25 (linear) or ~0.38 (equal power).
        let expected = curve == .linear ? 0.25 : sin(0.25 * Double.pi / 2)
        #expect(abs(quarter / middle - expected) < 0.04, "quarter/middle \(quarter / middle)")
    }

    @Test func silenceOutsideTheClip() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sine.wav")
        try MediaTools.writeSine(to: file, seconds: 5, frequency: 440)
        let mixer = try AudioMixer(
            clips: [Self.clip(file.path, start: 0.5, duration: 1)], format: AudioFormat(), duration: 2
        )
        let samples = try Self.mixAll(mixer, chunk: 777)
        #expect(samples.count == 2 * Self.rate * 2)
        #expect(Self.window(samples, from: 0, to: 0.5).allSatisfy { $0 == 0 })
        #expect(Self.window(samples, from: 1.5, to: 2).allSatisfy { $0 == 0 })
        #expect(MediaTools.rms(Self.window(samples, from: 0.5, to: 1.5)) > 0.5)
        // Sample-accurate placement: the clip's first frame is silent (sin 0), the second is not.
        let start = Int(0.5 * Double(Self.rate)) * 2
        #expect(samples[start] == 0 && samples[start + 2] != 0)
    }

    @Test func loopingFillsAClipLongerThanTheFileWithoutClicks() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("short.wav")
        // 330.5 Hz over 0.5 s ends mid-cycle: a bare loop would jump at each seam.
        try MediaTools.writeSine(to: file, seconds: 0.5, frequency: 330.5, amplitude: 0.8)
        let looping = try Self.mixAll(
            AudioMixer(clips: [Self.clip(file.path, duration: 2.5, loops: true)], format: AudioFormat(), duration: 2.5)
        )
        let expected = 0.8 / 2.0.squareRoot()
        for start in stride(from: 0.0, to: 2.5, by: 0.1) {
            let level = MediaTools.rms(Self.window(looping, from: start, to: start + 0.1))
            #expect(abs(level - expected) / expected < 0.06, "window at \(start) s: RMS \(level)")
        }
        // Largest step between neighbouring samples stays near a sine's (2 pi f A / rate = 0.035).
        var largestStep: Float = 0
        for index in stride(from: 2, to: looping.count, by: 2) {
            largestStep = max(largestStep, abs(looping[index] - looping[index - 2]))
        }
        #expect(largestStep < 0.06, "largest step \(largestStep)")

        let once = try Self.mixAll(
            AudioMixer(clips: [Self.clip(file.path, duration: 2.5)], format: AudioFormat(), duration: 2.5)
        )
        #expect(MediaTools.rms(Self.window(once, from: 0.1, to: 0.4)) > 0.5)
        #expect(Self.window(once, from: 0.51, to: 2.5).allSatisfy { $0 == 0 })
    }

    @Test func overlappingClipsAreSummedAndClipped() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sine.wav")
        try MediaTools.writeSine(to: file, seconds: 1, frequency: 200, amplitude: 0.8)
        let clips = [Self.clip(file.path, duration: 1), Self.clip(file.path, duration: 1)]
        let samples = try Self.mixAll(AudioMixer(clips: clips, format: AudioFormat(), duration: 1))
        #expect(samples.allSatisfy { $0 >= -1 && $0 <= 1 })
        #expect(samples.contains(1) && samples.contains(-1))
        #expect(MediaTools.rms(samples[...]) > 0.8 / 2.0.squareRoot())
    }

    @Test(arguments: [1, 7, 480, 1_024, 48_000])
    func chunkSizeDoesNotChangeTheMix(chunk: Int) throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sine.wav")
        try MediaTools.writeSine(to: file, seconds: 0.3, frequency: 523, amplitude: 0.6)
        let clips = [
            Self.clip(file.path, start: 0.05, duration: 0.7, volume: 0.7, fadeIn: 0.1, fadeOut: 0.2, loops: true),
            Self.clip(file.path, start: 0.4, duration: 0.3, volume: 0.4),
        ]
        let reference = try Self.mixAll(AudioMixer(clips: clips, format: AudioFormat(), duration: 0.8), chunk: 4_096)
        let chunked = try Self.mixAll(AudioMixer(clips: clips, format: AudioFormat(), duration: 0.8), chunk: chunk)
        #expect(chunked.count == Int(0.8 * Double(Self.rate)) * 2)
        #expect(chunked == reference)
    }

    @Test func readsStopAtTheDuration() throws {
        let mixer = try AudioMixer(clips: [], format: AudioFormat(), duration: 0.1)
        #expect(try mixer.read(frames: 4_000).count == 8_000)
        #expect(try mixer.read(frames: 4_000).count == 1_600)
        #expect(try mixer.read(frames: 4_000).isEmpty)
    }
}
