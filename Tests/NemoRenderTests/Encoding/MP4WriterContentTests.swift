import Foundation
import Testing

@testable import NemoRender

/// What comes back out when the MP4 is decoded: colours, gradients, frame order.
@Suite struct MP4WriterContentTests {
    /// Encodes `frames` into a 30 fps MP4 in `directory`.
    static func encode(_ frames: [RGBFrame], in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("content.mp4").path
        let writer = try MP4Writer(
            path: path, video: VideoFormat(width: frames[0].width, height: frames[0].height), audio: nil
        )
        for frame in frames { try writer.append(frame) }
        try writer.finish()
        return path
    }

    /// Mean absolute difference and largest difference of two byte buffers.
    static func difference(_ a: [UInt8], _ b: [UInt8]) -> (mean: Double, max: Int) {
        var total = 0
        var largest = 0
        for (x, y) in zip(a, b) {
            let delta = abs(Int(x) - Int(y))
            total += delta
            largest = max(largest, delta)
        }
        return (Double(total) / Double(max(a.count, 1)), largest)
    }

    static let colours: [(UInt8, UInt8, UInt8)] = [
        (255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255), (0, 0, 0), (128, 128, 128), (250, 200, 40),
    ]

    @Test(arguments: colours.indices)
    func solidColourSurvivesTheRoundTrip(index: Int) throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let colour = Self.colours[index]
        let frame = MediaTools.solidFrame(width: 128, height: 72, colour)
        let path = try Self.encode(Array(repeating: frame, count: 8), in: directory)
        let decoded = try MediaTools.decodeFrame(path, index: 5)
        #expect(decoded.count == frame.bytes.count)
        let (mean, largest) = Self.difference(decoded, frame.bytes)
        #expect(mean < 2.0, "colour \(colour): mean difference \(mean)")
        #expect(largest <= 6, "colour \(colour): largest difference \(largest)")
    }

    @Test func gradientSurvivesTheRoundTrip() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (width, height) = (256, 144)
        var frame = RGBFrame(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let index = (y * width + x) * 3
                frame.bytes[index] = UInt8(x)
                frame.bytes[index + 1] = UInt8(y * 255 / (height - 1))
                frame.bytes[index + 2] = 96
            }
        }
        let path = try Self.encode(Array(repeating: frame, count: 4), in: directory)
        let decoded = try MediaTools.decodeFrame(path, index: 2)
        let (mean, _) = Self.difference(decoded, frame.bytes)
        #expect(mean < 2.5, "gradient: mean difference \(mean)")
        // Brightness ordering is kept from left to right.
        let left = Int(decoded[(72 * width + 10) * 3])
        let right = Int(decoded[(72 * width + 245) * 3])
        #expect(right - left > 200)
    }

    @Test(arguments: [0, 7, 13, 19])
    func framesComeOutInOrder(index: Int) throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let frames = (0..<20).map { MediaTools.solidFrame(width: 64, height: 64, (UInt8($0 * 12), 60, 200)) }
        let path = try Self.encode(frames, in: directory)
        let decoded = try MediaTools.decodeFrame(path, index: index)
        let red = decoded.enumerated().filter { $0.offset % 3 == 0 }.map { Int($0.element) }
        let mean = Double(red.reduce(0, +)) / Double(red.count)
        #expect(abs(mean - Double(index * 12)) < 3, "frame \(index): red \(mean)")
    }
}
