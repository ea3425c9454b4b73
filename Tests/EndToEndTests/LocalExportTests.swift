import Foundation
import NemoAPI
import NemoTestSupport
import Testing

/// `nemo export --local`: the session's draft rendered on this machine from the user's own uploads.
@Suite("nemo export --local")
struct LocalExportTests {
    /// Runs ffmpeg or ffprobe and returns stdout.
    static func tool(_ name: String, _ arguments: [String]) throws -> Data {
        try SpawnedProcess.output(of: name, arguments)
    }

    /// The mean colour of the 320x180 frame at `seconds`, over a square away from the centred title.
    static func colour(of video: String, at seconds: Double) throws -> [Double] {
        let frame = [UInt8](try tool("ffmpeg", [
            "-v", "error", "-ss", "\(seconds)", "-i", video, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24",
            "-",
        ]))
        try #require(frame.count == 320 * 180 * 3)
        var sums = [0.0, 0.0, 0.0]
        for y in 10..<40 {
            for x in 10..<40 {
                for band in 0..<3 { sums[band] += Double(frame[(y * 320 + x) * 3 + band]) }
            }
        }
        return sums.map { $0 / 900 }
    }

    @Test("a mock session's draft becomes a video of the uploaded photos, with their order, length and music")
    func rendersUploads() async throws {
        let mock = try MockProcess()
        let folder = try Executable.folder()
        for (name, colour) in [("red.png", "D02020"), ("blue.png", "2040D0")] {
            _ = try Self.tool("ffmpeg", [
                "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=0x\(colour):s=640x360", "-frames:v", "1",
                folder + "/" + name,
            ])
        }
        let run = try await Executable.run(
            "nemo", ["run", "red.png", "blue.png", "--api-url", mock.url, "--profile", "create-video-from-images",
                     "--poll-interval", "0.05", "--out", "service.mp4"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let local = try await Executable.run(
            "nemo", ["export", "--local", "--size", "320x180", "--api-url", mock.url, "--profile",
                     "create-video-from-images", "--out", "local.mp4", "--json"], in: folder)
        #expect(local.status == 0, "\(local.stderr)")
        let events = try local.jsonLines()
        let result = try #require(events.last)
        #expect(result["event"]?.stringValue == "result" && result["local"]?.boolValue == true)
        #expect(events.contains { $0["event"]?.stringValue == "render_local" })
        let probe = String(decoding: try Self.tool("ffprobe", [
            "-v", "error", "-show_entries", "stream=codec_name,width,height:format=duration", "-of", "compact",
            folder + "/local.mp4",
        ]), as: UTF8.self)
        #expect(probe.contains("codec_name=h264|width=320|height=180"), "\(probe)")
        #expect(probe.contains("codec_name=aac"), "\(probe)")
        let duration = try #require(probe.firstMatch(of: /duration=([0-9.]+)/).flatMap { Double($0.1) })
        #expect(abs(duration - 12) < 0.2)
        // Two photos of 6 s each, in upload order.
        let first = try Self.colour(of: folder + "/local.mp4", at: 3)
        let second = try Self.colour(of: folder + "/local.mp4", at: 9)
        #expect(first[0] > 150 && first[2] < 90, "\(first)")
        #expect(second[2] > 150 && second[0] < 90, "\(second)")
        // Nothing left beside the output but the inputs, the service's video and the config.
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(left == ["red.png", "blue.png", "service.mp4", "local.mp4", "config"])
    }

    @Test("a video clip given to nemo run is uploaded as it is, in order, and the local render plays it")
    func rendersVideoUploads() async throws {
        let mock = try MockProcess()
        let folder = try Executable.folder()
        _ = try Self.tool("ffmpeg", [
            "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=0xD02020:s=640x360", "-frames:v", "1",
            folder + "/red.png",
        ])
        _ = try Self.tool("ffmpeg", [
            "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=0x808080:s=480x270:r=25:d=1", "-f", "lavfi", "-i",
            "sine=frequency=440:duration=1", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
            folder + "/clip.mp4",
        ])
        let run = try await Executable.run(
            "nemo", ["run", "red.png", "clip.mp4", "--api-url", mock.url, "--profile", "create-video-from-images",
                     "--poll-interval", "0.05", "--out", "service.mp4", "--json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let uploaded = try run.jsonLines().first { $0["event"]?.stringValue == "uploaded" }
        // The photo, prepared, keeps its place before the clip (a clip uploaded first would fail this).
        #expect(uploaded?["files"]?.arrayValue?.map(\.stringValue) == ["red.png", "clip.mp4"])
        let local = try await Executable.run(
            "nemo", ["export", "--local", "--size", "320x180", "--api-url", mock.url, "--profile",
                     "create-video-from-images", "--out", "local.mp4"], in: folder)
        #expect(local.status == 0, "\(local.stderr)")
        // The photo for the first 6 s, then the clip (its last frame held).
        let photo = try Self.colour(of: folder + "/local.mp4", at: 3)
        let clip = try Self.colour(of: folder + "/local.mp4", at: 9)
        #expect(clip.allSatisfy { abs($0 - 128) < 12 }, "\(clip)")
        #expect(photo[0] > 150 && photo[2] < 90, "\(photo)")
        // The input clip is untouched.
        let probe = String(decoding: try Self.tool("ffprobe", [
            "-v", "error", "-show_entries", "stream=width", "-of", "csv=p=0", folder + "/clip.mp4",
        ]), as: UTF8.self)
        #expect(probe.hasPrefix("480"))
    }

    @Test("clips inside a folder given to nemo run are uploaded in their place; a folder of clips alone needs no prep")
    func clipsInFolders() async throws {
        let mock = try MockProcess(credits: 1_000)  // two runs
        let folder = try Executable.folder()
        for path in ["album/sub", "clips"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + path, withIntermediateDirectories: true)
        }
        for photo in ["album/a.png", "album/sub/d.png"] {
            _ = try Self.tool("ffmpeg", [
                "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=0xD02020:s=320x180", "-frames:v", "1",
                folder + "/" + photo,
            ])
        }
        for clip in ["album/b.mp4", "album/sub/c.mov", "album/.hidden.mp4", "clips/x.mp4"] {
            _ = try Self.tool("ffmpeg", [
                "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=0x808080:s=320x180:r=25:d=0.4", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", folder + "/" + clip,
            ])
        }
        func uploaded(_ argument: String) async throws -> [String?]? {
            let run = try await Executable.run(
                "nemo", ["run", argument, "--api-url", mock.url, "--poll-interval", "0.05", "--out", "v.mp4", "--json"],
                in: folder)
            #expect(run.status == 0, "\(argument): \(run.stderr)")
            let event = try run.jsonLines().first { $0["event"]?.stringValue == "uploaded" }
            return event?["files"]?.arrayValue?.map(\.stringValue)
        }
        // Name order, a subfolder's files in its place, hidden files skipped: the photos prepared, the clips as they are.
        #expect(try await uploaded("album") == ["a.png", "b.mp4", "c.mov", "d.png"])
        #expect(try await uploaded("clips") == ["x.mp4"])
    }

    @Test("nothing to render, or a bad --size, is a clear error")
    func errors() async throws {
        let mock = try MockProcess()
        let folder = try Executable.folder()
        let empty = try await Executable.run(
            "nemo", ["export", "--local", "--api-url", mock.url, "--out", "v.mp4"], in: folder)
        #expect(empty.status == 9, "\(empty.stderr)")
        #expect(empty.stderr.contains("nothing to render"), "\(empty.stderr)")
        let size = try await Executable.run(
            "nemo", ["export", "--local", "--size", "321x180", "--api-url", mock.url], in: folder)
        #expect(size.status == 2)
        #expect(size.stderr.contains("WIDTHxHEIGHT"), "\(size.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/v.mp4"))
    }
}
