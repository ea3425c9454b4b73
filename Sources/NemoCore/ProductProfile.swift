/// One of the five NemoVideo products ("skill profiles") the toolkit speaks as.
///
/// The profiles share one backend API and differ in attribution, upload size limit, preferred input formats,
/// example request and quoted turnaround (see `shared/seeds/README.md`).
public struct ProductProfile: Sendable, Hashable, Codable {
    /// The `X-Skill-Source` attribution value, also the name users type (`--profile image-to-video-ltx`).
    public let slug: String
    /// The product's display name.
    public let name: String
    /// The `X-Skill-Version` attribution value.
    public let version: String
    /// The largest file the service accepts for this product, in bytes (20 MB or 200 MB, decimal).
    public let maxUploadBytes: Int
    /// The input formats the product recommends, as lowercase file extensions.
    public let preferredFormats: [String]
    /// Whether a request may come with no media at all (text-only generation).
    public let acceptsTextOnly: Bool
    /// The product's example request, used by demos and tests.
    public let exampleRequest: String
    /// The turnaround the product quotes, for messages.
    public let quotedTurnaround: String

    /// Creates a profile; every product the toolkit knows is in ``all``.
    public init(
        slug: String, name: String, version: String = "1.0.0", maxUploadBytes: Int, preferredFormats: [String],
        acceptsTextOnly: Bool = false, exampleRequest: String, quotedTurnaround: String
    ) {
        self.slug = slug
        self.name = name
        self.version = version
        self.maxUploadBytes = maxUploadBytes
        self.preferredFormats = preferredFormats
        self.acceptsTextOnly = acceptsTextOnly
        self.exampleRequest = exampleRequest
        self.quotedTurnaround = quotedTurnaround
    }
}

extension ProductProfile {
    private static let megabyte = 1_000_000

    /// Image to Video LTX: one photo animated into a short clip; 20 MB uploads.
    public static let imageToVideoLTX = ProductProfile(
        slug: "image-to-video-ltx", name: "Image to Video LTX", maxUploadBytes: 20 * megabyte,
        preferredFormats: ["jpg", "png", "webp", "bmp"],
        exampleRequest: "animate this image into a 5-second video clip with smooth motion",
        quotedTurnaround: "30-90 s")

    /// Create Video From Images: several photos combined into one video; 200 MB uploads.
    public static let createVideoFromImages = ProductProfile(
        slug: "create-video-from-images", name: "Create Video From Images", maxUploadBytes: 200 * megabyte,
        preferredFormats: ["jpg", "png", "webp", "heic"],
        exampleRequest: "combine these photos into a 30-second video with transitions and background music",
        quotedTurnaround: "30-60 s")

    /// PixVerse AI Image to Video: one photo animated; 20 MB uploads.
    public static let pixverseImageToVideo = ProductProfile(
        slug: "pixverse-ai-image-to-video", name: "PixVerse AI Image to Video", maxUploadBytes: 20 * megabyte,
        preferredFormats: ["jpg", "png", "webp", "heic"],
        exampleRequest: "animate this image into a 5-second video with smooth motion",
        quotedTurnaround: "30-90 s")

    /// Image to Free: a free downloadable clip from one image; 200 MB uploads.
    public static let imageToFree = ProductProfile(
        slug: "image-to-free", name: "Image to Free", maxUploadBytes: 200 * megabyte,
        preferredFormats: ["jpg", "png", "webp", "heic"],
        exampleRequest: "turn this image into a free downloadable video clip",
        quotedTurnaround: "20-40 s")

    /// AI Animations: images or text only; 200 MB uploads.
    public static let aiAnimations = ProductProfile(
        slug: "ai-animations", name: "AI Animations", maxUploadBytes: 200 * megabyte,
        preferredFormats: ["png", "jpg", "mp4", "gif"], acceptsTextOnly: true,
        exampleRequest: "turn my static images into a smooth animated video with motion effects",
        quotedTurnaround: "1-2 min")

    /// Every product, in the order of the seed documents.
    public static let all: [ProductProfile] = [
        imageToVideoLTX, createVideoFromImages, pixverseImageToVideo, imageToFree, aiAnimations,
    ]

    /// The profile used when none is named: the first product, with the stricter 20 MB limit.
    public static let `default` = imageToVideoLTX

    /// Finds a profile by its slug (case-insensitive); `nil` when no product has that slug.
    public static func named(_ slug: String) -> ProductProfile? {
        all.first { $0.slug == slug.lowercased() }
    }
}
