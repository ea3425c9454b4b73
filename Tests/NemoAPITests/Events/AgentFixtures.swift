import Foundation
import NemoAPI
import NemoSSE

/// The real ADK recordings in the repository's Fixtures/adk, decoded.
enum AgentFixtures {
    /// The repository's Fixtures/adk folder, found from this file's path.
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Events
        .deletingLastPathComponent()  // NemoAPITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository
        .appendingPathComponent("Fixtures/adk")

    /// The bytes of a fixture file.
    static func data(_ file: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(file))
    }

    /// The recording's SSE events (parsed in 7-byte chunks, to cross chunk boundaries everywhere).
    static func sseEvents(_ name: String) throws -> [SSEEvent] {
        let bytes = Array(try data(name + ".sse"))
        var parser = SSEParser()
        var events: [SSEEvent] = []
        var offset = 0
        while offset < bytes.count {
            events += parser.parse(bytes[offset..<min(offset + 7, bytes.count)])
            offset += 7
        }
        parser.finish()
        return events
    }

    /// The recording decoded, one batch per SSE event.
    static func batches(_ name: String) throws -> [AgentEventBatch] {
        try sseEvents(name).map { AgentEventDecoder().decode($0) }
    }

    /// The recording folded into a transcript.
    static func transcript(_ name: String) throws -> AgentTranscript {
        var transcript = AgentTranscript()
        for batch in try batches(name) {
            transcript.apply(batch.events)
        }
        return transcript
    }
}
