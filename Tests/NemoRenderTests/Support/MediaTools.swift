import Foundation
import NemoTestSupport
import Testing

@testable import NemoRender

/// Test helpers: a temporary folder, the ffmpeg/ffprobe CLIs, MP4 box reading, WAV writing and signal measures.
enum MediaTools {
    /// A fresh temporary folder; remove it with `FileManager.default.removeItem`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("nemo-render-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `tool` (found on PATH) and returns its standard output; throws when it exits with a failure.
    static func run(_ tool: String, _ arguments: [String]) throws -> Data {
        try SpawnedProcess.output(of: tool, arguments)
    }

    /// ffprobe's `-show_streams -show_format` as JSON objects: (streams, format).
    static func probe(_ path: String) throws -> (streams: [[String: Any]], format: [String: Any]) {
        let data = try run("ffprobe", [
            "-v", "error", "-count_frames", "-show_streams", "-show_format", "-of", "json", path,
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let streams = try #require(json["streams"] as? [[String: Any]])
        let format = try #require(json["format"] as? [String: Any])
        return (streams, format)
    }

    /// Frame `index` of the video at `path` as packed rgb24 bytes.
    static func decodeFrame(_ path: String, index: Int) throws -> [UInt8] {
        let data = try run("ffmpeg", [
            "-v", "error", "-i", path, "-vf", "select=eq(n\\,\(index))", "-frames:v", "1",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-",
        ])
        return [UInt8](data)
    }

    /// The audio of `path` decoded to interleaved float at 48 kHz stereo.
    static func decodeAudio(_ path: String) throws -> [Float] {
        let data = try run("ffmpeg", ["-v", "error", "-i", path, "-f", "f32le", "-ac", "2", "-ar", "48000", "-"])
        return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }

    /// The top-level MP4 box types, in file order.
    static func topLevelBoxes(_ path: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var boxes: [String] = []
        var offset = 0
        while offset + 8 <= data.count {
            var size = data[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: data[offset + 4..<offset + 8], as: UTF8.self)
            if size == 1, offset + 16 <= data.count {
                size = data[offset + 8..<offset + 16].reduce(0) { $0 << 8 | Int($1) }
            } else if size == 0 {
                size = data.count - offset
            }
            guard size >= 8 else { break }
            boxes.append(type)
            offset += size
        }
        return boxes
    }

    /// Writes a 16-bit PCM WAV of `seconds` of a sine (`frequency` Hz, peak `amplitude`) on every channel.
    static func writeSine(
        to url: URL, seconds: Double, frequency: Double, amplitude: Double = 0.8, sampleRate: Int = 48_000,
        channels: Int = 2
    ) throws {
        let frames = Int(seconds * Double(sampleRate))
        var pcm = Data(capacity: frames * channels * 2)
        for frame in 0..<frames {
            let value = amplitude * sin(2 * Double.pi * frequency * Double(frame) / Double(sampleRate))
            let sample = Int16((value * 32767).rounded())
            for _ in 0..<channels {
                withUnsafeBytes(of: sample.littleEndian) { pcm.append(contentsOf: $0) }
            }
        }
        var header = Data()
        func append32(_ value: Int) {
            withUnsafeBytes(of: UInt32(value).littleEndian) { header.append(contentsOf: $0) }
        }
        func append16(_ value: Int) {
            withUnsafeBytes(of: UInt16(value).littleEndian) { header.append(contentsOf: $0) }
        }
        header.append(contentsOf: Array("RIFF".utf8))
        append32(36 + pcm.count)
        header.append(contentsOf: Array("WAVEfmt ".utf8))
        append32(16)
        append16(1)
        append16(channels)
        append32(sampleRate)
        append32(sampleRate * channels * 2)
        append16(channels * 2)
        append16(16)
        header.append(contentsOf: Array("data".utf8))
        append32(pcm.count)
        try (header + pcm).write(to: url)
    }

    /// Root mean square of `samples[range]`.
    static func rms(_ samples: ArraySlice<Float>) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sum = samples.reduce(0.0) { $0 + Double($1) * Double($1) }
        return (sum / Double(samples.count)).squareRoot()
    }

    /// A frame filled with one colour.
    static func solidFrame(width: Int, height: Int, _ colour: (UInt8, UInt8, UInt8)) -> RGBFrame {
        var frame = RGBFrame(width: width, height: height)
        for pixel in 0..<width * height {
            frame.bytes[pixel * 3] = colour.0
            frame.bytes[pixel * 3 + 1] = colour.1
            frame.bytes[pixel * 3 + 2] = colour.2
        }
        return frame
    }
}
