import Foundation
import NemoAPI
import Synchronization

/// Everything a service command shows: for people, text and progress bars (bars only on a terminal); with
/// `--json`, one JSON object per line on stdout (`{"event": ..., ...}`) and nothing else.
final class Reporter: Sendable {
    let json: Bool
    private let interactive: Bool
    private let state = Mutex(State())

    /// The most streamed text held back waiting for a sentence to end, in UTF-8 bytes.
    static let longestSentence = 64 << 10

    private struct State {
        /// The partial text of the message being streamed that has been printed (whole sentences, untranslated).
        var printed = PrintedText()
        /// The partial text received after what was printed: an unfinished sentence.
        var pendingText = ""
        var bar: ProgressBar?
        var barKind = ""
    }

    init(json: Bool) {
        self.json = json
        interactive = !json && Terminal.stdoutIsTerminal && Terminal.stderrIsTerminal
    }

    /// A JSON event line (with `--json`) or a line of text for people.
    func event(_ name: String, _ fields: [String: JSONValue] = [:], human: String? = nil) {
        if json {
            var object = fields
            object["event"] = .string(name)
            var bytes: [UInt8] = []
            JSONValue.object(object).append(to: &bytes)
            bytes.append(0x0A)
            Terminal.out(bytes: bytes)
        } else if let human {
            endBar()
            Terminal.out(human + "\n")
        }
    }

    /// Shows progress of `kind` (a bar on a terminal; nothing otherwise).
    func progress(_ kind: String, done: Int, total: Int, unit: ProgressUnit, detail: String = "") {
        guard interactive else { return }
        let bar: ProgressBar = state.withLock { state in
            if state.barKind != kind || state.bar == nil {
                state.bar?.finish()
                state.bar = ProgressBar(title: kind, total: max(total, 1), unit: unit, enabled: true)
                state.barKind = kind
            }
            return state.bar!
        }
        bar.update(completed: done, total: max(total, 1), detail: detail)
    }

    /// Ends the current progress bar's line.
    func endBar() {
        state.withLock { state in
            state.bar?.finish()
            state.bar = nil
            state.barKind = ""
        }
    }

    /// Shows one update of a message stream: text as it streams, activity, notices.
    func message(_ update: MessageUpdate) {
        switch update {
        case .accepted:
            event("message_accepted")
        case .partialText(let piece):
            if json { event("text", ["text": .string(piece), "partial": true]) } else {
                endBar()
                // Streamed sentence by sentence, each GUI-translated once it is complete. Only the new piece is
                // searched, so a long answer costs linear time, not quadratic.
                let ready: String = state.withLock { state in
                    guard let end = GUITranslator.lastSentenceEnd(in: piece) else {
                        state.pendingText += piece
                        // A "sentence" this long has no end coming: print it rather than hold it.
                        guard state.pendingText.utf8.count > Self.longestSentence else { return "" }
                        defer { state.pendingText = "" }
                        state.printed.append(state.pendingText)
                        return state.pendingText
                    }
                    let after = piece.unicodeScalars.index(after: end)
                    let sentence = state.pendingText + piece[..<after]
                    state.pendingText = String(piece[after...])
                    state.printed.append(sentence)
                    return sentence
                }
                if !ready.isEmpty { Terminal.out(GUITranslator().translate(ready).text) }
            }
        case .finalText(let text):
            if json {
                event("text", ["text": .string(GUITranslator().translate(text).text), "partial": false])
            } else {
                let printed = state.withLock { state in
                    defer {
                        state.printed = PrintedText()
                        state.pendingText = ""
                    }
                    return state.printed
                }
                // The final text repeats the whole answer: print what the partials did not show yet.
                let rest = printed.unprinted(in: text) ?? "\n" + text
                let shown = GUITranslator().translate(rest).text
                Terminal.out(shown.hasSuffix("\n") ? shown : shown + "\n")
            }
        case .toolCall(let name):
            event("tool_call", ["name": .string(name)], human: interactive ? "  … \(name.replacing("_", with: " "))" : nil)
        case .stateChanged(let keys):
            event("state_changed", ["keys": .array(keys.map { .string($0) })])
        case .stillWorking(let notice):
            event("still_working", ["message": .string(notice)], human: notice)
        case .agentError(let message):
            event("agent_error", ["message": .string(message)], human: "⚠ \(message)")
        case .reconciling(let message):
            event("reconciling", ["message": .string(message)], human: message)
        case .completed(let outcome):
            var fields: [String: JSONValue] = [
                "text": .string(outcome.text), "silent": .bool(outcome.silent),
                "stream_completed": .bool(outcome.streamCompleted),
            ]
            if let change = outcome.change { fields["change"] = .string(change) }
            if let summary = outcome.timelineSummary { fields["timeline"] = .string(summary) }
            var lines: [String] = []
            if outcome.silent, let change = outcome.change { lines.append("✓ \(change)") }
            if let summary = outcome.timelineSummary { lines.append(summary) }
            event("message_done", fields, human: lines.isEmpty ? nil : lines.joined(separator: "\n"))
        }
    }

    /// Shows one step of an export.
    func export(_ update: ExportUpdate) {
        switch update {
        case .submitted(let id):
            event("render_submitted", ["id": .string(id)], human: interactive ? nil : "Rendering (job \(id))…")
        case .resubmitted(let id):
            event("render_resubmitted", ["id": .string(id)], human: "The render failed; submitted again as \(id).")
        case .rendering(let status, let percent):
            if json { event("render", ["status": .string(status), "progress": .number(Double(percent))]) }
            progress("Rendering  ", done: percent, total: 100, unit: .items, detail: status)
        case .downloading(let received, let total):
            progress("Downloading", done: Int(received), total: Int(total ?? max(received, 1)), unit: .bytes)
        }
    }

    /// Reports a failure with its exit status.
    func failure(_ message: String, code: String, status: ExitStatus) {
        endBar()
        if json {
            event("error", ["code": .string(code), "message": .string(message), "exit": .number(Double(status.rawValue))])
        } else {
            Terminal.err("nemo: \(message)\n")
        }
    }
}
