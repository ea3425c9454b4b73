public import Foundation

/// A render job as the service reports it, after submit (`POST /api/render/proxy/lambda`) or on a poll
/// (`GET /api/render/proxy/lambda/<id>`).
///
/// Both documented poll shapes are read: `{"success":true,"data":{"status","outputUrl","createdAt",
/// "completedAt"}}` and `{"success":true,"status":...,"output":{"url":...}}`. The output URL is also accepted
/// as `output_url`, `url`, `output` (a string) or `data.output.url`. Progress is 0-100; a fraction between 0 and 1
/// (exclusive) is read as a share (0.42 → 42), values outside are clamped, and a completed job is at 100.
public struct RenderJobStatus: WireDecodable, Hashable {
    /// Which of the two documented shapes the answer used.
    public enum Shape: String, Sendable, Hashable {
        /// `data.status` + `data.outputUrl`.
        case nested
        /// Top-level `status` + `output.url`.
        case topLevel
    }

    /// The job id, when sent.
    public var id: String?
    /// The job's status.
    public var status: RenderStatus
    /// Progress, 0-100.
    public var progress: Int
    /// Where the finished video is, once completed.
    public var outputURL: String?
    /// When the job was created, when sent.
    public var createdAt: Date?
    /// When the job completed, when sent.
    public var completedAt: Date?
    /// Why the job failed, when it did and the service says.
    public var errorMessage: String?
    /// The shape the answer used.
    public var shape: Shape

    /// Creates a status.
    public init(
        id: String?, status: RenderStatus, progress: Int, outputURL: String? = nil, createdAt: Date? = nil,
        completedAt: Date? = nil, errorMessage: String? = nil, shape: Shape = .nested
    ) {
        self.id = id
        self.status = status
        self.progress = progress
        self.outputURL = outputURL
        self.createdAt = createdAt
        self.completedAt = completedAt
        self.errorMessage = errorMessage
        self.shape = shape
    }

    /// Reads a payload or a whole body in either shape. The payload of `{"success":true,"data":{...}}` is
    /// `data` (nested); a body with a top-level `status` is the top-level shape.
    public init(wire payload: JSONValue) throws(NemoAPIError) {
        var job = payload
        if payload["status"] == nil, let data = payload["data"], data["status"] != nil {
            job = data
        }
        let object = try WireObject(job, "render status")
        guard let statusText = object.string("status", "state") else {
            throw .malformedResponse("render status: `status` is missing")
        }
        id = object.string("id", "render_id", "renderId", "job_id")
        status = RenderStatus(statusText)
        progress = Self.percent(object.double("progress", "percent"), status: status)
        outputURL = Self.outputURL(in: job)
        createdAt = WireDate.parse(object.any("createdAt", "created_at"))
        completedAt = WireDate.parse(object.any("completedAt", "completed_at"))
        errorMessage = Self.errorText(job["error"] ?? job["message"])
        shape = payload["success"] != nil && payload["data"] == nil ? .topLevel : Self.shape(of: job)
    }

    /// The shape of a job object: an `output` key and no `outputUrl` key means top-level.
    private static func shape(of job: JSONValue) -> Shape {
        job["outputUrl"] == nil && job["output_url"] == nil && job["output"] != nil ? .topLevel : .nested
    }

    /// The output URL in any accepted place.
    static func outputURL(in job: JSONValue) -> String? {
        if let text = job.member("outputUrl", "output_url", "url", "download_url")?.stringValue, !text.isEmpty {
            return text
        }
        if let text = job["output"]?.stringValue, !text.isEmpty { return text }
        if let text = job["output"]?.member("url", "outputUrl", "output_url")?.stringValue, !text.isEmpty {
            return text
        }
        return nil
    }

    /// Progress as a whole percentage in 0...100.
    static func percent(_ value: Double?, status: RenderStatus) -> Int {
        if status == .completed { return 100 }
        guard var value else { return 0 }
        if value > 0, value < 1 { value *= 100 }
        return Int(min(100, max(0, value)).rounded(.towardZero))
    }

    /// The failure text from `error` (a string, or an object with `message`).
    private static func errorText(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        if let text = value.stringValue, !text.isEmpty { return text }
        if let text = value["message"]?.stringValue, !text.isEmpty { return text }
        return nil
    }
}
