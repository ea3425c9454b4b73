import ArgumentParser
import Foundation
import NemoMock

/// `nemo-mock check`: validates every transcript and scenario of a fixtures folder.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate the transcripts and scenarios of a fixtures folder.")

    @Option(help: "Fixtures folder (with transcripts/ and media/).") var fixtures = "Fixtures"

    func run() throws {
        do {
            let library = try TranscriptLibrary.load(
                from: URL(fileURLWithPath: fixtures).appendingPathComponent("transcripts"))
            print("\(library.transcripts.count) transcripts, \(library.scenarios.count) scenarios: ok")
        } catch {
            print("error: \(error)")
            throw ExitCode.failure
        }
    }
}
