import Foundation

/// Recognises uploads by their content and their extension, and reads their dimensions.
enum FileInspector {
    /// Accepted extensions, as the service lists them (plus bmp and heic, which profiles name).
    static let accepted = [
        "mp4", "mov", "avi", "webm", "mkv", "jpg", "jpeg", "png", "gif", "webp", "bmp", "heic",
        "mp3", "wav", "m4a", "aac",
    ]

    /// What the content turned out to be.
    struct Kind: Equatable {
        /// `image`, `video` or `audio`.
        var fileType: String
        /// Extensions a file with this content may have.
        var extensions: Set<String>
        var width: Int?
        var height: Int?
        var duration: Double?
    }

    /// The kind of `bytes`, or nil when the content is none of the accepted formats.
    static func sniff(_ bytes: [UInt8]) -> Kind? {
        func at(_ offset: Int, _ text: String) -> Bool {
            let pattern = Array(text.utf8)
            return bytes.count >= offset + pattern.count && Array(bytes[offset..<offset + pattern.count]) == pattern
        }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return Kind(fileType: "image", extensions: ["png"], width: be32(bytes, 16), height: be32(bytes, 20))
        }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            let size = jpegSize(bytes)
            return Kind(fileType: "image", extensions: ["jpg", "jpeg"], width: size?.0, height: size?.1)
        }
        if at(0, "GIF87a") || at(0, "GIF89a") {
            return Kind(fileType: "image", extensions: ["gif"], width: le16(bytes, 6), height: le16(bytes, 8))
        }
        if at(0, "BM"), bytes.count >= 26 {
            return Kind(
                fileType: "image", extensions: ["bmp"], width: le32(bytes, 18), height: le32(bytes, 22).map(abs))
        }
        if at(0, "RIFF"), at(8, "WEBP") {
            let size = webpSize(bytes)
            return Kind(fileType: "image", extensions: ["webp"], width: size?.0, height: size?.1)
        }
        if at(0, "RIFF"), at(8, "WAVE") { return Kind(fileType: "audio", extensions: ["wav"]) }
        if at(0, "RIFF"), at(8, "AVI ") { return Kind(fileType: "video", extensions: ["avi"]) }
        if bytes.starts(with: [0x1A, 0x45, 0xDF, 0xA3]) {
            return Kind(fileType: "video", extensions: ["webm", "mkv"])
        }
        if at(4, "ftyp") { return isoKind(bytes) }
        if at(0, "ID3") { return Kind(fileType: "audio", extensions: ["mp3"]) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] & 0xF6 == 0xF0 {
            return Kind(fileType: "audio", extensions: ["aac"])
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] & 0xE0 == 0xE0 {
            return Kind(fileType: "audio", extensions: ["mp3"])
        }
        return nil
    }

    /// A file name without path components, leading dots or unusual characters.
    static func sanitize(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var safe = String(
            last.unicodeScalars.map { scalar -> Character in
                let ok =
                    scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || scalar == "." || scalar == "-" || scalar == "_")
                return ok ? Character(scalar) : "_"
            })
        while safe.contains("..") { safe = safe.replacingOccurrences(of: "..", with: ".") }
        while safe.hasPrefix(".") { safe.removeFirst() }
        if safe.count > 100 { safe = String(safe.suffix(100)) }
        return safe.isEmpty ? "file" : safe
    }

    /// The lowercased extension of a file name.
    static func fileExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    private static func isoKind(_ bytes: [UInt8]) -> Kind {
        let brand = bytes.count >= 12 ? String(decoding: bytes[8..<12], as: UTF8.self) : ""
        if ["heic", "heix", "mif1", "msf1", "hevc"].contains(brand) {
            return Kind(fileType: "image", extensions: ["heic"])
        }
        if brand.hasPrefix("M4A") || brand == "M4B " { return Kind(fileType: "audio", extensions: ["m4a", "aac"]) }
        let info = MP4Info.read(bytes)
        return Kind(
            fileType: "video", extensions: ["mp4", "mov", "m4v"], width: info.width, height: info.height,
            duration: info.duration)
    }

    private static func jpegSize(_ bytes: [UInt8]) -> (Int, Int)? {
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard let height = be16(bytes, index + 5), let width = be16(bytes, index + 7) else { return nil }
                return (width, height)
            }
            index += 2 + length
        }
        return nil
    }

    private static func webpSize(_ bytes: [UInt8]) -> (Int, Int)? {
        guard bytes.count >= 30 else { return nil }
        let chunk = String(decoding: bytes[12..<16], as: UTF8.self)
        switch chunk {
        case "VP8X":
            let width = 1 + (Int(bytes[24]) | Int(bytes[25]) << 8 | Int(bytes[26]) << 16)
            let height = 1 + (Int(bytes[27]) | Int(bytes[28]) << 8 | Int(bytes[29]) << 16)
            return (width, height)
        case "VP8 ":
            guard let width = le16(bytes, 26), let height = le16(bytes, 28) else { return nil }
            return (width & 0x3FFF, height & 0x3FFF)
        case "VP8L":
            let b = bytes[21...24].map(Int.init)
            return (1 + (b[0] | (b[1] & 0x3F) << 8), 1 + (b[1] >> 6 | b[2] << 2 | (b[3] & 0x0F) << 10))
        default:
            return nil
        }
    }

    static func be16(_ b: [UInt8], _ i: Int) -> Int? { i + 2 <= b.count ? Int(b[i]) << 8 | Int(b[i + 1]) : nil }
    static func le16(_ b: [UInt8], _ i: Int) -> Int? { i + 2 <= b.count ? Int(b[i]) | Int(b[i + 1]) << 8 : nil }
    static func be32(_ b: [UInt8], _ i: Int) -> Int? {
        i + 4 <= b.count ? Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) : nil
    }
    static func le32(_ b: [UInt8], _ i: Int) -> Int? {
        guard i + 4 <= b.count else { return nil }
        return Int(
            Int32(bitPattern: UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24))
    }
}
