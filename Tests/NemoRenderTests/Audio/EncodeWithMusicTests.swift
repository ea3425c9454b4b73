import Foundation
import Testing

@testable import NemoRender

/// The render loop the lead runs: one frame, then the mixed audio up to that frame's end.
@Suite struct EncodeWithMusicTests {
    @Test func mixedMusicComesOutOfTheMP4AtTheRightLevel() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let music = directory.appendingPathComponent("music.wav")
        try MediaTools.writeSine(to: music, seconds: 1, frequency: 440, amplitude: 0.8)
        let duration = 2.0
        let clip = AudioClip(path: music.path, start: 0, duration: duration, volume: 0.5, fadeIn: 0, fadeOut: 0,
                             loops: true)
        let mixer = try AudioMixer(clips: [clip], format: AudioFormat(), duration: duration)
        let path = directory.appendingPathComponent("render.mp4").path
        let writer = try MP4Writer(path: path, video: VideoFormat(width: 160, height: 90), audio: AudioFormat())
        let frame = MediaTools.solidFrame(width: 160, height: 90, (20, 40, 60))
        var samplesWritten = 0
        for index in 0..<Int(duration * 30) {
            try writer.append(frame)
            let frameEnd = (index + 1) * 48_000 / 30
            try writer.append(audio: mixer.read(frames: frameEnd - samplesWritten))
            samplesWritten = frameEnd
        }
        #expect(try mixer.read(frames: 1).isEmpty)
        try writer.finish()

        let decoded = try MediaTools.decodeAudio(path)
        #expect(abs(decoded.count - Int(duration * 48_000) * 2) <= 1_024 * 2)
        let level = MediaTools.rms(decoded[48_000..<144_000])
        let expected = 0.8 * 0.5 / 2.0.squareRoot()
        #expect(abs(level - expected) / expected < 0.05, "RMS \(level), expected \(expected)")
    }
}
