import ArgumentParser
import Foundation
import NemoMock

/// `nemo-mock import`: writes a byte-exact transcript from a raw recording (`.sse` + `.headers` + `.timing`).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Convert a recorded stream (.sse, .headers, .timing) into a transcript.")

    @Argument(help: "The recording's path without extension, e.g. fixtures/adk/scenario-tools.") var recording: String
    @Option(help: "Transcript name.") var name: String
    @Option(help: "One-line description.") var about = ""
    @Option(help: "Credits the run costs.") var cost = 0
    @Option(name: .customLong("match-text"), help: "Message text this transcript answers.") var matchText: [String] = []
    @Option(help: "Output file (standard output when absent).") var output: String?

    func run() throws {
        func read(_ ext: String) -> Data? { FileManager.default.contents(atPath: "\(recording).\(ext)") }
        guard let body = read("sse") else { throw ValidationError("cannot read \(recording).sse") }
        var transcript = try RecordingImporter.transcript(
            name: name, body: [UInt8](body), head: read("headers").map { String(decoding: $0, as: UTF8.self) },
            timing: read("timing").map { String(decoding: $0, as: UTF8.self) })
        transcript.about = about
        transcript.source = "recording \((recording as NSString).lastPathComponent) (.sse/.headers/.timing), byte-exact"
        transcript.cost = cost
        transcript.match.texts = matchText
        let text = TranscriptWriter.text(of: transcript)
        let reparsed = try TranscriptParser.parse(text, file: name)
        guard reparsed.streamBytes == [UInt8](body) else { throw ValidationError("round trip changed the bytes") }
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            print(text, terminator: "")
        }
    }
}
