public import Foundation
public import Logging
import NemoCore

/// The NemoVideo client: token, session, message stream, upload, credits, state, export and download, with every
/// documented error handled as ``RetryPolicy`` says.
///
/// An actor, because the token and session it holds change as it recovers (a 1001 replaces the token, a 1002 the
/// session). Blocking transfer work runs on libcurl threads (``CurlTransport``), never on the actor.
public actor NemoClient {
    /// The settings.
    public let configuration: Configuration
    let transport: CurlTransport
    let logger: Logger?
    var credentials: Credentials?
    /// The session in use, if any.
    public internal(set) var session: LastSession?
    /// The language the session was created in (a replacement session after 1002 uses it too).
    var sessionLanguage = "en"

    /// Creates a client; nothing is sent until a call needs it.
    public init(configuration: Configuration, transport: CurlTransport = CurlTransport(), logger: Logger? = nil) {
        self.configuration = configuration
        self.transport = transport
        self.logger = logger
    }

    /// The attribution headers of every request.
    nonisolated var attribution: Attribution {
        Attribution(profile: configuration.profile, platform: configuration.platform)
    }

    var lastSessionStore: LastSessionStore { LastSessionStore(folder: configuration.stateFolder) }
    var renderJobStore: RenderJobStore { RenderJobStore(folder: configuration.stateFolder) }

    /// The URL of `path` on the service.
    nonisolated func url(_ path: String) -> URL {
        let base = configuration.baseURL.absoluteString
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        return URL(string: trimmed + path)!
    }

    /// Sets the session to use (e.g. the one remembered from an earlier invocation).
    public func use(session: LastSession?) {
        self.session = session
    }
}
