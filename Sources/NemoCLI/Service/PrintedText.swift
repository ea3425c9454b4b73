/// What the streamed partial texts of one answer have printed so far, remembered in constant memory: its length in
/// UTF-8 bytes and a 64-bit FNV-1a hash of those bytes, not the text itself (an answer can run to gigabytes).
///
/// When the final text arrives it usually repeats the whole answer; `unprinted(in:)` says what is left to print.
struct PrintedText: Sendable {
    /// Bytes printed so far.
    private(set) var byteCount = 0
    /// FNV-1a 64 of those bytes.
    private var hash = PrintedText.offsetBasis

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Whether nothing was printed.
    var isEmpty: Bool { byteCount == 0 }

    /// Records `text` as printed after what was printed before.
    mutating func append<S: StringProtocol>(_ text: S) {
        hash = Self.fold(text.utf8, into: hash)
        byteCount += text.utf8.count
    }

    /// The part of `final` still to print: what follows the printed text when `final` begins with it, else
    /// `nil` (the final text says something else, so the caller shows it whole).
    func unprinted(in final: String) -> String? {
        let bytes = final.utf8
        guard bytes.count >= byteCount else { return nil }
        let prefixEnd = bytes.index(bytes.startIndex, offsetBy: byteCount)
        guard Self.fold(bytes[..<prefixEnd], into: Self.offsetBasis) == hash else { return nil }
        return String(decoding: bytes[prefixEnd...], as: UTF8.self)
    }

    /// `hash` extended with `bytes`.
    private static func fold<C: Collection>(_ bytes: C, into hash: UInt64) -> UInt64 where C.Element == UInt8 {
        var hash = hash
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* prime
        }
        return hash
    }
}
