import Foundation

extension MediaTools {
    /// The grey level of frame `n` of `writeGreyRamp`'s videos: 16 + 8n, so neighbouring frames differ by 8.
    static func rampLevel(_ frame: Int) -> Double { Double(16 + 8 * frame) }

    /// The frame number a grey `level` stands for in `writeGreyRamp`'s videos.
    static func rampFrame(_ level: Double) -> Int { Int(((level - 16) / 8).rounded()) }

    /// Writes an H.264 MP4 of `frames` solid grey frames (frame n at `rampLevel(n)`) at `fps`, optionally with a
    /// 440 Hz tone as long as the video, and with `rotation` degrees of display rotation (as phones record).
    static func writeGreyRamp(
        _ path: String, frames: Int = 25, fps: Int = 25, width: Int = 160, height: Int = 90, tone: Bool = false,
        rotation: Int? = nil, leftHalf: (UInt8, UInt8, UInt8)? = nil
    ) throws {
        precondition(frames <= 28, "grey levels above 232 would clip")
        var raw = [UInt8]()
        raw.reserveCapacity(frames * width * height * 3)
        for frame in 0..<frames {
            let level = UInt8(rampLevel(frame))
            for _ in 0..<height {
                for x in 0..<width {
                    let pixel = x < width / 2 ? (leftHalf ?? (level, level, level)) : (level, level, level)
                    raw += [pixel.0, pixel.1, pixel.2]
                }
            }
        }
        let rawPath = path + ".rgb"
        try Data(raw).write(to: URL(fileURLWithPath: rawPath))
        defer { try? FileManager.default.removeItem(atPath: rawPath) }
        var arguments = [
            "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", "\(width)x\(height)", "-r", "\(fps)",
            "-i", rawPath,
        ]
        let seconds = Double(frames) / Double(fps)
        if tone { arguments += ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=\(seconds)"] }
        // Keyframes every 5 frames and B-frames, so seeking and reordered timestamps are exercised.
        arguments += ["-c:v", "libx264", "-preset", "medium", "-g", "5", "-bf", "2", "-crf", "4", "-pix_fmt", "yuv420p"]
        if tone { arguments += ["-c:a", "aac", "-shortest"] }
        guard let rotation else {
            _ = try run("ffmpeg", arguments + [path])
            return
        }
        // FFmpeg 5.1 writes a display matrix from the `rotate` tag only when it copies the stream.
        let upright = path + ".upright.mp4"
        _ = try run("ffmpeg", arguments + [upright])
        defer { try? FileManager.default.removeItem(atPath: upright) }
        _ = try run("ffmpeg", [
            "-v", "error", "-y", "-i", upright, "-c", "copy", "-metadata:s:v:0", "rotate=\(rotation)", path,
        ])
    }
}

extension MediaTools {
    /// Every frame of the video at `path` as packed rgb24 bytes, `width` x `height` each.
    static func decodeFrames(_ path: String, width: Int, height: Int) throws -> [[UInt8]] {
        let data = [UInt8](try run("ffmpeg", ["-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]))
        let size = width * height * 3
        return stride(from: 0, to: data.count - size + 1, by: size).map { Array(data[$0..<$0 + size]) }
    }
}
