/// How an image whose aspect differs from the batch's is made to fit the common frame.
public enum FitMode: String, Sendable, Codable, CaseIterable {
    /// Cut away the least interesting parts (libvips attention measure).
    case crop
    /// Letterbox or pillarbox with a solid colour (transparent for images with alpha).
    case pad
    /// Pad with a blurred, enlarged, darkened copy of the image itself.
    case blur
    /// Crop when little would be lost (see ``PrepConfiguration/autoCropMaximumLoss``), blur-pad otherwise.
    case auto
}

/// The aspect the batch is normalised to.
public enum AspectChoice: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Chosen across the batch: the candidate that needs the least cropping in total.
    case automatic
    /// A fixed ratio.
    case fixed(AspectRatio)

    /// Parses "auto", "16:9", "W:H".
    public init?(parsing text: String) {
        if text.lowercased() == "auto" {
            self = .automatic
        } else if let ratio = AspectRatio(parsing: text) {
            self = .fixed(ratio)
        } else {
            return nil
        }
    }

    /// "auto" or "W:H".
    public var description: String {
        switch self {
        case .automatic: "auto"
        case .fixed(let ratio): ratio.description
        }
    }
}

/// The PNG row filter: libvips' default is none; "all" lets zlib compare filters per row (smaller, slower).
public enum PNGFilter: String, Sendable, Codable {
    case none
    case all

    var vipsValue: Int32 {
        switch self {
        case .none: 0x08  // VIPS_FOREIGN_PNG_FILTER_NONE
        case .all: 0xF8  // VIPS_FOREIGN_PNG_FILTER_ALL
        }
    }
}
