/// How an image will be fitted to the batch's frame.
public enum FitDecision: String, Sendable, Codable {
    /// Attention crop to the frame's aspect.
    case crop
    /// Solid padding.
    case pad
    /// Padding with a blurred copy of the image.
    case blur
}

/// Everything decided for one image before its pixels are read.
public struct ImagePlan: Sendable, Codable, Equatable {
    /// The input, as read from its header.
    public let input: InputImage
    /// Where the PNG will be written.
    public let outputPath: String
    /// Crop or pad.
    public let fit: FitDecision
    /// The fraction of the image a crop removes (0 for padding, or when the aspect already matches).
    public let cropLoss: Double
    /// The resampling factor applied to the upright image.
    public let scale: Double
    /// The upright image's size after resampling, before cropping or padding.
    public let scaledSize: PixelSize
    /// The output's size.
    public let outputSize: PixelSize
    /// For padding: where the scaled image sits on the output canvas.
    public let placement: PixelBox?
}

/// One input's planning outcome: a plan, or the reason it will not be processed.
public enum PlannedImage: Sendable {
    case planned(ImagePlan)
    case failed(path: String, PrepError)

    /// The input path either way.
    public var path: String {
        switch self {
        case .planned(let plan): plan.input.path
        case .failed(let path, _): path
        }
    }
}

/// The whole batch's plan: one aspect and frame, and one entry per input in input order.
public struct BatchPlan: Sendable {
    /// The aspect every output shares.
    public let aspect: AspectRatio
    /// How it was chosen: "fixed" or "auto".
    public let aspectChoice: AspectChoice
    /// With `auto`: each candidate's total crop loss across the batch (lower is better).
    public let candidateLosses: [String: Double]
    /// The output frame (the largest output size).
    public let frame: PixelSize
    /// Per input, in order.
    public let images: [PlannedImage]
}
