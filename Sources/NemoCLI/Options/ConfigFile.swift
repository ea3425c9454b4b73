import Foundation

/// The optional configuration file: `$XDG_CONFIG_HOME/nemovideo/config.json` (or `~/.config/nemovideo/config.json`),
/// or the file named by `--config` / `NEMO_CONFIG`.
///
/// Every key is optional: `{"api_url": "...", "backend": "mock|live", "profile": "...", "poll_interval": 30,
/// "poll_deadline": 300}`. Values here lose to environment variables, which lose to flags.
struct ConfigFile: Decodable, Sendable {
    var apiURL: String?
    var backend: String?
    var profile: String?
    var pollInterval: Double?
    var pollDeadline: Double?

    enum CodingKeys: String, CodingKey {
        case apiURL = "api_url"
        case backend
        case profile
        case pollInterval = "poll_interval"
        case pollDeadline = "poll_deadline"
    }

    /// The default location, following the XDG base directory rules.
    static func defaultPath(environment: [String: String]) -> String {
        ConfigFolder.path(environment: environment) + "/config.json"
    }

    /// Reads `path`; a missing default file is an empty configuration, a missing named file or bad JSON an error.
    static func load(path: String, required: Bool) throws -> ConfigFile {
        guard FileManager.default.fileExists(atPath: path) else {
            if required { throw CLIError.usage("The configuration file \(path) does not exist.") }
            return ConfigFile()
        }
        do {
            return try JSONDecoder().decode(ConfigFile.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CLIError.usage("The configuration file \(path) is not valid JSON of the documented shape: \(error).")
        }
    }
}

/// The user's nemovideo configuration folder.
enum ConfigFolder {
    /// `$XDG_CONFIG_HOME/nemovideo`, else `$HOME/.config/nemovideo`.
    static func path(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/nemovideo" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/nemovideo"
    }
}
