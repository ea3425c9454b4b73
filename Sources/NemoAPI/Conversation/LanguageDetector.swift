/// Chooses the `language` of the session request from the user's text.
///
/// Counts CJK characters (Han, kana, Hangul) against Latin **words** (a Chinese character carries about as much
/// as an English word, so characters against letters would make any mixed text English). When CJK characters
/// outnumber Latin words the text is CJK, and the script decides: any kana → `ja` (Japanese mixes kana with Han),
/// else Hangul outnumbering Han → `ko`, else `zh`. Everything else, including empty text, ties and other scripts,
/// is `en`, the service's default.
public enum LanguageDetector {
    /// The language code for `text`: `zh`, `ja`, `ko` or `en`.
    public static func detect(_ text: String) -> String {
        var han = 0
        var kana = 0
        var hangul = 0
        var latinWords = 0
        var inLatinWord = false
        for scalar in text.unicodeScalars {
            let script = ScriptClass(scalar)
            switch script {
            case .han: han += 1
            case .kana: kana += 1
            case .hangul: hangul += 1
            case .latin, .cjkPunctuation, .other: break
            }
            let isLatin = script == .latin
            if isLatin, !inLatinWord { latinWords += 1 }
            inLatinWord = isLatin || (inLatinWord && scalar.properties.numericType != nil)
        }
        let cjk = han + kana + hangul
        guard cjk > latinWords else { return "en" }
        if kana > 0, kana >= hangul { return "ja" }
        if hangul > han { return "ko" }
        return "zh"
    }

    /// Whether `text` reads as Chinese (``detect(_:)`` says `zh`).
    public static func isChinese(_ text: String) -> Bool {
        detect(text) == "zh"
    }
}
