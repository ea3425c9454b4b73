extension GUITranslator {
    /// Verbs that operate a GUI control.
    static let guiVerbs = ["click", "press", "tap", "hit", "select", "choose"]
    /// Words naming a GUI control after its label.
    static let controlNouns: Set<String> = ["button", "option", "menu", "tab", "icon", "link"]

    /// The sentences of `text`, each with its terminator and the whitespace after it (joined they are `text`).
    ///
    /// A sentence ends after `。`, `！`, `？` or a line break, and after `.`, `!` or `?` followed by whitespace or
    /// the end. Read scalar by scalar: a `Character` walk costs grapheme breaking on every step, and every
    /// terminator is a single scalar.
    static func sentences(in text: String) -> [Substring] {
        let scalars = text.unicodeScalars
        var result: [Substring] = []
        var start = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            let ends: Bool =
                switch scalar {
                // Only before whitespace or the end: `v1.5` is one word.
                case ".", "!", "?": index == scalars.endIndex || scalars[index].properties.isWhitespace
                default: Self.isSentenceEnd(scalar)
                }
            guard ends else { continue }
            while index < scalars.endIndex, scalars[index].properties.isWhitespace { index = scalars.index(after: index) }
            result.append(text[start..<index])
            start = index
        }
        if start < scalars.endIndex { result.append(text[start...]) }
        return result
    }

    /// Whether `scalar` can end a sentence: `.`, `!`, `?`, `。`, `！`, `？` or a line break (what
    /// `Character.isNewline` accepts).
    static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E, 0x21, 0x3F, 0x3002, 0xFF01, 0xFF1F, 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Where the last character of `text` that can end a sentence is (see ``isSentenceEnd(_:)``), for a streaming
    /// client that prints whole sentences; `nil` when there is none. Found on Unicode scalars, without the grapheme
    /// breaking a `Character` search costs.
    public static func lastSentenceEnd(in text: String) -> String.Index? {
        text.unicodeScalars.lastIndex(where: isSentenceEnd)
    }

    /// Whether the sentence names the Export control (see the type's rules).
    static func namesExportControl(_ sentence: String, _ prepared: KeywordText) -> Bool {
        if let position = prepared.position(of: "export") {
            let before = prepared.words[max(0, position - 3)..<position]
            if before.contains(where: guiVerbs.contains) { return true }
            if position + 1 < prepared.words.count, controlNouns.contains(prepared.words[position + 1]) { return true }
            let quoted = ["\"Export\"", "“Export”", "'Export'", "**Export**", "`Export`", "[Export]"]
            if quoted.contains(where: sentence.containsUTF8) { return true }
            if position > 0, sentence.containsUTF8("Export") { return true }
        }
        let chinese = ["点击导出", "点导出", "按导出", "选择导出", "导出按钮", "「导出」", "“导出”", "\"导出\"", "【导出】"]
        return chinese.contains(where: sentence.containsUTF8)
    }

    /// The control a click sentence names (`Generate` in "Click the Generate button"), lower-cased; `nil` when the
    /// sentence has no click. An empty string when the click names nothing recognisable.
    static func clickTarget(_ sentence: String, _ prepared: KeywordText) -> String? {
        let verbs = ["click", "tap", "press"]
        if let position = verbs.compactMap(prepared.position(of:)).min() {
            var words: [String] = []
            for word in prepared.words[(position + 1)...] {
                if ["on", "the", "a", "your"].contains(word), words.isEmpty { continue }
                if controlNouns.contains(word) || ["to", "and", "then", "for", "in", "at"].contains(word) { break }
                words.append(word)
                if words.count == 3 { break }
            }
            return words.joined(separator: " ")
        }
        for verb in ["点击", "单击", "点一下"] {
            guard sentence.containsUTF8(verb), let range = sentence.firstRange(of: verb) else { continue }
            var target = sentence[range.upperBound...].prefix { !"，。！？,.!? ".contains($0) }
            if let button = target.firstRange(of: "按钮") { target = target[..<button.lowerBound] }
            return target.trimmingCharacters(in: "「」“”\"【】")
        }
        return nil
    }

    /// A drag/drop instruction as an edit to send: the sentence with "drag (and drop)" said as "move".
    static func editText(from sentence: String) -> String {
        var text = sentence
        for phrase in ["drag and drop", "drag-and-drop", "Drag and drop", "Drag-and-drop", "drag & drop"] {
            text = text.replacing(phrase, with: phrase.first == "D" ? "Move" : "move")
        }
        text = text.replacing("Drag", with: "Move").replacing("drag", with: "move")
        for phrase in ["拖拽", "拖动", "拖放"] { text = text.replacing(phrase, with: "移动") }
        return text
    }
}

extension Substring {
    /// The text without the given characters at either end.
    func trimmingCharacters(in set: String) -> String {
        let start = firstIndex { !set.contains($0) } ?? endIndex
        let end = lastIndex { !set.contains($0) }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
