import Foundation
import Testing

@testable import NemoRender

@Suite("Video decoder: a video file's frames, on time and upright")
struct VideoDecoderTests {
    /// The grey level at the centre of a decoded plane.
    private func centreLevel(_ plane: PixelPlane) -> Double {
        MediaTools.meanColour(plane.bytes, width: plane.width, x: plane.width / 2, y: plane.height / 2)[1]
    }

    /// Runs `body` with a decoder on a fresh 25-frame, 25 fps grey-ramp video (removed afterwards).
    private func withRamp(_ body: (VideoDecoder) throws -> Void) throws {
        let folder = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ramp.mp4").path
        try MediaTools.writeGreyRamp(path)
        try body(try VideoDecoder(path: path))
    }

    @Test("the frame on screen is the latest one started: a 25 fps file plays at its own speed, then holds")
    func framesOnTime() throws {
        try withRamp { decoder in
            #expect(decoder.displayWidth == 160 && decoder.displayHeight == 90 && decoder.quarterTurns == 0)
            for seconds in [0, 0.01, 0.039, 0.04, 0.5, 0.7, 0.96, 1.5, 3] {
                _ = try decoder.advance(to: seconds)
                let expected = min(24, Int((seconds * 25 + 1e-6).rounded(.down)))
                let level = centreLevel(try decoder.shownPixels(width: 160, height: 90))
                #expect(abs(level - MediaTools.rampLevel(expected)) < 3, "at \(seconds) s: level \(level)")
            }
        }
    }

    @Test("seeking to an in-point lands on the frame at that time, not on the keyframe before it")
    func seek() throws {
        try withRamp { decoder in
            decoder.seek(to: 0.6)
            _ = try decoder.advance(to: 0.6)
            #expect(MediaTools.rampFrame(centreLevel(try decoder.shownPixels(width: 160, height: 90))) == 15)
            #expect(try decoder.advance(to: 0.6) == false)
            #expect(try decoder.advance(to: 0.65) == true)
        }
    }

    @Test("a phone video stored sideways comes out upright, as ffmpeg shows it")
    func rotation() throws {
        let folder = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("phone.mp4").path
        try MediaTools.writeGreyRamp(path, frames: 2, rotation: 90, leftHalf: (220, 30, 30))
        let decoder = try VideoDecoder(path: path)
        // ffprobe reads this file's display matrix as "rotation=90" (counterclockwise): three clockwise turns.
        #expect(decoder.quarterTurns == 3)
        #expect(decoder.displayWidth == 90 && decoder.displayHeight == 160)
        _ = try decoder.advance(to: 0)
        let plane = try decoder.shownPixels(width: 90, height: 160)
        // ffmpeg applies the display rotation when it decodes; the two must agree.
        let reference = try MediaTools.decodeFrame(path, index: 0)
        #expect(reference.count == 90 * 160 * 3)
        for y in [30, 130] {
            let ours = MediaTools.meanColour(plane.bytes, width: 90, x: 45, y: y)
            let theirs = MediaTools.meanColour(reference, width: 90, x: 45, y: y)
            #expect(zip(ours, theirs).allSatisfy { abs($0 - $1) < 6 }, "row \(y): \(ours) vs \(theirs)")
        }
        let bottom = MediaTools.meanColour(plane.bytes, width: 90, x: 45, y: 130)
        #expect(bottom[0] > 180 && bottom[1] < 70, "the stored left half ends at the bottom: \(bottom)")
    }

    @Test("turning a plane moves every pixel where a clockwise quarter turn puts it")
    func planeRotation() {
        // 2 x 1: A (left), B (right).
        let plane = PixelPlane(width: 2, height: 1, bytes: [1, 1, 1, 2, 2, 2])
        let once = plane.rotated(quarterTurns: 1)
        #expect(once.width == 1 && once.height == 2 && once.bytes == [1, 1, 1, 2, 2, 2])
        let twice = plane.rotated(quarterTurns: 2)
        #expect(twice.width == 2 && twice.height == 1 && twice.bytes == [2, 2, 2, 1, 1, 1])
        let thrice = plane.rotated(quarterTurns: 3)
        #expect(thrice.width == 1 && thrice.height == 2 && thrice.bytes == [2, 2, 2, 1, 1, 1])
        #expect(plane.rotated(quarterTurns: -1).bytes == thrice.bytes)
        #expect(plane.rotated(quarterTurns: 4).bytes == plane.bytes)
    }

    @Test("a missing file, a file that is not a video and an audio file fail with the file named")
    func badFiles() throws {
        let folder = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = #expect(throws: RenderError.self) { try VideoDecoder(path: folder.path + "/gone.mp4") }
        #expect(missing?.code == .missingMedia)
        let garbage = folder.appendingPathComponent("garbage.mp4")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: garbage)
        let broken = #expect(throws: RenderError.self) { try VideoDecoder(path: garbage.path) }
        #expect(broken?.code == .unreadableMedia && broken?.message.contains("garbage.mp4") == true)
        let tone = folder.appendingPathComponent("tone.wav")
        try MediaTools.writeSine(to: tone, seconds: 0.5, frequency: 440)
        let audioOnly = #expect(throws: RenderError.self) { try VideoDecoder(path: tone.path) }
        #expect(audioOnly?.code == .unreadableMedia && audioOnly?.message.contains("video stream") == true)
    }
}
