import Foundation
import NemoAPI
import NemoCore

/// The resolved settings of one invocation: flags over environment over config file over defaults.
struct Settings: Sendable {
    var backend: BackendKind
    var apiURL: URL
    var profile: ProductProfile
    var json: Bool
    var stateFolder: String
    var environment: [String: String]
    var mockScenario: String
    var mockFixtures: String?
    var mockRender: MockRenderMode
    var pollInterval: Double
    var maxPolls: Int

    /// The backend: `--backend`, else live when `--api-url` is given, else `NEMO_BACKEND`, else live when
    /// `NEMO_API_URL` is set, else the config file's, else live.
    static func backend(_ options: GlobalOptions, environment: [String: String], file: ConfigFile) -> BackendKind {
        if let chosen = options.backend { return chosen }
        if options.apiURL != nil { return .live }
        if let named = environment["NEMO_BACKEND"].flatMap(BackendKind.init(rawValue:)) { return named }
        if environment["NEMO_API_URL"] != nil { return .live }
        return file.backend.flatMap(BackendKind.init(rawValue:)) ?? .live
    }

    /// Resolves `options` against the process environment and the config file.
    static func resolve(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> Settings
    {
        let stateFolder: String
        do {
            stateFolder = try ConfigFolder.path(environment: environment)
        } catch {
            throw CLIError(message: error.message, status: .identity)
        }
        let configPath = options.config ?? environment["NEMO_CONFIG"]
        let file = try ConfigFile.load(
            path: configPath ?? stateFolder + "/config.json", required: configPath != nil)

        let urlText = options.apiURL ?? environment["NEMO_API_URL"] ?? file.apiURL
        let backend = Self.backend(options, environment: environment, file: file)
        var apiURL = NemoClient.Configuration.productionURL
        if let urlText {
            guard let url = URL(string: urlText), let scheme = url.scheme, ["http", "https"].contains(scheme),
                url.host != nil
            else { throw CLIError.usage("--api-url must be an http(s) URL, not '\(urlText)'.") }
            apiURL = url
        }
        let slug = options.profile ?? environment["NEMO_PROFILE"] ?? file.profile
        var profile = ProductProfile.default
        if let slug {
            guard let found = ProductProfile.named(slug) else {
                throw CLIError.usage(
                    "Unknown profile '\(slug)'; use one of \(ProductProfile.all.map(\.slug).joined(separator: ", ")).")
            }
            profile = found
        }
        let mock = backend == .mock
        let renderName = environment["NEMO_MOCK_RENDER"]
        let mockRender = try options.mockRender ?? renderName.map { name in
            guard let mode = MockRenderMode(rawValue: name) else {
                throw CLIError.usage("NEMO_MOCK_RENDER must be 'local' or 'recorded', not '\(name)'.")
            }
            return mode
        } ?? .local
        return Settings(
            backend: backend, apiURL: apiURL, profile: profile, json: options.json, stateFolder: stateFolder,
            environment: environment, mockScenario: options.mockScenario ?? "default",
            mockFixtures: options.mockFixtures ?? environment["NEMO_MOCK_FIXTURES"], mockRender: mockRender,
            pollInterval: options.pollInterval ?? file.pollInterval ?? 30,
            maxPolls: options.maxPolls ?? file.maxPolls ?? (mock ? 50 : 10))
    }
}
