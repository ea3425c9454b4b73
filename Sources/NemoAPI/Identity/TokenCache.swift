public import Foundation

/// The anonymous token, cached with its expiry in `token.json` (mode 0600, written atomically) and reused until
/// it expires or the service answers 1001 (then ``remove()``).
///
/// A cache file that other users could read or change (any group/other permission bit), that another user owns, or
/// that is not a regular file is **refused**: ``load(now:)`` throws ``NemoAPIError/Code/insecureTokenCache`` telling
/// the user to `chmod 600` it or delete it. An unreadable or expired cache is simply not used.
public struct TokenCache: Sendable {
    /// The file's name in the config folder.
    public static let fileName = "token.json"

    /// The file's path.
    public let path: String
    /// A token this close to its expiry counts as expired (default one minute).
    public var expiryMargin: Duration

    /// A cache in `folder` (see ``ConfigFolder``).
    public init(folder: String, expiryMargin: Duration = .seconds(60)) {
        path = ConfigFolder.join(folder, Self.fileName)
        self.expiryMargin = expiryMargin
    }

    /// The cached token if it is still valid at `now`; `nil` when there is none, it expired, or it cannot be read.
    ///
    /// - Throws: ``NemoAPIError/Code/insecureTokenCache`` when the file's permissions are too open.
    public func load(now: Date = Date()) throws(NemoAPIError) -> CachedToken? {
        guard let status = try PrivateFiles.status(path) else { return nil }
        try checkPrivate(status)
        guard let bytes = try PrivateFiles.read(path), let json = try? JSONValue(parsingUTF8: bytes),
            let token = CachedToken(json: json)
        else {
            return nil
        }
        return token.isValid(at: now, margin: expiryMargin) ? token : nil
    }

    /// Saves `token` (atomically, mode 0600).
    public func store(_ token: CachedToken) throws(NemoAPIError) {
        var bytes: [UInt8] = []
        token.json.append(to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
        try PrivateFiles.write(bytes, to: path)
    }

    /// Forgets the token (after a 1001).
    public func remove() throws(NemoAPIError) {
        try PrivateFiles.remove(path)
    }

    /// Refuses a file others may read or change.
    private func checkPrivate(_ status: (mode: UInt32, owner: UInt32, isRegular: Bool)) throws(NemoAPIError) {
        let problem: String? =
            if !status.isRegular {
                "is not a regular file"
            } else if status.owner != PrivateFiles.currentUser {
                "belongs to another user"
            } else if status.mode & 0o077 != 0 {
                "can be read or changed by other users (mode \(String(status.mode, radix: 8)))"
            } else {
                nil
            }
        guard let problem else { return }
        throw NemoAPIError(
            code: .insecureTokenCache,
            message: "The token cache \(path) \(problem), so nemo will not use it: run `chmod 600 \(path)` "
                + "or delete it (nemo then gets a new token), and try again.")
    }
}
