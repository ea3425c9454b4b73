import Foundation
import Testing

/// Runs the ffmpeg and ffprobe command-line tools the tests inspect videos with, and makes test media.
enum MediaTool {
    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "nemo-render-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs `tool` with `arguments`; returns stdout, failing the test on a non-zero exit.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(tool) \(arguments.joined(separator: " ")) failed")
        return data
    }

    /// Writes a `width` x `height` image of one colour (`0xRRGGBB`) to `path` (the format from its extension).
    static func solidImage(_ path: String, colour: String, width: Int = 640, height: Int = 360) throws {
        try run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "color=c=0x\(colour):s=\(width)x\(height)",
            "-frames:v", "1", path])
    }

    /// Writes `seconds` of a 440 Hz sine at full scale, 48 kHz stereo, to a WAV at `path`.
    static func sine(_ path: String, seconds: Double) throws {
        try run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=\(seconds)",
            "-af", "volume=2", "-ac", "2", path])
    }

    /// ffprobe's view of `path`: every stream's and the container's entries, as `key=value` per stream.
    static func probe(_ path: String) throws -> [[String: String]] {
        let text = String(decoding: try run("ffprobe", ["-v", "error", "-show_streams", "-show_format", "-of", "flat", path]), as: UTF8.self)
        var sections: [String: [String: String]] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals]
            let value = line[line.index(after: equals)...].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            let parts = key.split(separator: ".")
            let section = parts.count >= 3 && parts[0] == "streams" ? "\(parts[1]).\(parts[2])" : String(parts[0])
            sections[section, default: [:]][String(parts.last ?? "")] = value
        }
        return sections.keys.sorted().map { sections[$0]! }
    }

    /// Frame `index` of the video at `path`, decoded to packed RGB.
    static func frame(_ path: String, index: Int, width: Int, height: Int) throws -> [UInt8] {
        let data = try run("ffmpeg", ["-v", "error", "-i", path, "-vf", "select=eq(n\\,\(index))", "-frames:v", "1",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-"])
        try #require(data.count == width * height * 3, "frame \(index) of \(path) did not decode")
        return [UInt8](data)
    }

    /// The audio of `path` decoded to 48 kHz mono floats.
    static func audio(_ path: String) throws -> [Float] {
        let data = try run("ffmpeg", ["-v", "error", "-i", path, "-vn", "-ac", "1", "-ar", "48000", "-f", "f32le", "-"])
        return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }

    /// The mean colour of a `size`-pixel square centred at (`x`, `y`) of a packed RGB frame.
    static func meanColour(_ frame: [UInt8], width: Int, x: Int, y: Int, size: Int = 8) -> [Double] {
        var sums = [0.0, 0.0, 0.0]
        for row in (y - size / 2)..<(y + size / 2) {
            for column in (x - size / 2)..<(x + size / 2) {
                for band in 0..<3 { sums[band] += Double(frame[(row * width + column) * 3 + band]) }
            }
        }
        return sums.map { $0 / Double(size * size) }
    }

    /// The root mean square of `samples`.
    static func rms(_ samples: ArraySlice<Float>) -> Double {
        guard !samples.isEmpty else { return 0 }
        return (samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(samples.count)).squareRoot()
    }
}
