import Foundation
import NemoCore
import NemoTestSupport

/// Helpers for the files-and-disk tests: limited processes, small filesystems, and input checksums.
enum DiskHarness {
    /// Whether `prlimit` is installed (it sets `RLIMIT_FSIZE` in bytes for one process).
    static let hasPrlimit = FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit")

    /// Runs a built tool with its file-size limit at `bytes`; SIGXFSZ is ignored (as `trap '' XFSZ` leaves it across
    /// `exec`), so a write past the limit fails with EFBIG instead of killing the process.
    static func limited(
        _ tool: String, _ arguments: [String], fileSizeLimit bytes: Int, in folder: String,
        environment extra: [String: String] = [:]
    ) async throws -> SpawnedProcess.Result {
        let script = #"trap '' XFSZ; exec /usr/bin/prlimit --fsize="$0" -- "$@""#
        let path = Executable.products.appendingPathComponent(tool).path
        return try await SpawnedProcess.run(
            "/bin/sh", ["-c", script, "\(bytes)", path] + arguments, environment: environment(folder, extra),
            in: folder)
    }

    /// Runs a built tool without limits.
    static func run(
        _ tool: String, _ arguments: [String], in folder: String, environment extra: [String: String] = [:],
        timeout: Double = 240
    ) async throws -> SpawnedProcess.Result {
        try await SpawnedProcess.run(
            Executable.products.appendingPathComponent(tool).path, arguments, environment: environment(folder, extra),
            in: folder, timeout: .seconds(timeout))
    }

    /// The environment of a test process: a private config home and temporary folder.
    static func environment(_ folder: String, _ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = folder + "/config"
        environment["TMPDIR"] = folder + "/tmp"
        // The mock serves its recorded clip: a real render of each export would take seconds (lead's note).
        environment["NEMO_MOCK_RENDER"] = "recorded"
        try? FileManager.default.createDirectory(atPath: folder + "/tmp", withIntermediateDirectories: true)
        for key in ["NEMO_TOKEN", "NEMO_API_URL", "NEMO_BACKEND", "NEMO_PROFILE", "NEMO_CONFIG"] {
            environment.removeValue(forKey: key)
        }
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// Copies fixture photos into `folder`; returns their paths.
    static func photos(_ names: [String], into folder: String) throws -> [String] {
        try names.map { name in
            let path = folder + "/" + name
            try FileManager.default.copyItem(atPath: Executable.images + "/" + name, toPath: path)
            return path
        }
    }

    /// SHA-256 of every file, by path (nil for one that cannot be read).
    static func checksums(_ paths: [String]) -> [String: String?] {
        Dictionary(uniqueKeysWithValues: paths.map { ($0, Checksum.sha256(fileAt: $0)) })
    }

    /// Every name in `folder` (hidden ones too), recursively, relative to it.
    static func contents(of folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
    }

    /// The rendered video every mock export produces.
    static var renderChecksum: String? { Checksum.sha256(fileAt: Executable.fixtures + "/media/render.mp4") }
}

/// A small tmpfs mounted for one test (needs the privilege to mount; tests using it are skipped without it).
final class SmallFilesystem: Sendable {
    let path: String

    /// Whether this process may mount a tmpfs (tried once).
    static let available: Bool = {
        guard getuid() == 0, let probe = try? SmallFilesystem(kilobytes: 16) else { return false }
        probe.unmount()
        return true
    }()

    init(kilobytes: Int) throws {
        path = FileManager.default.temporaryDirectory.path + "/nemo-small-fs-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Self.mount(["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=1777", "tmpfs", path])
    }

    /// Makes it read-only.
    func remountReadOnly() throws {
        try Self.mount(["-o", "remount,ro", path])
    }

    func unmount() {
        _ = try? Self.command("/bin/umount", [path])
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func mount(_ arguments: [String]) throws {
        guard try command("/bin/mount", arguments) == 0 else { throw CocoaError(.fileWriteNoPermission) }
    }

    private static func command(_ tool: String, _ arguments: [String]) throws -> Int32 {
        try SpawnedProcess(tool, arguments, output: .null, error: .null).waitUntilExit().status
    }
}
