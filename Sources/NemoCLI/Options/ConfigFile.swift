import Foundation

/// The optional configuration file: `~/.config/nemovideo/config.json` (XDG rules), or `--config` / `NEMO_CONFIG`.
///
/// Every key is optional: `{"api_url": "...", "backend": "mock|live", "profile": "...", "poll_interval": 30,
/// "max_polls": 10}`. Values here lose to environment variables, which lose to flags.
struct ConfigFile: Decodable, Sendable {
    var apiURL: String?
    var backend: String?
    var profile: String?
    var pollInterval: Double?
    var maxPolls: Int?

    enum CodingKeys: String, CodingKey {
        case apiURL = "api_url"
        case backend
        case profile
        case pollInterval = "poll_interval"
        case maxPolls = "max_polls"
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
            throw CLIError.usage("The configuration file \(path) is not valid JSON of the documented shape: \(error)")
        }
    }
}
