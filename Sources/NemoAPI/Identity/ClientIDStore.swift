import Foundation

/// The client id the anonymous token is obtained with: a UUID generated once and kept, because a new id per run
/// would hit the service's per-IP token cap.
///
/// `NEMO_CLIENT_ID` in the environment wins; otherwise the id is read from `client_id` in the config folder, and
/// created there (a random UUID) the first time. A file holding something that is not a plausible id (1-128
/// letters, digits, `-` or `_`) is replaced with a new id.
public struct ClientIDStore: Sendable {
    /// Where a client id came from.
    public enum Origin: String, Sendable, Hashable {
        /// `NEMO_CLIENT_ID`.
        case environment
        /// The file, as saved before.
        case file
        /// Generated now (and saved).
        case created
    }

    /// The file's name in the config folder.
    public static let fileName = "client_id"

    /// The file's path.
    public let path: String

    /// A store in `folder` (see ``ConfigFolder``).
    public init(folder: String) {
        path = ConfigFolder.join(folder, Self.fileName)
    }

    /// The client id to use, and where it came from; creates and saves one when there is none.
    public func clientID(environment: [String: String]) throws(NemoAPIError) -> (id: String, origin: Origin) {
        if let value = environment["NEMO_CLIENT_ID"]?.trimmingWhitespace, Self.isPlausible(value) {
            return (value, .environment)
        }
        if let saved = try load() {
            return (saved, .file)
        }
        return (try replace(), .created)
    }

    /// The saved id, or `nil` when there is none (or it is not plausible).
    public func load() throws(NemoAPIError) -> String? {
        guard let bytes = try PrivateFiles.read(path) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace
        return Self.isPlausible(text) ? text : nil
    }

    /// Generates a new id, saves it, and returns it (after the service said the id was missing: HTTP 400).
    @discardableResult
    public func replace() throws(NemoAPIError) -> String {
        let id = UUID().uuidString.lowercased()
        try PrivateFiles.write(Array((id + "\n").utf8), to: path)
        return id
    }

    /// Whether `text` can be a client id: 1-128 ASCII letters, digits, `-` or `_`.
    public static func isPlausible(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 128
            && text.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    || scalar == "-" || scalar == "_")
            }
    }
}
