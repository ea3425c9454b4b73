import Foundation
import Testing

@testable import NemoRender

#if canImport(Glibc)
import Glibc
#endif

/// Bad settings and unwritable outputs become clean `RenderError`s.
@Suite struct MP4WriterErrorTests {
    @Test(arguments: [(1919, 1080), (1920, 1081), (1081, 1919)])
    func oddSizeIsRejected(width: Int, height: Int) throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("odd.mp4").path
        let error = #expect(throws: RenderError.self) {
            try MP4Writer(path: path, video: VideoFormat(width: width, height: height), audio: nil)
        }
        #expect(error?.code == .invalidSettings)
        #expect(error?.message.contains("even") == true)
        #expect(error?.message.contains("\(width + width % 2)x\(height + height % 2)") == true)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test(arguments: [
        VideoFormat(width: 1920, height: 1080, framesPerSecond: 0),
        VideoFormat(width: 1920, height: 1080, quality: 60),
        VideoFormat(width: 1920, height: 1080, preset: "warp"),
        VideoFormat(width: 8, height: 8),
    ])
    func outOfRangeSettingsAreRejected(format: VideoFormat) throws {
        let error = #expect(throws: RenderError.self) { try format.validate() }
        #expect(error?.code == .invalidSettings)
    }

    @Test func missingFolderIsAnOutputError() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("no/such/folder/out.mp4").path
        let error = #expect(throws: RenderError.self) {
            try MP4Writer(path: path, video: VideoFormat(width: 64, height: 64), audio: nil)
        }
        #expect(error?.code == .output)
        #expect(error?.message.contains(path) == true)
        #expect(error?.message.contains("No such file or directory") == true)
    }

    @Test func unwritableFolderIsAnOutputError() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
            try? FileManager.default.removeItem(at: directory)
        }
        // root ignores folder permissions; /sys refuses new files even to root.
        let path: String
        if geteuid() == 0 {
            path = "/sys/nemo-render-test.mp4"
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
            path = directory.appendingPathComponent("out.mp4").path
        }
        let error = #expect(throws: RenderError.self) {
            try MP4Writer(path: path, video: VideoFormat(width: 64, height: 64), audio: nil)
        }
        #expect(error?.code == .output)
        #expect(error?.message.contains("Permission denied") == true)
    }

    @Test func fullDiskIsAnOutputError() throws {
        // /dev/full accepts the open and fails every write with ENOSPC.
        try #require(FileManager.default.fileExists(atPath: "/dev/full"))
        let error = #expect(throws: RenderError.self) {
            let writer = try MP4Writer(path: "/dev/full", video: VideoFormat(width: 320, height: 240), audio: nil)
            let frame = MediaTools.solidFrame(width: 320, height: 240, (10, 200, 30))
            for _ in 0..<60 { try writer.append(frame) }
            try writer.finish()
        }
        #expect(error?.code == .output)
        #expect(error?.message.contains("No space left on device") == true)
    }

    @Test func wrongFrameSizeIsRejected() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let writer = try MP4Writer(
            path: directory.appendingPathComponent("size.mp4").path, video: VideoFormat(width: 64, height: 64),
            audio: nil
        )
        let error = #expect(throws: RenderError.self) { try writer.append(RGBFrame(width: 32, height: 64)) }
        #expect(error?.code == .invalidSettings)
        // The writer failed: it refuses to go on rather than write a broken file.
        #expect(throws: RenderError.self) { try writer.append(RGBFrame(width: 64, height: 64)) }
    }

    @Test func misuseIsRejected() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let silent = try MP4Writer(
            path: directory.appendingPathComponent("a.mp4").path, video: VideoFormat(width: 64, height: 64), audio: nil
        )
        #expect(throws: RenderError.self) { try silent.append(audio: [0, 0]) }
        let empty = try MP4Writer(
            path: directory.appendingPathComponent("b.mp4").path, video: VideoFormat(width: 64, height: 64),
            audio: AudioFormat()
        )
        #expect(throws: RenderError.self) { try empty.append(audio: [0, 0, 0]) }
        let noFrames = try MP4Writer(
            path: directory.appendingPathComponent("c.mp4").path, video: VideoFormat(width: 64, height: 64), audio: nil
        )
        #expect(throws: RenderError.self) { try noFrames.finish() }
        let done = try MP4Writer(
            path: directory.appendingPathComponent("d.mp4").path, video: VideoFormat(width: 64, height: 64), audio: nil
        )
        try done.append(RGBFrame(width: 64, height: 64))
        try done.finish()
        #expect(throws: RenderError.self) { try done.append(RGBFrame(width: 64, height: 64)) }
    }

    @Test func abandonedWriterReleasesTheFile() throws {
        let directory = try MediaTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("abandoned.mp4").path
        do {
            let writer = try MP4Writer(path: path, video: VideoFormat(width: 64, height: 64), audio: AudioFormat())
            try writer.append(RGBFrame(width: 64, height: 64))
            try writer.append(audio: [Float](repeating: 0, count: 4_000))
        }
        // deinit closed the file without a trailer: what is there is not a playable MP4, and it can be deleted.
        #expect(throws: (any Error).self) { try MediaTools.probe(path) }
        try FileManager.default.removeItem(atPath: path)
    }
}
