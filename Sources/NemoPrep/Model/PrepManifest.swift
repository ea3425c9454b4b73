/// The record of a batch: options, the aspect chosen, and per image what was decided and done, or why it failed.
///
/// Written as `manifest.json` in the output folder and printed with `--json`. It holds no timestamps, so the same
/// inputs and options give the same manifest.
public struct PrepManifest: Sendable, Codable {
    /// "nemo-prep".
    public var tool = "nemo-prep"
    /// The libvips version that did the work.
    public var libvips: String
    /// Whether this is a dry run (`--plan`): nothing was written.
    public var dryRun: Bool
    /// The options in force.
    public var configuration: PrepConfiguration
    /// The batch's aspect decision.
    public var aspect: AspectSummary
    /// One entry per input, in input order.
    public var images: [ManifestEntry]
    /// Counts.
    public var summary: Summary

    /// The aspect chosen and why.
    public struct AspectSummary: Sendable, Codable {
        /// "auto" or the ratio asked for.
        public var requested: String
        /// The ratio every output has, e.g. "16:9".
        public var chosen: String
        /// The output frame, e.g. "1920x1080".
        public var frame: String
        /// With auto: each candidate's total crop loss over the batch.
        public var candidateLosses: [String: Double]?
    }

    /// Counts of the batch's outcomes.
    public struct Summary: Sendable, Codable {
        /// Inputs.
        public var total: Int
        /// Processed (or, in a dry run, planned).
        public var succeeded: Int
        /// Failed.
        public var failed: Int
    }
}

/// One image in the manifest.
public struct ManifestEntry: Sendable, Codable {
    /// "ok", "planned" (dry run) or "failed".
    public var status: String
    /// The input.
    public var input: InputRecord
    /// The plan (fit, scale, sizes), when the header could be read.
    public var plan: PlanRecord?
    /// What was done, when processed.
    public var operations: PrepOperations?
    /// The output file, when written.
    public var output: OutputRecord?
    /// Why it failed.
    public var error: ErrorRecord?

    /// The input file.
    public struct InputRecord: Sendable, Codable {
        public var path: String
        public var sha256: String?
        public var format: String?
        public var bytes: Int?
        public var width: Int?
        public var height: Int?
        public var orientation: Int?
        public var colourSpace: String?
        public var bitsPerSample: Int?
        public var hasAlpha: Bool?
    }

    /// The decisions made before pixels were read.
    public struct PlanRecord: Sendable, Codable {
        public var fit: String
        public var cropLoss: Double
        public var scale: Double
        public var scaledSize: String
        public var outputSize: String
        public var outputPath: String
    }

    /// The written PNG.
    public struct OutputRecord: Sendable, Codable {
        public var path: String
        public var bytes: Int
        public var width: Int
        public var height: Int
        public var sha256: String
    }

    /// A failure.
    public struct ErrorRecord: Sendable, Codable {
        public var code: String
        public var message: String
    }
}
