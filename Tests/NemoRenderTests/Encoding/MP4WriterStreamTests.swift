import Foundation
import Testing

@testable import NemoRender

/// The file's streams as ffprobe sees them, and its box layout.
@Suite struct MP4WriterStreamTests {
    /// Writes `frames` solid frames with a 440 Hz tone; returns the file path inside `directory`.
    static func render(
        in directory: URL, name: String = "out.mp4", width: Int = 320, height: Int = 240, frames: Int = 45,
        audio: Bool = true
    ) throws -> String {
        let path = directory.appendingPathComponent(name).path
        let writer = try MP4Writer(
            path: path, video: VideoFormat(width: width, height: height), audio: audio ? AudioFormat() : nil
        )
        var phase = 0.0
        for index in 0..<frames {
            let level = UInt8(40 + (index * 5) % 200)
            try writer.append(MediaTools.solidFrame(width: width, height: height, (level, 128, 255 - level)))
            guard audio else { continue }
            var samples = [Float](repeating: 0, count: 1_600 * 2)
            for frame in 0..<1_600 {
                let value = Float(0.5 * sin(phase))
                phase += 2 * Double.pi * 440 / 48_000
                samples[frame * 2] = value
                samples[frame * 2 + 1] = value
            }
            try writer.append(audio: samples)
        }
        try writer.finish()
        return path
    }

    @Test func videoStreamIsH264HighYUV420pBT709At30fps() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.render(in: directory)
        let (streams, format) = try MediaTools.probe(path)
        let video = try #require(streams.first { $0["codec_type"] as? String == "video" })
        #expect(video["codec_name"] as? String == "h264")
        #expect(video["profile"] as? String == "High")
        #expect(video["pix_fmt"] as? String == "yuv420p")
        #expect(video["width"] as? Int == 320)
        #expect(video["height"] as? Int == 240)
        #expect(video["r_frame_rate"] as? String == "30/1")
        #expect(video["avg_frame_rate"] as? String == "30/1")
        #expect(video["nb_read_frames"] as? String == "45")
        #expect(video["color_space"] as? String == "bt709")
        #expect(video["color_primaries"] as? String == "bt709")
        #expect(video["color_transfer"] as? String == "bt709")
        #expect(video["color_range"] as? String == "tv")
        let duration = try #require(Double(video["duration"] as? String ?? ""))
        #expect(abs(duration - 1.5) < 0.001)
        #expect(format["format_name"] as? String == "mov,mp4,m4a,3gp,3g2,mj2")
        let tags = format["tags"] as? [String: Any] ?? [:]
        #expect(tags["creation_time"] == nil)
    }

    @Test func audioStreamIsAACLC48kStereo() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.render(in: directory)
        let (streams, _) = try MediaTools.probe(path)
        let audio = try #require(streams.first { $0["codec_type"] as? String == "audio" })
        #expect(audio["codec_name"] as? String == "aac")
        #expect(audio["profile"] as? String == "LC")
        #expect(audio["sample_rate"] as? String == "48000")
        #expect(audio["channels"] as? Int == 2)
        #expect(audio["sample_fmt"] as? String == "fltp")
        // 1.5 s of samples; the encoder pads the last frame to 1024 samples.
        let duration = try #require(Double(audio["duration"] as? String ?? ""))
        #expect(duration >= 1.5 && duration < 1.5 + 1_024.0 / 48_000 + 0.001)
    }

    @Test func silentVideoHasOnlyAVideoStream() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.render(in: directory, frames: 10, audio: false)
        let (streams, _) = try MediaTools.probe(path)
        #expect(streams.map { $0["codec_type"] as? String } == ["video"])
    }

    @Test func moovComesBeforeMdat() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.render(in: directory)
        let boxes = try MediaTools.topLevelBoxes(path)
        let moov = try #require(boxes.firstIndex(of: "moov"))
        let mdat = try #require(boxes.firstIndex(of: "mdat"))
        #expect(boxes.first == "ftyp")
        #expect(moov < mdat)
    }

    @Test func audioAndVideoAreInterleavedInTheFile() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.render(in: directory)
        let data = try MediaTools.run("ffprobe", [
            "-v", "error", "-show_entries", "packet=codec_type,pos", "-of", "json", path,
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let packets = try #require(json["packets"] as? [[String: Any]])
        let inFileOrder = packets.compactMap { packet -> (Int, String)? in
            guard let pos = Int(packet["pos"] as? String ?? ""), let type = packet["codec_type"] as? String else {
                return nil
            }
            return (pos, type)
        }.sorted { $0.0 < $1.0 }.map(\.1)
        #expect(inFileOrder.count == packets.count)
        // Streaming players need both streams early: the types alternate throughout, not video then audio.
        let runs = zip(inFileOrder, inFileOrder.dropFirst()).filter { $0 != $1 }.count + 1
        #expect(runs > 40, "\(runs) runs of same-type packets")
    }

    @Test func keyframesComeAtLeastEveryTwoSeconds() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.render(in: directory, width: 64, height: 64, frames: 150, audio: false)
        let data = try MediaTools.run("ffprobe", [
            "-v", "error", "-select_streams", "v", "-show_entries", "frame=key_frame", "-of", "json", path,
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let frames = try #require(json["frames"] as? [[String: Any]])
        let flags = frames.map { $0["key_frame"] as? Int == 1 }
        #expect(flags.count == 150)
        let keyframes = flags.indices.filter { flags[$0] }
        #expect(keyframes.first == 0)
        let gaps = zip(keyframes.dropFirst(), keyframes).map { $0 - $1 } + [150 - (keyframes.last ?? 0)]
        #expect(keyframes.count >= 3)
        #expect(gaps.allSatisfy { $0 <= 60 })
    }
}
