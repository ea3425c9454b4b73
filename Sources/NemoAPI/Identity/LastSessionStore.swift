/// The last session, in `session.json` (written atomically, mode 0600). An unreadable file counts as no session:
/// the CLI then starts a new one.
public struct LastSessionStore: Sendable {
    /// The file's name in the config folder.
    public static let fileName = "session.json"

    /// The file's path.
    public let path: String

    /// A store in `folder` (see ``ConfigFolder``).
    public init(folder: String) {
        path = ConfigFolder.join(folder, Self.fileName)
    }

    /// The saved session, if any; with `profile` and `baseURL` given, only a session of that profile and service.
    public func load(profile: String? = nil, baseURL: String? = nil) throws(NemoAPIError) -> LastSession? {
        guard let bytes = try PrivateFiles.read(path), let json = try? JSONValue(parsingUTF8: bytes),
            let session = LastSession(json: json)
        else { return nil }
        if let profile, session.profile != profile { return nil }
        if let baseURL, session.baseURL != nil, session.baseURL != baseURL { return nil }
        return session
    }

    /// Saves `session`, replacing the one before.
    public func save(_ session: LastSession) throws(NemoAPIError) {
        var bytes: [UInt8] = []
        session.json.append(to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
        try PrivateFiles.write(bytes, to: path)
    }

    /// Forgets the session (it was not found: 1002).
    public func clear() throws(NemoAPIError) {
        try PrivateFiles.remove(path)
    }
}
