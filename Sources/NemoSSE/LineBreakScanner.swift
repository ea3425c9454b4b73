/// Finds line breaks (CR or LF) in contiguous bytes, 16 bytes at a time.
@usableFromInline
enum LineBreakScanner {
    /// The index of the first CR (0x0D) or LF (0x0A) in `base[start..<end]`, or `end` when there is none.
    ///
    /// - Complexity: O(n) in the bytes searched; each byte is read at most twice (once in its
    ///   16-byte block, once more only in the block that holds the break).
    @inlinable
    @inline(__always)
    static func firstLineBreak(in base: UnsafeRawPointer, from start: Int, to end: Int) -> Int {
        var index = start
        let lineFeeds = SIMD16<UInt8>(repeating: 0x0A)
        let carriageReturns = SIMD16<UInt8>(repeating: 0x0D)
        while index &+ 16 <= end {
            let block = base.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
            if any((block .== lineFeeds) .| (block .== carriageReturns)) {
                break
            }
            index &+= 16
        }
        while index < end {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            if byte == 0x0A || byte == 0x0D {
                return index
            }
            index &+= 1
        }
        return end
    }
}
