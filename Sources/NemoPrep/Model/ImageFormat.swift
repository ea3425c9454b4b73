/// An input file format, recognised from the file's first bytes (never from its name).
public enum ImageFormat: String, Sendable, Codable, CaseIterable {
    case jpeg = "JPEG"
    case png = "PNG"
    case webp = "WebP"
    case gif = "GIF"
    case bmp = "BMP"
    case tiff = "TIFF"
    case heic = "HEIC"
    case avif = "AVIF"

    /// The formats nemo-prep accepts, for messages.
    public static let acceptedList = "JPEG, PNG, WebP, GIF, BMP, TIFF, HEIC, AVIF"

    /// The libvips loader that reads this format: its operation nickname and the prefix of its class names.
    var loader: (nickname: String, classPrefix: String) {
        switch self {
        case .jpeg: ("jpegload", "VipsForeignLoadJpeg")
        case .png: ("pngload", "VipsForeignLoadPng")
        case .webp: ("webpload", "VipsForeignLoadWebp")
        case .gif: ("gifload", "VipsForeignLoadNsgif")
        case .bmp: ("magickload", "VipsForeignLoadMagick")
        case .tiff: ("tiffload", "VipsForeignLoadTiff")
        case .heic, .avif: ("heifload", "VipsForeignLoadHeif")
        }
    }
}

/// What the first bytes of a file say it is.
public enum SniffedContent: Sendable, Equatable {
    /// One of the accepted image formats.
    case image(ImageFormat)
    /// A recognised file type nemo-prep does not accept (e.g. "PDF document").
    case unsupported(String)
    /// Nothing recognisable.
    case unknown

    /// Minimum number of leading bytes ``sniff(_:)`` needs to decide.
    public static let headerLength = 32

    /// Recognises the format from a file's leading bytes.
    public static func sniff(_ bytes: [UInt8]) -> SniffedContent {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && Array(bytes[offset..<offset + magic.count]) == magic
        }
        func ascii(_ text: String, at offset: Int = 0) -> Bool { starts(Array(text.utf8), at: offset) }

        if starts([0xFF, 0xD8, 0xFF]) { return .image(.jpeg) }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .image(.png) }
        if ascii("RIFF") && ascii("WEBP", at: 8) { return .image(.webp) }
        if ascii("GIF87a") || ascii("GIF89a") { return .image(.gif) }
        if ascii("BM") && bytes.count >= 18 { return .image(.bmp) }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) || starts([0x49, 0x49, 0x2B, 0x00])
            || starts([0x4D, 0x4D, 0x00, 0x2B])
        {
            return .image(.tiff)
        }
        if ascii("ftyp", at: 4), bytes.count >= 12 {
            let brand = String(decoding: bytes[8..<12], as: UTF8.self)
            switch brand {
            case "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1": return .image(.heic)
            case "avif", "avis": return .image(.avif)
            case "qt  ": return .unsupported("QuickTime movie")
            default: return .unsupported("ISO media file (\(brand.trimmingCharacters(in: " ")))")
            }
        }
        if ascii("%PDF") { return .unsupported("PDF document") }
        if ascii("<svg") || ascii("<?xml") { return .unsupported("SVG or XML document") }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return .unsupported("ZIP archive") }
        if starts([0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20]) || starts([0xFF, 0x4F, 0xFF, 0x51]) {
            return .unsupported("JPEG 2000 image")
        }
        if starts([0xFF, 0x0A]) || starts([0x00, 0x00, 0x00, 0x0C, 0x4A, 0x58, 0x4C, 0x20]) {
            return .unsupported("JPEG XL image")
        }
        if ascii("ID3") || starts([0xFF, 0xFB]) { return .unsupported("MP3 audio") }
        if ascii("RIFF") && ascii("WAVE", at: 8) { return .unsupported("WAV audio") }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) { return .unsupported("Matroska/WebM video") }
        return .unknown
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var text = Substring(self)
        while text.last == set { text.removeLast() }
        while text.first == set { text.removeFirst() }
        return String(text)
    }
}
