public import NemoCore

/// The attribution headers every request carries: which product sent it, its version, and where it is installed.
///
/// The service refuses export (HTTP 402) without them.
public struct Attribution: Sendable, Hashable {
    /// The installation platform the service distinguishes.
    public enum Platform: String, Sendable {
        /// Installed under `~/.clawhub/`.
        case clawhub
        /// Installed under `~/.cursor/skills/`.
        case cursor
        /// Installed anywhere else.
        case unknown

        /// Detects the platform from the install path: under `~/.clawhub/` is clawhub, under `~/.cursor/skills/`
        /// is cursor, anything else unknown.
        public static func detect(installPath: String, home: String) -> Platform {
            let base = home.hasSuffix("/") ? String(home.dropLast()) : home
            if installPath.hasPrefix(base + "/.clawhub/") { return .clawhub }
            if installPath.hasPrefix(base + "/.cursor/skills/") { return .cursor }
            return .unknown
        }

        /// Detects the platform of `installPath` with the home folder from `environment` (`HOME`); `unknown`
        /// without one.
        public static func detect(installPath: String, environment: [String: String]) -> Platform {
            guard let home = environment["HOME"], home.hasPrefix("/") else { return .unknown }
            return detect(installPath: installPath, home: home)
        }
    }

    /// The product profile (source slug and version).
    public let profile: ProductProfile
    /// The platform.
    public let platform: Platform

    /// Creates the attribution for a profile and platform.
    public init(profile: ProductProfile, platform: Platform) {
        self.profile = profile
        self.platform = platform
    }

    /// The three headers as name/value pairs, in a stable order.
    public var headers: [(name: String, value: String)] {
        [
            ("X-Skill-Source", profile.slug),
            ("X-Skill-Version", profile.version),
            ("X-Skill-Platform", platform.rawValue),
        ]
    }
}
