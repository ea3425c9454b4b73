import Foundation

/// What a message stream has said so far, folded from its ``AgentEvent`` values.
///
/// Text follows ADK's streaming rule: partial pieces add up until a final text arrives, which
/// repeats the whole answer and **replaces** them. Each final text is one message; ``text`` joins
/// the messages (and the pieces still pending) with a blank line. A trailing "I encountered a
/// temporary issue" after normal output is ignored, as the service documents.
///
/// ```swift
/// var transcript = AgentTranscript()
/// transcript.apply(decoder.decode(event).events)
/// if transcript.isSilentCompletion { /* read the state and summarise the change */ }
/// ```
public struct AgentTranscript: Sendable, Hashable {
    /// The notice the service appends after a hiccup; ignored when it trails normal output.
    public static let temporaryIssueNotice = "I encountered a temporary issue"

    /// The final text messages, in order.
    public private(set) var messages: [String] = []
    /// Partial text received since the last final message.
    public private(set) var pendingText = ""
    /// Every tool call, in order.
    public private(set) var toolCalls: [AgentToolCall] = []
    /// Every tool result, in order.
    public private(set) var toolResults: [AgentToolResult] = []
    /// The session state as changed by the stream: each state delta's keys, the latest value winning.
    public private(set) var state: [String: JSONValue] = [:]
    /// The failure the stream reported, if any (the events before it are kept).
    public private(set) var failure: AgentFailure?
    /// How many heartbeats arrived (heartbeat payloads and empty `data:` lines).
    public private(set) var heartbeatCount = 0
    /// How many payloads or parts were not understood and ignored.
    public private(set) var unknownCount = 0
    /// How many of the oldest messages, tool calls and tool results were let go to stay within the limits.
    public private(set) var droppedCount = 0

    /// The most text (UTF-8 bytes, messages plus pending pieces) kept: an answer is kilobytes; a stream of hundreds of
    /// megabytes keeps its most recent text only, so the client's memory stays bounded.
    public static let retainedTextLimit = 4 << 20
    /// The most tool calls and tool results kept (the most recent).
    public static let retainedToolLimit = 1_000

    private var messageBytes = 0

    /// Creates an empty transcript.
    public init() {}

    /// Folds one event in.
    public mutating func apply(_ event: AgentEvent) {
        switch event {
        case .text(let text, let isPartial):
            if isPartial {
                pendingText += text
                if pendingText.utf8.count > 2 * Self.retainedTextLimit {
                    pendingText = String(pendingText.suffix(Self.retainedTextLimit / 2))
                }
            } else {
                messages.append(text)
                messageBytes += text.utf8.count
                pendingText = ""
                trimMessages()
            }
        case .toolCall(let call):
            toolCalls.append(call)
            Self.trim(&toolCalls, dropped: &droppedCount)
        case .toolResult(let result):
            toolResults.append(result)
            Self.trim(&toolResults, dropped: &droppedCount)
        case .stateDelta(let delta):
            state.merge(delta) { _, new in new }
        case .heartbeat:
            heartbeatCount += 1
        case .error(let failure):
            self.failure = failure
        case .unknown:
            unknownCount += 1
        }
    }

    /// Lets the oldest messages go once they hold twice the text limit, down to the limit (amortised O(1)); the
    /// newest message is always kept.
    private mutating func trimMessages() {
        guard messageBytes > 2 * Self.retainedTextLimit else { return }
        var drop = 0
        while messageBytes > Self.retainedTextLimit, drop < messages.count - 1 {
            messageBytes -= messages[drop].utf8.count
            drop += 1
        }
        messages.removeFirst(drop)
        droppedCount += drop
    }

    /// Lets the oldest half of `items` go once it holds twice the tool limit.
    private static func trim<Item>(_ items: inout [Item], dropped: inout Int) {
        guard items.count > 2 * retainedToolLimit else { return }
        let drop = items.count - retainedToolLimit
        items.removeFirst(drop)
        dropped += drop
    }

    /// Folds events in, in order.
    public mutating func apply(_ events: some Sequence<AgentEvent>) {
        for event in events {
            apply(event)
        }
    }

    /// The draft as the stream last set it (`state["draft"]`), before it is readable from the state endpoint.
    public var draft: JSONValue? {
        state["draft"]
    }

    /// The text to show the user so far: final messages and pending pieces, with a trailing
    /// temporary-issue notice after normal output removed.
    public var text: String {
        shownSegments().segments.joined(separator: "\n\n")
    }

    /// Whether a trailing temporary-issue notice is being ignored.
    public var ignoresTemporaryIssue: Bool {
        shownSegments().ignoredNotice
    }

    /// Whether any visible text arrived (a lone temporary-issue notice counts: it is all there is to show).
    public var hasText: Bool {
        Self.hasVisibleText(text)
    }

    /// The stream ended without text and without failure: read the state, compare it with the
    /// state before the message, and tell the user what changed.
    public var isSilentCompletion: Bool {
        !hasText && failure == nil
    }

    /// The text segments to show, and whether a trailing notice was cut off.
    private func shownSegments() -> (segments: [String], ignoredNotice: Bool) {
        var segments = messages
        if !pendingText.isEmpty {
            segments.append(pendingText)
        }
        guard let last = segments.last,
            let notice = last.range(of: Self.temporaryIssueNotice, options: [.caseInsensitive])
        else {
            return (segments, false)
        }
        let before = last[..<notice.lowerBound]
        let earlierText = segments.dropLast().contains { Self.hasVisibleText($0) }
        guard earlierText || Self.hasVisibleText(before) else {
            return (segments, false)
        }
        segments.removeLast()
        if Self.hasVisibleText(before) {
            segments.append(String(before.reversed().drop(while: \.isWhitespace).reversed()))
        }
        return (segments, true)
    }

    /// Whether `text` has a character that is not whitespace.
    private static func hasVisibleText(_ text: some StringProtocol) -> Bool {
        text.contains { !$0.isWhitespace }
    }
}
