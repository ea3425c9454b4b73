#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads fixture files without Foundation (the NemoSSE tests stay as dependency-free as the library).
enum FixtureFile {
    struct ReadError: Error, CustomStringConvertible {
        let path: String
        var description: String { "Cannot read \(path): copy the fixtures into Fixtures/adk of the repository." }
    }

    /// The whole content of the file at `path`.
    static func read(_ path: String) throws -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw ReadError(path: path)
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        return bytes
    }
}
