import Foundation
import NemoAPI
import Testing

@testable import NemoRender

@Suite("Renderer: video files on the video track play, with their sound", .serialized)
struct VideoClipRenderTests {
    /// A 1 s, 25 fps grey-ramp video with a tone (ramp.mp4), the same without sound (mute.mp4) and a red photo.
    final class Fixture {
        let folder: String
        let options = RenderOptions(width: 320, height: 180)

        init() throws {
            folder = try MediaTools.temporaryDirectory().path
            try MediaTools.writeGreyRamp(folder + "/ramp.mp4", tone: true)
            try MediaTools.writeGreyRamp(folder + "/mute.mp4")
            try MediaTools.writeSolidImage(folder + "/red.png", colour: "FF0000")
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        var resolve: MediaResolver {
            { [folder] reference in
                reference.url.map { folder + "/" + $0 }.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
            }
        }

        /// Renders a video track of `segments` (JSON objects) to `name`.
        func render(_ segments: String, to name: String) throws -> RenderReport {
            try Renderer.render(
                draft: try JSONValue(parsing: #"{"t":[{"tt":0,"sg":[\#(segments)]}]}"#), to: folder + "/" + name,
                options: options, resolve: resolve)
        }

        /// The ramp frame each output frame shows (nil for a frame that is not grey).
        func rampFrames(_ path: String) throws -> [Int?] {
            try MediaTools.decodeFrames(path, width: 320, height: 180).map { pixels in
                let colour = MediaTools.meanColour(pixels, width: 320, x: 160, y: 90)
                let grey = abs(colour[0] - colour[1]) < 6 && abs(colour[1] - colour[2]) < 6
                return grey ? MediaTools.rampFrame(colour[1]) : nil
            }
        }
    }

    static let rampThenPhoto = """
        {"d":2000,"m":{"cdn_url":"ramp.mp4","file_type":"video"}},
        {"d":1000,"m":{"cdn_url":"red.png","motion":"still","transition":"cut"}}
        """

    @Test("a 25 fps clip plays at its own speed in 30 fps, holds its last frame, then cuts to the photo")
    func playsOnTime() throws {
        let fixture = try Fixture()
        let report = try fixture.render(Self.rampThenPhoto, to: "out.mp4")
        #expect(report.frameCount == 90 && report.hasAudio)
        let shown = try fixture.rampFrames(report.path)
        #expect(shown.count == 90)
        for frame in 0..<60 {
            let expected = min(24, Int((Double(frame) / 30 * 25 + 1e-6).rounded(.down)))
            #expect(shown[frame] == expected, "output frame \(frame) shows \(String(describing: shown[frame]))")
        }
        #expect(shown[60...].allSatisfy { $0 == nil })
        let red = MediaTools.meanColour(try MediaTools.decodeFrames(report.path, width: 320, height: 180)[75],
            width: 320, x: 160, y: 90)
        #expect(red[0] > 200 && red[1] < 40 && red[2] < 40)
    }

    @Test("the clip's sound plays while its pictures do and stops with the file")
    func soundFollowsTheClip() throws {
        let fixture = try Fixture()
        let report = try fixture.render(Self.rampThenPhoto, to: "out.mp4")
        let samples = try MediaTools.decodeAudio(report.path)
        let second = 48_000 * 2
        #expect(samples.count >= 3 * second - 4096)
        let playing = MediaTools.rms(samples[(second / 10)..<(second * 9 / 10)])
        let after = MediaTools.rms(samples[(second * 6 / 5)..<(second * 19 / 10)])
        #expect(playing > 0.05, "the tone plays during the clip: rms \(playing)")
        #expect(after < 0.005, "silence after the file's end: rms \(after)")
    }

    @Test("sound that starts later than the picture in the file starts as much later in the clip", arguments: [
        (trimMilliseconds: 0, onset: 0.5), (trimMilliseconds: 300, onset: 0.2), (trimMilliseconds: 800, onset: 0.0),
    ])
    func soundKeepsItsPlaceAgainstThePicture(trimMilliseconds: Int, onset: Double) throws {
        let fixture = try Fixture()
        // 2 s of picture from 0 s; a tone from 0.5 s (the audio stream's start time), PCM so the start is exact.
        _ = try MediaTools.run("ffmpeg", [
            "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=gray:s=320x180:r=25:d=2", "-itsoffset", "0.5",
            "-f", "lavfi", "-i", "sine=frequency=440:duration=1.5", "-map", "0:v", "-map", "1:a", "-c:v", "libx264",
            "-pix_fmt", "yuv420p", "-c:a", "pcm_s16le", fixture.folder + "/late.mkv",
        ])
        let segment = #"{"d":1000,"m":{"cdn_url":"late.mkv","file_type":"video","trim_start_ms":\#(trimMilliseconds)}}"#
        let samples = try MediaTools.decodeAudio(try fixture.render(segment, to: "late.mp4").path)
        let first = try #require(samples.firstIndex { abs($0) > 0.02 })
        let heard = Double(first / 2) / 48_000
        #expect(abs(heard - onset) < 0.025, "the tone is first heard at \(heard) s, expected \(onset) s")
    }

    @Test("trim_start_ms starts the clip later in the file")
    func inPoint() throws {
        let fixture = try Fixture()
        let segments = #"{"d":500,"m":{"cdn_url":"mute.mp4","file_type":"video","trim_start_ms":400}}"#
        let shown = try fixture.rampFrames(try fixture.render(segments, to: "trim.mp4").path)
        #expect(shown.count == 15)
        for frame in shown.indices {
            #expect(shown[frame] == 10 + Int((Double(frame) / 30 * 25 + 1e-6).rounded(.down)), "frame \(frame)")
        }
    }

    @Test("a video without sound and no music gives an MP4 without an audio track")
    func silentVideo() throws {
        let fixture = try Fixture()
        let report = try fixture.render(#"{"d":1000,"m":{"cdn_url":"mute.mp4","file_type":"video"}}"#, to: "m.mp4")
        #expect(!report.hasAudio)
        let (streams, _) = try MediaTools.probe(report.path)
        #expect(streams.map { $0["codec_type"] as? String } == ["video"])
    }

    @Test("a crossfade from a video to a photo mixes them, and the same draft gives the same bytes")
    func crossfadeAndDeterminism() throws {
        let fixture = try Fixture()
        let segments = """
            {"d":1000,"m":{"cdn_url":"ramp.mp4","file_type":"video"}},
            {"d":1000,"m":{"cdn_url":"red.png","motion":"still","transition":"crossfade","transition_ms":400}}
            """
        let first = try fixture.render(segments, to: "a.mp4")
        let second = try fixture.render(segments, to: "b.mp4")
        let firstBytes = try Data(contentsOf: URL(fileURLWithPath: first.path))
        let secondBytes = try Data(contentsOf: URL(fileURLWithPath: second.path))
        #expect(firstBytes == secondBytes)
        // Frame 30 (1.0 s) is the crossfade's midpoint: half the held grey, half red.
        let middle = MediaTools.meanColour(
            try MediaTools.decodeFrames(first.path, width: 320, height: 180)[30], width: 320, x: 160, y: 90)
        let grey = MediaTools.rampLevel(24)
        #expect(abs(middle[0] - (grey + 255) / 2) < 20 && abs(middle[1] - grey / 2) < 20, "\(middle)")
    }

    @Test("a video that is missing or broken fails the render with the file named")
    func badVideo() throws {
        let fixture = try Fixture()
        let missing = #expect(throws: RenderError.self) {
            try fixture.render(#"{"d":1000,"m":{"cdn_url":"gone.mp4","file_type":"video"}}"#, to: "x.mp4")
        }
        #expect(missing?.code == .missingMedia && missing?.message.contains("gone.mp4") == true)
        try Data(repeating: 0x42, count: 2048).write(to: URL(fileURLWithPath: fixture.folder + "/broken.mov"))
        let broken = #expect(throws: RenderError.self) {
            try fixture.render(#"{"d":1000,"m":{"cdn_url":"broken.mov"}}"#, to: "y.mp4")
        }
        #expect(broken?.code == .unreadableMedia && broken?.message.contains("broken.mov") == true)
        #expect(!FileManager.default.fileExists(atPath: fixture.folder + "/y.mp4"))
    }
}
