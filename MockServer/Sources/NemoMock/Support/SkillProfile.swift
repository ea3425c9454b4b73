/// One of the five products (skill profiles) of the NemoVideo service.
public struct SkillProfile: Sendable, Equatable {
    /// The `X-Skill-Source` slug.
    public let slug: String
    /// The product name.
    public let name: String
    /// The largest file an upload may carry, in bytes.
    public let maxUploadBytes: Int
    /// The profile's documented example request.
    public let exampleRequest: String

    /// The five documented profiles.
    public static let all: [SkillProfile] = [
        SkillProfile(
            slug: "image-to-video-ltx", name: "Image to Video LTX", maxUploadBytes: 20 * 1_048_576,
            exampleRequest: "animate this image into a 5-second video clip with smooth motion"),
        SkillProfile(
            slug: "create-video-from-images", name: "Create Video From Images", maxUploadBytes: 200 * 1_048_576,
            exampleRequest: "combine these photos into a 30-second video with transitions and background music"),
        SkillProfile(
            slug: "pixverse-ai-image-to-video", name: "PixVerse AI Image to Video", maxUploadBytes: 20 * 1_048_576,
            exampleRequest: "animate this image into a 5-second video with smooth motion"),
        SkillProfile(
            slug: "image-to-free", name: "Image to Free", maxUploadBytes: 200 * 1_048_576,
            exampleRequest: "turn this image into a free downloadable video clip"),
        SkillProfile(
            slug: "ai-animations", name: "AI Animations", maxUploadBytes: 200 * 1_048_576,
            exampleRequest: "turn my static images into a smooth animated video with motion effects"),
    ]

    /// The profile with `slug`, or nil.
    public static func named(_ slug: String?) -> SkillProfile? {
        guard let slug else { return nil }
        return all.first { $0.slug == slug.lowercased() }
    }

    /// The upload limit for a request whose `X-Skill-Source` is `slug` (the smallest limit when unknown).
    public static func uploadLimit(for slug: String?) -> Int {
        named(slug)?.maxUploadBytes ?? 20 * 1_048_576
    }
}
