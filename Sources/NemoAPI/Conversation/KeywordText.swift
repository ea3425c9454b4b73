/// Text prepared for keyword matching: lower-cased words for Latin-script keywords (matched on word boundaries),
/// and the lower-cased text itself for CJK keywords (matched as substrings, since Chinese has no spaces).
///
/// Words are runs of letters and digits; everything else (spaces, punctuation, apostrophes, hyphens, CJK
/// characters) separates them, so `Export!` holds `export`, `re-export` holds `re` and `export`, `don't` holds
/// `don` and `t`, and `exports`, `exported` or `downloadable` do **not** hold `export` or `download`.
struct KeywordText {
    /// The text, lower-cased.
    let lowered: String
    /// The Latin-script words, lower-cased, in order.
    let words: [String]

    /// Prepares `text`.
    init(_ text: String) {
        lowered = text.lowercased()
        var words: [String] = []
        var current = ""
        for character in lowered {
            if character.isLetter && !character.isCJK || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        self.words = words
    }

    /// Where `keyword` occurs: the index of its first word (Latin) or its character offset (CJK); `nil` when it
    /// does not occur, or only right after a negation (`don't export`, `not now`, `不要导出`, `别导出`).
    func position(of keyword: String) -> Int? {
        if keyword.contains(where: \.isCJK) {
            return cjkPosition(of: keyword)
        }
        // A single lower-case ASCII word (most keywords) is its own phrase.
        let phrase =
            keyword.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
            ? [keyword] : KeywordText(keyword).words
        guard !phrase.isEmpty, words.count >= phrase.count else { return nil }
        for start in 0...(words.count - phrase.count) where words[start..<start + phrase.count].elementsEqual(phrase) {
            if !isNegated(wordAt: start) { return start }
        }
        return nil
    }

    /// Whether `keyword` occurs (see ``position(of:)``).
    func contains(_ keyword: String) -> Bool {
        position(of: keyword) != nil
    }

    /// Words that negate the keyword right after them (`not export`, `never export`).
    static let negations: Set<String> = ["not", "no", "never", "without", "dont", "cannot"]
    /// Contractions whose first half, followed by `t`, negates (`don't export`).
    static let contractions: Set<String> = ["don", "doesn", "didn", "won", "can", "shouldn", "mustn", "isn"]

    /// Whether the word at `index` directly follows a negation (`do not export`, `don't export`).
    private func isNegated(wordAt index: Int) -> Bool {
        guard index > 0 else { return false }
        if Self.negations.contains(words[index - 1]) { return true }
        return index > 1 && words[index - 1] == "t" && Self.contractions.contains(words[index - 2])
    }

    /// The character offset of `keyword` in the text, skipping occurrences right after 不, 别, 没 or 勿.
    private func cjkPosition(of keyword: String) -> Int? {
        var searchStart = lowered.startIndex
        while let range = lowered[searchStart...].firstRange(of: keyword) {
            let before = lowered[lowered.startIndex..<range.lowerBound].suffix(2)
            if !before.contains(where: { "不别没勿".contains($0) }) {
                return lowered.distance(from: lowered.startIndex, to: range.lowerBound)
            }
            searchStart = range.upperBound
        }
        return nil
    }
}

extension Character {
    /// Whether the character is Chinese, Japanese or Korean script (Han, kana, Hangul) or CJK punctuation.
    var isCJK: Bool {
        unicodeScalars.contains { scalar in
            ScriptClass(scalar) != .other && ScriptClass(scalar) != .latin
        }
    }
}

/// The scripts the client tells apart.
enum ScriptClass: Sendable {
    /// Chinese characters (also used in Japanese).
    case han
    /// Hiragana and katakana.
    case kana
    /// Korean.
    case hangul
    /// CJK punctuation and full-width forms.
    case cjkPunctuation
    /// Latin letters.
    case latin
    /// Anything else.
    case other

    /// The class of one scalar.
    init(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2EBEF, 0xF900...0xFAFF, 0x30000...0x3134F:
            self = .han
        case 0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F:
            self = .kana
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xD7B0...0xD7FF:
            self = .hangul
        case 0x3000...0x303F, 0xFF00...0xFF65:
            self = .cjkPunctuation
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF:
            self = scalar.properties.isAlphabetic ? .latin : .other
        default:
            self = .other
        }
    }
}
