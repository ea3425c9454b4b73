import Foundation
import NemoAPI
import Testing

@testable import NemoRender

@Suite("Renderer: a draft becomes an MP4 of the user's images", .serialized)
struct RendererTests {
    /// Three solid photos of 2 s (red, green, blue), music at 50% and a title, at 320x180.
    final class Fixture {
        let folder: String
        let options = RenderOptions(width: 320, height: 180, defaultTransitionSeconds: 0.5)

        init() throws {
            folder = try MediaTools.temporaryDirectory().path
            for (name, colour) in [("red.png", "FF0000"), ("green.jpg", "00FF00"), ("blue.png", "0000FF")] {
                try MediaTools.writeSolidImage(folder + "/" + name, colour: colour)
            }
            try MediaTools.writeSine(to: URL(fileURLWithPath: folder + "/tone.wav"), seconds: 2, frequency: 440)
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        var draft: JSONValue {
            get throws {
                try JSONValue(parsing: """
                    {"t":[{"tt":0,"sg":[
                      {"d":2000,"m":{"cdn_url":"red.png","motion":"still"}},
                      {"d":2000,"m":{"cdn_url":"green.jpg","motion":"still"}},
                      {"d":2000,"m":{"cdn_url":"blue.png","motion":"still","transition":"cut"}}]},
                     {"tt":1,"sg":[{"d":6000,"m":{"name":"tone","volume":0.5,"cdn_url":"tone.wav"}}]},
                     {"tt":7,"sg":[{"s":4000,"d":2000,"m":{"text":"The End","position":"bottom"}}]}]}
                    """)
            }
        }

        var resolve: MediaResolver {
            { [folder] reference in
                reference.url.map { folder + "/" + $0 }.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
            }
        }

        func render(to name: String, progress: (RenderProgress) -> Void = { _ in }, isCancelled: () -> Bool = { false })
            throws -> RenderReport
        {
            try Renderer.render(
                draft: draft, to: folder + "/" + name, options: options, resolve: resolve, progress: progress,
                isCancelled: isCancelled)
        }
    }

    @Test("the MP4 is H.264 yuv420p at the canvas size and 30 fps, with AAC music, and lasts as long as the draft")
    func streams() throws {
        let fixture = try Fixture()
        let report = try fixture.render(to: "out.mp4")
        #expect(report.frameCount == 180 && report.hasAudio && report.warnings.isEmpty)
        let (streams, format) = try MediaTools.probe(report.path)
        let video = try #require(streams.first { $0["codec_type"] as? String == "video" })
        #expect(video["codec_name"] as? String == "h264")
        #expect(video["pix_fmt"] as? String == "yuv420p")
        #expect(video["width"] as? Int == 320 && video["height"] as? Int == 180)
        #expect(video["r_frame_rate"] as? String == "30/1")
        #expect(video["nb_read_frames"] as? String == "180")
        let audio = try #require(streams.first { $0["codec_type"] as? String == "audio" })
        #expect(audio["codec_name"] as? String == "aac")
        let duration = try #require((format["duration"] as? String).flatMap(Double.init))
        #expect(abs(duration - 6) < 0.1)
    }

    @Test("frames show the pictures, the crossfade's midpoint mixes them, a cut switches at once")
    func frames() throws {
        let fixture = try Fixture()
        let path = try fixture.render(to: "out.mp4").path
        func colour(at frame: Int) throws -> [Double] {
            MediaTools.meanColour(try MediaTools.decodeFrame(path, index: frame), width: 320, x: 40, y: 40)
        }
        func close(_ a: [Double], _ b: [Double], within tolerance: Double) -> Bool {
            zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
        }
        #expect(close(try colour(at: 15), [255, 0, 0], within: 12))
        // The crossfade from red to green is centred on 2 s (frame 60): half of each.
        #expect(close(try colour(at: 60), [128, 128, 0], within: 20))
        #expect(close(try colour(at: 90), [0, 255, 0], within: 12))
        // 4 s is a cut: frame 119 is green, frame 120 blue.
        #expect(close(try colour(at: 119), [0, 255, 0], within: 12))
        #expect(close(try colour(at: 121), [0, 0, 255], within: 12))
    }

    @Test("the title is drawn at the bottom while it is on, over the picture")
    func title() throws {
        let fixture = try Fixture()
        let path = try fixture.render(to: "out.mp4").path
        let during = try MediaTools.decodeFrame(path, index: 150)
        func changed(rows: Range<Int>) -> Int {
            var count = 0
            for row in rows {
                for column in 0..<320 {
                    let i = (row * 320 + column) * 3
                    // Blue frames before and during: count pixels that are no longer plain blue.
                    if abs(Int(during[i + 2]) - 255) > 60 || during[i] > 60 || during[i + 1] > 60 { count += 1 }
                }
            }
            return count
        }
        #expect(changed(rows: 120..<180) > 200)
        #expect(changed(rows: 0..<60) == 0)
    }

    @Test("the music plays at its volume and fades in")
    func music() throws {
        let fixture = try Fixture()
        let path = try fixture.render(to: "out.mp4").path
        let samples = try MediaTools.decodeAudio(path)
        #expect(samples.count > 2 * 48_000 * 5)
        // The tone's RMS is 0.8 / sqrt(2); at volume 0.5 it is halved once faded in (samples are stereo).
        let middle = MediaTools.rms(samples[(2 * 48_000 * 3)..<(2 * 48_000 * 4)])
        #expect(abs(middle - 0.5 * 0.8 / 2.0.squareRoot()) < 0.02)
        let start = MediaTools.rms(samples[0..<(2 * 4_800)])
        #expect(start < middle / 3)
    }

    @Test("the same draft and images give a byte-identical MP4")
    func determinism() throws {
        let fixture = try Fixture()
        let first = try Data(contentsOf: URL(fileURLWithPath: try fixture.render(to: "a.mp4").path))
        let second = try Data(contentsOf: URL(fileURLWithPath: try fixture.render(to: "b.mp4").path))
        #expect(first == second)
    }

    @Test("progress counts every frame; cancelling leaves no file behind")
    func progressAndCancel() throws {
        let fixture = try Fixture()
        var frames: [Int] = []
        _ = try fixture.render(to: "out.mp4", progress: { frames.append($0.frame) })
        #expect(frames == Array(1...180))
        var seen = 0
        let error = #expect(throws: RenderError.self) {
            try fixture.render(to: "cancelled.mp4", progress: { _ in seen += 1 }, isCancelled: { seen >= 30 })
        }
        #expect(error?.code == .cancelled)
        let left = try FileManager.default.contentsOfDirectory(atPath: fixture.folder)
        #expect(!left.contains { $0.contains("cancelled") })
    }

    @Test("missing media and an unwritable destination fail cleanly, writing nothing")
    func failures() throws {
        let fixture = try Fixture()
        try FileManager.default.removeItem(atPath: fixture.folder + "/green.jpg")
        let missing = #expect(throws: RenderError.self) { try fixture.render(to: "out.mp4") }
        #expect(missing?.code == .missingMedia)
        #expect(missing?.message.contains("green.jpg") == true)
        let error = #expect(throws: RenderError.self) {
            try Renderer.render(
                draft: try JSONValue(parsing: #"{"t":[{"tt":0,"sg":[{"d":1000,"m":{"cdn_url":"red.png"}}]}]}"#),
                to: fixture.folder + "/no/such/folder/out.mp4", options: fixture.options, resolve: fixture.resolve)
        }
        #expect(error?.code == .output)
        let left = try FileManager.default.contentsOfDirectory(atPath: fixture.folder)
        #expect(Set(left) == ["red.png", "blue.png", "tone.wav"])
    }

    @Test("an unreadable image is reported with its name")
    func unreadable() throws {
        let fixture = try Fixture()
        try Data("not an image".utf8).write(to: URL(fileURLWithPath: fixture.folder + "/red.png"))
        let error = #expect(throws: RenderError.self) { try fixture.render(to: "out.mp4") }
        #expect(error?.code == .unreadableMedia)
        #expect(error?.message.contains("red.png") == true)
    }
}
