import Foundation
import NemoAPI
import NemoCore
import NemoTestSupport
import Testing

@Suite("nemo downloads and temporary files: full disks, read-only folders, FIFOs")
struct DownloadDiskTests {
    @Test("a download past the file-size limit: the cause and how to resume, no output; the resume completes",
          .enabled(if: DiskHarness.hasPrlimit), arguments: ["run", "export"])
    func downloadOnFullDisk(command: String) async throws {
        let folder = try Executable.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mock = try await MatrixMock.start(scenario: "default", faults: [], credits: 300)
        let common = ["--api-url", mock.url, "--poll-interval", "0.05"]
        let photo = try DiskHarness.photos(["beach.jpg"], into: folder)[0]
        let before = DiskHarness.checksums([photo])
        var arguments = ["run", photo, "--no-prep", "--out", "v.mp4"]
        if command == "export" {
            let say = try await DiskHarness.run("nemo", ["say", MatrixCommand.message] + common, in: folder)
            try #require(say.status == 0, "\(say.stderr)")
            arguments = ["export", "--out", "v.mp4"]
        }
        // The render is 20 kB: the limit stops it part-way (config files are far smaller).
        let limited = try await DiskHarness.limited("nemo", arguments + common, fileSizeLimit: 8_000, in: folder)
        #expect(limited.status == 8, "\(limited.stderr)")
        #expect(limited.stderr.contains("File too large"), "\(limited.stderr)")
        #expect(limited.stderr.contains("nemo export --resume render_"), "\(limited.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/v.mp4"), "no output")
        // The only trace is the documented hidden partial file, the first bytes of the render, kept to resume.
        let partial = try Data(contentsOf: URL(fileURLWithPath: folder + "/.v.mp4.part"))
        let render = try Data(contentsOf: URL(fileURLWithPath: Executable.fixtures + "/media/render.mp4"))
        #expect(partial.count == 8_000 && render.prefix(8_000) == partial)

        let resumed = try await DiskHarness.run(
            "nemo", ["export", "--resume", "last", "--out", "v.mp4"] + common, in: folder)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(Checksum.sha256(fileAt: folder + "/v.mp4") == DiskHarness.renderChecksum)
        #expect(!FileManager.default.fileExists(atPath: folder + "/.v.mp4.part"))
        let ranges = try await mock.journal().filter {
            $0.path.hasPrefix("/media/renders/") && $0.header("Range") != nil
        }
        #expect(ranges.first?.header("Range") == "bytes=8000-", "the resume continued from the partial file")
        #expect(DiskHarness.checksums([photo]) == before)
        await mock.stop()
    }

    @Test("an output folder on a full filesystem: the cause, and the render can be resumed elsewhere; a read-only one is refused first",
          .enabled(if: SmallFilesystem.available))
    func readOnlyOutputFolder() async throws {
        let folder = try Executable.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mock = try await MatrixMock.start(scenario: "default", faults: [], credits: 300)
        let common = ["--api-url", mock.url, "--poll-interval", "0.05"]
        let disk = try SmallFilesystem(kilobytes: 12)
        defer { disk.unmount() }
        let photo = try DiskHarness.photos(["beach.jpg"], into: folder)[0]
        let full = try await DiskHarness.run(
            "nemo", ["run", photo, "--no-prep", "--out", disk.path + "/v.mp4"] + common, in: folder)
        #expect(full.status == 8)
        #expect(full.stderr.contains("No space left on device"), "\(full.stderr)")
        #expect(full.stderr.contains("free some space"), "\(full.stderr)")
        #expect(!FileManager.default.fileExists(atPath: disk.path + "/v.mp4"))

        try disk.remountReadOnly()
        let readOnly = try await DiskHarness.run("nemo", ["export", "--out", disk.path + "/w.mp4"] + common, in: folder)
        // A folder that cannot be written is refused before anything is sent (no render is spent on it).
        #expect(readOnly.status == 2)
        #expect(readOnly.stderr.contains("is not writable. Nothing was sent."), "\(readOnly.stderr)")
        let elsewhere = try await DiskHarness.run(
            "nemo", ["export", "--resume", "last", "--out", "w.mp4"] + common, in: folder)
        #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
        #expect(Checksum.sha256(fileAt: folder + "/w.mp4") == DiskHarness.renderChecksum)
        await mock.stop()
    }

    @Test("nemo run removes its prep folder, after success and after failure (a full disk during prep)",
          .enabled(if: DiskHarness.hasPrlimit))
    func prepFolderRemoved() async throws {
        let folder = try Executable.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mock = try await MatrixMock.start(scenario: "default", faults: [], credits: 300)
        let common = ["--api-url", mock.url, "--poll-interval", "0.05"]
        let photos = try DiskHarness.photos(["beach.jpg", "city.webp"], into: folder)
        let before = DiskHarness.checksums(photos)
        let done = try await DiskHarness.run("nemo", ["run"] + photos + ["--out", "v.mp4"] + common, in: folder)
        #expect(done.status == 0, "\(done.stderr)")
        #expect(DiskHarness.contents(of: folder + "/tmp").isEmpty, "TMPDIR after success")

        let failed = try await DiskHarness.limited(
            "nemo", ["run"] + photos + ["--out", "x.mp4"] + common, fileSizeLimit: 8_000, in: folder)
        #expect(failed.status == 6, "\(failed.stderr)")
        #expect(failed.stdout.contains("File too large") && failed.stderr.contains("No photo could be prepared"))
        #expect(DiskHarness.contents(of: folder + "/tmp").isEmpty, "TMPDIR after failure")
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.mp4"))
        #expect(DiskHarness.checksums(photos) == before)
        await mock.stop()
    }

    @Test("a FIFO given to nemo upload or nemo run --no-prep is refused without hanging", arguments: ["upload", "run"])
    func fifoRefused(command: String) async throws {
        let folder = try Executable.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mock = try await MatrixMock.start(scenario: "default", faults: [], credits: 300)
        #expect(mkfifo(folder + "/clip.mp4", 0o600) == 0)
        let arguments = command == "upload" ? ["upload", "clip.mp4"] : ["run", "clip.mp4", "--no-prep"]
        let result = try await DiskHarness.run("nemo", arguments + ["--api-url", mock.url], in: folder, timeout: 60)
        #expect(!result.timedOut)
        #expect(result.status == 6)
        #expect(result.stderr.contains("not a regular file"), "\(result.stderr)")
        let uploads = try await mock.journal().filter { $0.path.hasPrefix("/api/upload-video/") }
        #expect(uploads.isEmpty, "refused before anything is sent")
        await mock.stop()
    }
}
