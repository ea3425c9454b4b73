import Foundation
import Testing

@testable import NemoRender

/// The repository's music fixtures decode through the mixer.
@Suite struct FixtureMusicTests {
    /// `Fixtures/media/<name>` of the repository (this file's folder may be reached through a symlink).
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/media/\(name)").path
    }

    @Test func demoTrackIsThirtySecondsOfStereoMusicWithFades() throws {
        let path = Self.fixture("bgm-demo.m4a")
        let clip = AudioClip(path: path, start: 0, duration: 40, volume: 1, fadeIn: 0, fadeOut: 0, loops: false)
        let samples = try AudioMixerTests.mixAll(AudioMixer(clips: [clip], format: AudioFormat(), duration: 40))
        let seconds = { (from: Double, to: Double) in
            MediaTools.rms(AudioMixerTests.window(samples, from: from, to: to))
        }
        #expect(seconds(5, 25) > 0.05)
        #expect(seconds(5, 25) < 0.5)
        #expect(seconds(0, 0.2) < seconds(5, 25) * 0.2)
        #expect(seconds(29.8, 30) < seconds(5, 25) * 0.2)
        #expect(seconds(30.2, 40) == 0)
        #expect(!samples.contains { !$0.isFinite }, "NaN at \(samples.firstIndex { !$0.isFinite } ?? -1)")
        let peak = samples.map { abs($0) }.max() ?? 0
        #expect(peak < 0.95, "peak \(peak) at \(samples.firstIndex { abs($0) == peak } ?? -1)")
    }

    @Test func shortMonoFixtureLoopsToFillItsClip() throws {
        // bgm.m4a: 2 s, 44.1 kHz mono AAC.
        let path = Self.fixture("bgm.m4a")
        let clip = AudioClip(path: path, start: 1, duration: 5, volume: 0.8, fadeIn: 0.5, fadeOut: 0.5, loops: true)
        let samples = try AudioMixerTests.mixAll(AudioMixer(clips: [clip], format: AudioFormat(), duration: 7))
        #expect(samples.count == 7 * 48_000 * 2)
        #expect(AudioMixerTests.window(samples, from: 0, to: 1).allSatisfy { $0 == 0 })
        #expect(AudioMixerTests.window(samples, from: 6, to: 7).allSatisfy { $0 == 0 })
        for start in stride(from: 1.5, to: 5.5, by: 0.5) {
            #expect(MediaTools.rms(AudioMixerTests.window(samples, from: start, to: start + 0.5)) > 0.01,
                    "silent window at \(start) s")
        }
    }
}
