// nemo-bench-mock: nemo-mock's server (the NemoMock library, as `nemo mock` and `nemo-mock serve` run it) with the
// limits a benchmark needs raised: uploads up to --max-upload-bytes in one request, tokens and credits that a long run
// does not exhaust. Prints `nemo-mock listening url=...` and serves until SIGINT or SIGTERM.
//
//     nemo-bench-mock --fixtures DIR [--time-scale S] [--max-upload-bytes N] [--port P]
import Foundation
import NemoMock

/// The value after `name` on the command line, or `fallback`.
func option(_ name: String, _ fallback: String) -> String {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return arguments[index + 1]
}

guard let timeScale = Double(option("--time-scale", "0")), let port = Int(option("--port", "0")),
    let maxUpload = Int(option("--max-upload-bytes", String(4 << 30)))
else {
    FileHandle.standardError.write(Data("usage: nemo-bench-mock --fixtures DIR [--time-scale S] [--port P]\n".utf8))
    exit(2)
}
let configuration = MockConfiguration(
    port: port, fixtures: URL(fileURLWithPath: option("--fixtures", "Fixtures")), timeScale: timeScale,
    defaultScenario: option("--scenario", "default"), creditsPerToken: 1_000_000_000, tokensPerIP: 1_000_000,
    maxUploadBytes: maxUpload)
do {
    let server = try MockServer(configuration: configuration)
    let url = try await server.start(shutdownOnSignals: true)
    FileHandle.standardOutput.write(Data("nemo-mock listening url=\(url.absoluteString)\n".utf8))
    await server.waitUntilStopped()
} catch {
    FileHandle.standardError.write(Data("nemo-bench-mock: \(error)\n".utf8))
    exit(1)
}
