import NemoCore

/// Builds random event streams that exercise every rule of the spec: all field names and near
/// misses, all line endings, comments, BOMs, NULs, digits and non-digits, multi-byte and invalid UTF-8.
struct SSEStreamGenerator {
    var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// A random stream of about `lineCount` lines.
    mutating func stream(lineCount: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        if Int.random(in: 0..<4, using: &random) == 0 {
            bytes += [0xEF, 0xBB, 0xBF]
        }
        for _ in 0..<lineCount {
            bytes += line()
            bytes += lineEnding()
        }
        if Bool.random(using: &random) {
            bytes += line()  // an unterminated last line
        }
        return bytes
    }

    private mutating func lineEnding() -> [UInt8] {
        [[0x0A], [0x0D, 0x0A], [0x0D], [0x0A], [0x0A, 0x0A], [0x0D, 0x0A, 0x0D, 0x0A]]
            .randomElement(using: &random)!
    }

    private mutating func line() -> [UInt8] {
        switch Int.random(in: 0..<20, using: &random) {
        case 0..<3: return []
        case 3: return [UInt8(ascii: ":")] + value()
        default: break
        }
        let names = ["data", "data", "data", "event", "id", "retry", "dat", "datax", "Data", "", "retr", "ids", "foo"]
        var line = Array(names.randomElement(using: &random)!.utf8)
        switch Int.random(in: 0..<8, using: &random) {
        case 0: return line  // no colon
        case 1: line += Array(":".utf8)
        case 2: line += Array(": ".utf8)
        case 3: line += Array(":  ".utf8)
        case 4: line += Array("::".utf8)
        default: line += Array(": ".utf8)
        }
        return line + value()
    }

    private mutating func value() -> [UInt8] {
        let pieces: [[UInt8]] = [
            Array("hello".utf8), Array("42".utf8), Array("007".utf8), Array("+5".utf8), Array("-1".utf8),
            Array("5a".utf8), Array(" ".utf8), Array(":".utf8), Array("你好".utf8), Array("🎬".utf8),
            Array("\u{FEFF}".utf8), [0], [0xFF], [0xC3], [0xE4, 0xBD], [0xF0, 0x9F, 0x8E], [0xED, 0xA0, 0x80],
            [0xEF, 0xBB, 0xBF], Array("{\"a\":1}".utf8), Array("99999999999999999999".utf8), Array("\t".utf8),
        ]
        var value: [UInt8] = []
        for _ in 0..<Int.random(in: 0..<4, using: &random) {
            value += pieces.randomElement(using: &random)!
        }
        return value
    }

    /// Random ascending split offsets inside `0..<count` (possibly repeated, giving empty chunks).
    mutating func splits(count: Int) -> [Int] {
        guard count > 1 else { return [] }
        let number = Int.random(in: 0...min(count, 40), using: &random)
        return (0..<number).map { _ in Int.random(in: 0...count, using: &random) }.sorted()
    }
}
