public import NemoCore

/// The mock's draws: every id, token and choice it makes comes from a `SeededRandom`, so the same seed and the same
/// requests give the same bytes.
extension SeededRandom {
    /// `count` lowercase hexadecimal digits.
    public mutating func hex(_ count: Int) -> String {
        var out = ""
        while out.count < count {
            let word = String(next(), radix: 16)
            out += String(repeating: "0", count: 16 - word.count) + word
        }
        return String(out.prefix(count))
    }

    /// `count` decimal digits, the first one non-zero.
    public mutating func digits(_ count: Int) -> String {
        var out = String(1 + next() % 9)
        while out.count < count { out += String(next() % 10) }
        return out
    }

    /// A version-4 UUID in lowercase canonical form.
    public mutating func uuid() -> String {
        let h = Array(hex(32))
        var chars = h
        chars[12] = "4"
        chars[16] = Array("89ab")[Int(next() % 4)]
        let s = String(chars)
        let i = s.startIndex
        func part(_ from: Int, _ to: Int) -> Substring { s[s.index(i, offsetBy: from)..<s.index(i, offsetBy: to)] }
        return "\(part(0, 8))-\(part(8, 12))-\(part(12, 16))-\(part(16, 20))-\(part(20, 32))"
    }
}
