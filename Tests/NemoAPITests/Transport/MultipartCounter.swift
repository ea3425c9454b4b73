import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Parses a `multipart/form-data` body fed in blocks without keeping it: counts each part's bytes and keeps only
/// the first `keep` bytes of each, so a 1 GB part costs no memory.
struct MultipartCounter {
    /// One part as seen on the wire.
    struct Part {
        /// The part's header block.
        var headers: String
        /// The content size in bytes.
        var size = 0
        /// The first bytes of the content.
        var prefix: [UInt8] = []
    }

    private enum Phase { case preamble, afterDelimiter, headers, content, epilogue }

    private let delimiter: [UInt8]
    private let keep: Int
    private var pending: [UInt8] = Array("\r\n".utf8)  // so the first boundary looks like every other one
    private var phase = Phase.preamble
    /// The parts found so far.
    private(set) var parts: [Part] = []
    /// Whether the closing boundary was seen.
    private(set) var isComplete = false

    init(boundary: String, keep: Int = 1 << 20) {
        delimiter = Array("\r\n--\(boundary)".utf8)
        self.keep = keep
    }

    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        pending.append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))  // typed: a memcpy, also unoptimised
        while step() {}
    }

    private mutating func step() -> Bool {
        switch phase {
        case .preamble, .content:
            if let index = find(delimiter) {
                if phase == .content { take(index) }
                pending.removeFirst(index + delimiter.count)
                phase = .afterDelimiter
                return true
            }
            let safe = pending.count - (delimiter.count - 1)
            if safe > 0 {
                if phase == .content { take(safe) }
                pending.removeFirst(safe)
            }
            return false
        case .afterDelimiter:
            guard pending.count >= 2 else { return false }
            if pending[0] == UInt8(ascii: "-"), pending[1] == UInt8(ascii: "-") {
                isComplete = true
                phase = .epilogue
                return false
            }
            pending.removeFirst(2)
            phase = .headers
            return true
        case .headers:
            guard let index = find(Array("\r\n\r\n".utf8)) else { return false }
            parts.append(Part(headers: String(decoding: pending[..<index], as: UTF8.self)))
            pending.removeFirst(index + 4)
            phase = .content
            return true
        case .epilogue:
            pending.removeAll()
            return false
        }
    }

    private mutating func take(_ count: Int) {
        let room = max(0, keep - parts[parts.count - 1].prefix.count)
        if room > 0 { parts[parts.count - 1].prefix += pending[..<min(room, count)] }
        parts[parts.count - 1].size += count
    }

    /// The first index of `needle` in `pending` (memchr for its first byte, then memcmp).
    private func find(_ needle: [UInt8]) -> Int? {
        pending.withUnsafeBytes { hay -> Int? in
            needle.withUnsafeBytes { pin -> Int? in
                guard let base = hay.baseAddress, hay.count >= pin.count else { return nil }
                var start = 0
                while start + pin.count <= hay.count {
                    let left = hay.count - start - pin.count + 1
                    guard let hit = memchr(base + start, Int32(needle[0]), left) else { return nil }
                    let index = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + index, pin.baseAddress!, pin.count) == 0 { return index }
                    start = index + 1
                }
                return nil
            }
        }
    }
}
