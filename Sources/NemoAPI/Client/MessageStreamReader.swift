import NemoSSE

/// Turns the bytes of a `/run_sse` body into updates: SSE parsing, agent-event decoding, the transcript (partials
/// replaced by finals, silent completion, failures) and whether a chunk showed progress or only heartbeats.
struct MessageStreamReader {
    private var parser = SSEParser(reportsComments: true)
    private let decoder = AgentEventDecoder()
    /// Everything the agent said and did so far.
    private(set) var transcript = AgentTranscript()

    /// Reads one chunk; returns the updates to show and whether anything but heartbeats arrived.
    mutating func consume(_ chunk: [UInt8]) -> (updates: [MessageUpdate], progressed: Bool) {
        var updates: [MessageUpdate] = []
        var progressed = false
        var events: [AgentEvent] = []
        parser.parse(chunk) { item in
            if case .event(let event) = item { events += decoder.decode(event).events }
        }
        for event in events {
            transcript.apply(event)
            if let update = Self.update(for: event) { updates.append(update) }
            if event != .heartbeat { progressed = true }
        }
        return (updates, progressed)
    }

    /// The most one event may hold before the stream is treated as broken: agent events are kilobytes; a stream
    /// that sends megabytes without ending an event is hostile or broken, and must not grow memory without bound.
    static let maximumEventBytes = 16 << 20

    /// Whether the event being assembled has grown past ``maximumEventBytes``.
    var isOverLimit: Bool {
        parser.bufferedByteCount > Self.maximumEventBytes
    }

    /// Ends the stream (an unfinished event is dropped, as the spec says).
    mutating func finish() {
        parser.finish()
    }

    /// The update a caller shows for an agent event; `nil` for heartbeats and internals.
    static func update(for event: AgentEvent) -> MessageUpdate? {
        switch event {
        case .text(let text, let isPartial): isPartial ? .partialText(text) : .finalText(text)
        case .toolCall(let call): .toolCall(call.name)
        case .stateDelta(let delta): .stateChanged(delta.keys.sorted())
        case .toolResult, .heartbeat, .unknown, .error: nil
        }
    }
}
