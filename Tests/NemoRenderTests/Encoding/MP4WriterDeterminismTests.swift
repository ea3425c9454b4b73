import Foundation
import Testing

@testable import NemoRender

/// The same frames and samples give the same bytes.
@Suite struct MP4WriterDeterminismTests {
    /// A moving textured picture (so that x264 makes real motion decisions, B-frames and all) with a tone.
    static func render(to path: String) throws {
        let (width, height) = (320, 180)
        let writer = try MP4Writer(path: path, video: VideoFormat(width: width, height: height), audio: AudioFormat())
        var frame = RGBFrame(width: width, height: height)
        var phase = 0.0
        for index in 0..<75 {
            for y in 0..<height {
                for x in 0..<width {
                    let offset = (y * width + x) * 3
                    let u = x + index * 2
                    frame.bytes[offset] = UInt8(truncatingIfNeeded: u * 3 ^ y)
                    frame.bytes[offset + 1] = UInt8(truncatingIfNeeded: (u * y) >> 4)
                    frame.bytes[offset + 2] = UInt8(truncatingIfNeeded: y * 2 + index)
                }
            }
            try writer.append(frame)
            var samples = [Float](repeating: 0, count: 1_600 * 2)
            for sample in 0..<1_600 {
                samples[sample * 2] = Float(0.3 * sin(phase))
                samples[sample * 2 + 1] = Float(0.3 * sin(phase * 1.5))
                phase += 2 * Double.pi * 330 / 48_000
            }
            try writer.append(audio: samples)
        }
        try writer.finish()
    }

    @Test func twoRendersAreByteIdentical() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("first.mp4").path
        let second = directory.appendingPathComponent("second.mp4").path
        try Self.render(to: first)
        try Self.render(to: second)
        let a = try Data(contentsOf: URL(fileURLWithPath: first))
        let b = try Data(contentsOf: URL(fileURLWithPath: second))
        #expect(a.count > 10_000)
        #expect(a == b)
    }

    @Test func encoderSettingsDoNotDependOnTheMachine() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("settings.mp4").path
        try Self.render(to: path)
        // x264 writes its settings into the stream (an SEI); the thread count must be the fixed one.
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("threads=\(VideoEncoder.threadCount) "))
        #expect(text.contains("crf=20.0"))
    }
}
