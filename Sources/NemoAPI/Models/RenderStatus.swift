/// Where a render job is: `pending` → `processing` → `completed` | `failed` (or `cancelled`).
///
/// Spellings other services use are accepted (`queued` is pending; `running`/`rendering` processing;
/// `succeeded`/`success`/`done`/`finished` completed; `error` failed; `canceled` cancelled); anything else is
/// kept as ``other(_:)`` and treated as still in progress.
public enum RenderStatus: Sendable, Hashable, CustomStringConvertible {
    /// Queued, not started.
    case pending
    /// Rendering.
    case processing
    /// Done: the output URL is ready.
    case completed
    /// The render failed (submit again once with a new id).
    case failed
    /// Cancelled on request.
    case cancelled
    /// A status the documents do not name, as sent.
    case other(String)

    /// Reads a status text (case and surrounding spaces ignored).
    public init(_ text: String) {
        switch text.trimmingWhitespace.lowercased() {
        case "pending", "queued", "waiting", "submitted": self = .pending
        case "processing", "running", "rendering", "in_progress", "started": self = .processing
        case "completed", "complete", "succeeded", "success", "done", "finished": self = .completed
        case "failed", "failure", "error", "errored": self = .failed
        case "cancelled", "canceled": self = .cancelled
        default: self = .other(text)
        }
    }

    /// Whether the job will not change any more (completed, failed or cancelled).
    public var isFinal: Bool {
        switch self {
        case .completed, .failed, .cancelled: true
        case .pending, .processing, .other: false
        }
    }

    /// The documented spelling (`pending`, `processing`, ...), or the text as sent.
    public var description: String {
        switch self {
        case .pending: "pending"
        case .processing: "processing"
        case .completed: "completed"
        case .failed: "failed"
        case .cancelled: "cancelled"
        case .other(let text): text
        }
    }
}
