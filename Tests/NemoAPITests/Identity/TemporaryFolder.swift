import Foundation

/// A new empty folder under the system's temporary folder, deleted when the test is done with it; identity tests
/// point every store here, never at the real home.
struct TemporaryFolder: ~Copyable {
    /// The folder's path.
    let path: String

    /// Creates the folder.
    init() throws {
        path = NSTemporaryDirectory() + "nemo-api-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// `path/name`.
    func file(_ name: String) -> String {
        path + "/" + name
    }

    /// The permission bits of `name`.
    func mode(_ name: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: file(name))
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// Sets the permission bits of `name`.
    func setMode(_ name: String, _ mode: Int) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file(name))
    }

    /// The names in the folder, sorted.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    /// The text of `name`.
    func read(_ name: String) throws -> String {
        try String(contentsOfFile: file(name), encoding: .utf8)
    }

    /// Writes `text` to `name`.
    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: file(name), atomically: false, encoding: .utf8)
    }
}
