/// Width, height and duration read from an ISO-BMFF (MP4/MOV) file's `moov` box.
struct MP4Info {
    var width: Int?
    var height: Int?
    var duration: Double?

    /// Walks the boxes of `bytes`; missing or damaged boxes leave fields nil.
    static func read(_ bytes: [UInt8]) -> MP4Info {
        var info = MP4Info()
        walk(bytes, from: 0, to: bytes.count, into: &info)
        return info
    }

    private static func walk(_ b: [UInt8], from start: Int, to end: Int, into info: inout MP4Info) {
        var index = start
        while index + 8 <= end, let size32 = FileInspector.be32(b, index) {
            let type = String(decoding: b[index + 4..<index + 8], as: UTF8.self)
            var size = size32
            var header = 8
            if size32 == 1, let high = FileInspector.be32(b, index + 8), let low = FileInspector.be32(b, index + 12) {
                size = high << 32 | low
                header = 16
            } else if size32 == 0 {
                size = end - index
            }
            guard size >= header, index + size <= end else { return }
            let body = index + header
            switch type {
            case "moov", "trak": walk(b, from: body, to: index + size, into: &info)
            case "mvhd": info.duration = mvhdDuration(b, body)
            case "tkhd" where info.width == nil: tkhdSize(b, body, size - header, into: &info)
            default: break
            }
            index += size
        }
    }

    private static func mvhdDuration(_ b: [UInt8], _ body: Int) -> Double? {
        guard body < b.count else { return nil }
        if b[body] == 1 {
            guard let scale = FileInspector.be32(b, body + 20), let hi = FileInspector.be32(b, body + 24),
                let lo = FileInspector.be32(b, body + 28), scale > 0
            else { return nil }
            return Double(hi << 32 | lo) / Double(scale)
        }
        guard let scale = FileInspector.be32(b, body + 12), let duration = FileInspector.be32(b, body + 16), scale > 0
        else { return nil }
        return Double(duration) / Double(scale)
    }

    private static func tkhdSize(_ b: [UInt8], _ body: Int, _ length: Int, into info: inout MP4Info) {
        guard length >= 84, let width = FileInspector.be32(b, body + length - 8),
            let height = FileInspector.be32(b, body + length - 4)
        else { return }
        if width >> 16 > 0, height >> 16 > 0 {
            info.width = width >> 16
            info.height = height >> 16
        }
    }
}
