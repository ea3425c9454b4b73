/// Translates the agent's text, written as if the user had a GUI, into what the command-line client does instead
/// (NEMO_API.md "GUI translation"): "click"/"点击" → act through the API, "open"/"打开" → read the state,
/// "drag/drop"/"拖拽" → send the edit as a message, "preview in timeline" → print the timeline summary,
/// "Export"/"导出" → run the export.
///
/// The text is split into sentences (after `.`, `!`, `?`, `。`, `！`, `？` or a line break). A sentence holding a
/// GUI step is replaced by one sentence saying what nemo does, in the sentence's language (Chinese when it is
/// mostly Chinese, see ``LanguageDetector``); other sentences are kept byte for byte. One step per sentence, the
/// most specific first: export, preview, drag/drop, open, click. "Export" counts as a control when it follows a
/// GUI verb (click, press, tap, hit, select, choose), is followed by button/option/menu/tab, or is capitalised
/// mid-sentence or quoted (`"Export"`, `**Export**`); 导出 when it follows 点击/点/按/选择 or precedes 按钮, or is
/// quoted (「导出」, “导出”). A click's target (the words after the verb up to `button`) is routed with
/// ``IntentRouter``: Upload → upload, Credits → credits, Status → timeline summary, anything else → a message.
public struct GUITranslator: Sendable {
    /// The router used for click targets.
    public var router: IntentRouter

    /// Creates a translator.
    public init(router: IntentRouter = IntentRouter()) {
        self.router = router
    }

    /// Translates the agent's `text`.
    public func translate(_ text: String) -> GUITranslation {
        // Most text names no GUI step at all: it is returned as it is, without being split into sentences.
        guard Self.mayNameStep(text) else { return GUITranslation(text: text, actions: [], instructions: []) }
        var output = ""
        var actions: [ClientAction] = []
        var instructions: [GUIInstruction] = []
        for sentence in Self.sentences(in: text) {
            let body = sentence.trimmingWhitespace
            guard let (instruction, action) = classify(body) else {
                output += sentence
                continue
            }
            instructions.append(instruction)
            if !actions.contains(action) { actions.append(action) }
            let leading = sentence.prefix { $0.isWhitespace }
            let trailing = String(sentence.reversed().prefix { $0.isWhitespace }.reversed())
            output += leading + Self.replacement(for: instruction, chinese: LanguageDetector.isChinese(body)) + trailing
        }
        return GUITranslation(text: output, actions: actions, instructions: instructions)
    }

    /// The GUI step in one sentence and the action for it, if any.
    func classify(_ sentence: String) -> (GUIInstruction, ClientAction)? {
        // Most sentences hold no GUI step: rule them out before the word-level parsing, which costs far more.
        guard Self.mayNameStep(sentence) else { return nil }
        let prepared = KeywordText(sentence)
        if Self.namesExportControl(sentence, prepared) { return (.export, .runExport) }
        if prepared.contains("preview"), prepared.contains("timeline") || sentence.containsUTF8("时间线") {
            return (.previewInTimeline, .showTimelineSummary)
        }
        if sentence.containsUTF8("预览"), sentence.containsUTF8("时间线") || sentence.containsUTF8("时间轴") {
            return (.previewInTimeline, .showTimelineSummary)
        }
        if prepared.contains("drag") || prepared.contains("drop")
            || ["拖拽", "拖动", "拖放"].contains(where: sentence.containsUTF8)
        {
            return (.dragDrop, .sendMessage(Self.editText(from: sentence)))
        }
        if prepared.contains("open") || sentence.containsUTF8("打开") {
            return (.open, .readState)
        }
        if let target = Self.clickTarget(sentence, prepared) {
            return (.click, action(forControl: target, sentence: sentence))
        }
        return nil
    }

    /// Every GUI step below needs one of these in the sentence, ASCII letters in any case (a superset of the word
    /// matches).
    static let triggers = [
        "export", "preview", "drag", "drop", "open", "click", "tap", "press", "导出", "预览", "拖", "打开", "点击", "单击",
        "点一下",
    ]

    /// ``triggers`` as UTF-8 bytes, grouped by their first byte (lower-case for letters).
    private static let triggersByFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for trigger in triggers { table[Int(trigger.utf8.first!)].append(Array(trigger.utf8)) }
        return table
    }()

    /// Whether `text` holds one of ``triggers``, comparing ASCII letters case-insensitively: one pass over the UTF-8
    /// bytes that only looks further where a trigger could start.
    static func mayNameStep(_ text: some StringProtocol) -> Bool {
        var text = String(text)
        return text.withUTF8 { bytes in
            let count = bytes.count
            for start in 0..<count {
                let candidates = triggersByFirstByte[Int(asciiLowercased(bytes[start]))]
                for trigger in candidates where start + trigger.count <= count {
                    var index = 1
                    while index < trigger.count, asciiLowercased(bytes[start + index]) == trigger[index] { index += 1 }
                    if index == trigger.count { return true }
                }
            }
            return false
        }
    }

    /// `byte` with ASCII upper-case letters made lower-case.
    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// What a click on `control` does: the router's reading of its name.
    private func action(forControl control: String, sentence: String) -> ClientAction {
        switch router.route(control).intent {
        case .export: .runExport
        case .upload: .upload
        case .credits: .showCredits
        case .status: .showTimelineSummary
        case .message: .sendMessage(control.isEmpty ? sentence : control)
        }
    }

    /// The sentence the client shows instead of a GUI step.
    static func replacement(for instruction: GUIInstruction, chinese: Bool) -> String {
        switch (instruction, chinese) {
        case (.export, false): "nemo runs the export for you (`nemo export`)."
        case (.export, true): "nemo 会直接为你导出（nemo export）。"
        case (.previewInTimeline, false): "Here is the timeline summary (`nemo status`)."
        case (.previewInTimeline, true): "时间线摘要如下（nemo status）。"
        case (.dragDrop, false): "Describe the change in words and nemo sends it to the agent as an edit."
        case (.dragDrop, true): "用文字描述要做的调整，nemo 会把它作为编辑发送给助手。"
        case (.open, false): "nemo reads this from the session state (`nemo status`)."
        case (.open, true): "nemo 会从会话状态读取这些信息（nemo status）。"
        case (.click, false): "nemo does this step through the API."
        case (.click, true): "nemo 会通过 API 完成这一步。"
        }
    }
}
