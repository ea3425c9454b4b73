import Dispatch
import Foundation
import NemoAPI
import NemoTestSupport
import Testing

@Suite("nemo-prep: full disks, unwritable folders, inputs that move or are not files")
struct PrepDiskTests {
    static let names = ["beach.jpg", "mountain.jpg", "fog.jpg"]

    @Test("a disk that fills up (RLIMIT_FSIZE 300 kB): each image fails with the cause, no temp files, inputs intact",
          .enabled(if: DiskHarness.hasPrlimit))
    func fileSizeLimit() async throws {
        let folder = try Executable.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inputs = try DiskHarness.photos(Self.names, into: folder)
        let before = DiskHarness.checksums(inputs)
        let result = try await DiskHarness.limited(
            "nemo-prep", inputs + ["-o", "out"], fileSizeLimit: 300_000, in: folder)
        #expect(result.status == 1, "\(result.stdout) \(result.stderr)")
        let failures = result.stdout.components(separatedBy: "File too large").count - 1
        #expect(failures == Self.names.count, "\(result.stdout)")
        #expect(DiskHarness.contents(of: folder + "/out") == ["manifest.json"], "no PNG, no hidden temporary file")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/out/manifest.json"))
        let manifest = try JSONValue(parsingUTF8: [UInt8](bytes))
        let codes = (manifest["images"]?.arrayValue ?? []).compactMap { $0["error"]?["code"]?.stringValue }
        #expect(codes == Array(repeating: "output-not-writable", count: Self.names.count))
        #expect(DiskHarness.checksums(inputs) == before)
    }

    @Test("when not even the manifest fits: exit 2 with the file and the cause, the output folder left empty",
          .enabled(if: DiskHarness.hasPrlimit))
    func manifestDoesNotFit() async throws {
        let folder = try Executable.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inputs = try DiskHarness.photos(["beach.jpg"], into: folder)
        let before = DiskHarness.checksums(inputs)
        let result = try await DiskHarness.limited(
            "nemo-prep", inputs + ["-o", "out", "--json"], fileSizeLimit: 1_000, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("manifest.json") && result.stderr.contains("File too large"), "\(result.stderr)")
        #expect(DiskHarness.contents(of: folder + "/out").isEmpty)
        #expect(DiskHarness.checksums(inputs) == before)
    }

    @Test("a small filesystem fills up (ENOSPC), then turns read-only (EROFS): clean errors, nothing partial",
          .enabled(if: SmallFilesystem.available))
    func smallFilesystem() async throws {
        let folder = try Executable.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inputs = try DiskHarness.photos(Self.names, into: folder)
        let before = DiskHarness.checksums(inputs)
        let disk = try SmallFilesystem(kilobytes: 64)
        defer { disk.unmount() }
        let full = try await DiskHarness.run("nemo-prep", inputs + ["-o", disk.path + "/out"], in: folder)
        #expect(full.status == 1)
        #expect(full.stdout.contains("No space left on device"), "\(full.stdout)")
        #expect(DiskHarness.contents(of: disk.path + "/out") == ["manifest.json"])

        try disk.remountReadOnly()
        let readOnly = try await DiskHarness.run("nemo-prep", inputs + ["-o", disk.path + "/new"], in: folder)
        #expect(readOnly.status == 2)
        #expect(readOnly.stderr.contains("cannot create the output folder"), "\(readOnly.stderr)")
        let existing = try await DiskHarness.run("nemo-prep", inputs + ["-o", disk.path + "/out"], in: folder)
        #expect(existing.status == 2)
        #expect(existing.stderr.contains("not writable"), "\(existing.stderr)")
        #expect(DiskHarness.checksums(inputs) == before)
    }

    @Test("an input removed and one replaced while the batch runs: each fails alone and says so",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/vips")))
    func inputsMoveMidBatch() async throws {
        let folder = try Executable.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A large PNG (no shrink-on-load) keeps the single job busy long enough to change the later inputs.
        let slow = folder + "/slow.png"
        let made = try await SpawnedProcess.run("/usr/bin/vips", ["black", slow, "8000", "6000", "--bands", "3"])
        try #require(made.status == 0, "vips black: \(made.stderr)")
        let victim = try DiskHarness.photos(["beach.jpg"], into: folder)[0]
        let changed = try DiskHarness.photos(["fog.jpg"], into: folder)[0]
        let replacement = Executable.images + "/mountain.jpg"

        let process = try SpawnedProcess(
            Executable.products.appendingPathComponent("nemo-prep").path,
            [slow, victim, changed, "-o", "out", "--jobs", "1"], in: folder, error: .standardOutput)
        let output = Task { await OwnThread.run { process.readOutput() } }
        // The output folder is made once planning is done; while slow.png is open after that, its pixels are being
        // processed and the other two are not touched yet (one job, in input order). Stop the process there,
        // change the inputs, let it go on. Polled on a thread of its own, so a busy test pool cannot delay it.
        let pid = process.pid
        let intervened = await OwnThread.run {
            Self.intervene(pid: pid, while: slow, after: folder + "/out") {
                try? FileManager.default.removeItem(atPath: victim)
                try? FileManager.default.removeItem(atPath: changed)
                try? FileManager.default.copyItem(atPath: replacement, toPath: changed)
            }
        }
        let text = await output.value
        let termination = await process.exit()
        try #require(intervened, "the inputs were changed while slow.png was processed: \(text)")

        #expect(termination.termination.status == 1, "\(text)")
        #expect(text.contains("beach.jpg: the file was removed or renamed after the batch was planned"), "\(text)")
        #expect(text.contains("fog.jpg: the file changed after the batch was planned"), "\(text)")
        #expect(DiskHarness.contents(of: folder + "/out") == ["manifest.json", "slow.png"], "no output for either")
        #expect(DiskHarness.checksums([changed]) == DiskHarness.checksums([replacement]).mapKeys { _ in changed })
    }

    @Test("symlinks are followed (the link's name is kept); a dangling one and a FIFO fail alone, without hanging")
    func symlinksAndFIFOs() async throws {
        let folder = try Executable.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = try DiskHarness.photos(["beach.jpg"], into: folder)[0]
        let before = DiskHarness.checksums([target])
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.jpg", withDestinationPath: target)
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling.jpg", withDestinationPath: "gone.jpg")
        #expect(mkfifo(folder + "/pipe.jpg", 0o600) == 0)
        let result = try await DiskHarness.run(
            "nemo-prep", ["link.jpg", "dangling.jpg", "pipe.jpg", "-o", "out"], in: folder, timeout: 60)
        #expect(!result.timedOut, "a FIFO must not block")
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("dangling.jpg: cannot read the file"), "\(result.stdout)")
        #expect(result.stdout.contains("pipe.jpg: not a regular file"), "\(result.stdout)")
        #expect(DiskHarness.contents(of: folder + "/out") == ["link.png", "manifest.json"])
        #expect(DiskHarness.checksums([target]) == before)
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.jpg")
        #expect(link == target, "the link itself is untouched")
    }

    /// Waits until `folder` exists and `pid` has `file` open, stops the process, runs `change` if the file is still
    /// open (checked while stopped), and continues it. False when the moment passed (the process ended first).
    static func intervene(pid: Int32, while file: String, after folder: String, _ change: () -> Void) -> Bool {
        while kill(pid, 0) == 0 {
            if FileManager.default.fileExists(atPath: folder), openFiles(of: pid).contains(file) {
                kill(pid, SIGSTOP)
                defer { kill(pid, SIGCONT) }
                // /proc reflects the stopped process; if the file closed meanwhile, try again.
                if openFiles(of: pid).contains(file) {
                    change()
                    return true
                }
            }
            usleep(2_000)
        }
        return false
    }

    /// The files a process has open (from /proc).
    static func openFiles(of pid: Int32) -> Set<String> {
        let fds = "/proc/\(pid)/fd"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fds)) ?? []
        return Set(names.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: fds + "/" + $0) })
    }
}

extension Dictionary {
    /// The same values under keys mapped by `transform`.
    func mapKeys<T: Hashable>(_ transform: (Key) -> T) -> [T: Value] {
        Dictionary<T, Value>(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
