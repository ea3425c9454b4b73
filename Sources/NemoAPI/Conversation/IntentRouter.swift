/// What the client does with what the user typed, decided before anything is sent.
public enum Intent: String, Sendable, Hashable, CaseIterable {
    /// Export the draft and download the video (no message sent).
    case export
    /// Show the credit balance.
    case credits
    /// Show the timeline summary from the state.
    case status
    /// Upload files.
    case upload
    /// Send the text to the agent (`/run_sse`).
    case message
}

/// The router's decision and why.
public struct IntentRoute: Sendable, Hashable {
    /// What to do.
    public var intent: Intent
    /// The keyword that decided it, when one did.
    public var keyword: String?
    /// For ``Intent/upload`` with files: the instruction to send after uploading (the text, when it asks for
    /// something other than the upload itself).
    public var instruction: String?
    /// Other actions the text names that were not taken (`add a title and export` is a message that also
    /// mentions export, so a CLI can offer it afterwards).
    public var mentioned: [Intent]

    /// Creates a route.
    public init(intent: Intent, keyword: String? = nil, instruction: String? = nil, mentioned: [Intent] = []) {
        self.intent = intent
        self.keyword = keyword
        self.instruction = instruction
        self.mentioned = mentioned
    }
}

/// Routes the user's text (English and Chinese) to an action, following the table of NEMO_API.md "Intent routing".
///
/// Rules, in order:
/// 1. Files given → ``Intent/upload``; text that asks for more than the upload becomes the
///    ``IntentRoute/instruction`` (route it again once the files are uploaded).
/// 2. Keywords match on word boundaries (``KeywordText``): `export` but not `exports`, `exported` or
///    `downloadable` ("turn this into a free downloadable clip" is a generation request); Chinese keywords match as
///    substrings. A keyword right after a negation (`don't export`, `不要导出`) does not count.
/// 3. A text with an editing word (`add`, `make`, `generate`, `添加`, `生成`...) is a ``Intent/message`` even if it
///    names an action: only the agent can do the edit ("add BGM then export" → message, export mentioned).
/// 4. Several actions: the read-only one wins (status, then credits, then export, then upload): "what is the status
///    of my export" shows the status instead of starting an export.
/// 5. Anything else → ``Intent/message``.
public struct IntentRouter: Sendable {
    /// One row of the keyword table.
    public struct Rule: Sendable, Hashable {
        /// The action.
        public var intent: Intent
        /// Its keywords (lower case; phrases match as consecutive words).
        public var keywords: [String]

        /// Creates a row.
        public init(intent: Intent, keywords: [String]) {
            self.intent = intent
            self.keywords = keywords
        }
    }

    /// The documented table, in priority order (read-only actions first), with a few obvious variants.
    public static let defaultRules: [Rule] = [
        Rule(intent: .status, keywords: [
            "status", "show tracks", "show the tracks", "show timeline", "show the timeline", "状态", "查看轨道",
        ]),
        Rule(intent: .credits, keywords: ["credits", "credit balance", "balance", "积分", "余额"]),
        Rule(intent: .export, keywords: [
            "export", "download", "send me the video", "send me the mp4", "导出", "下载",
        ]),
        Rule(intent: .upload, keywords: ["upload", "上传"]),
    ]

    /// Words that make a text an editing request for the agent.
    public static let defaultEditWords: [String] = [
        "add", "remove", "delete", "change", "make", "generate", "create", "edit", "animate", "combine", "turn",
        "convert", "replace", "insert", "put", "set", "adjust", "increase", "decrease", "lower", "raise", "trim",
        "cut", "apply", "move", "speed", "slow", "fade", "mute", "louder", "quieter", "update", "rename", "rewrite",
        "write",
        "添加", "加上", "删除", "去掉", "生成", "制作", "修改", "改成", "换成", "替换", "调整", "剪辑", "合成", "做一个",
    ]

    /// The keyword table.
    public var rules: [Rule]
    /// The editing words.
    public var editWords: [String]

    /// Creates a router; the defaults are the documented table.
    public init(rules: [Rule] = IntentRouter.defaultRules, editWords: [String] = IntentRouter.defaultEditWords) {
        self.rules = rules
        self.editWords = editWords
    }

    /// Routes `text`; `files` are the paths the user gave with it.
    public func route(_ text: String, files: [String] = []) -> IntentRoute {
        let prepared = KeywordText(text)
        let matches = rules.compactMap { rule in
            rule.keywords.first(where: prepared.contains).map { (intent: rule.intent, keyword: $0) }
        }
        let isEdit = editWords.contains(where: prepared.contains)
        if !files.isEmpty {
            let trimmed = text.trimmingWhitespace
            let onlyUpload = !matches.isEmpty && matches.allSatisfy { $0.intent == .upload }
            let asksMore = !trimmed.isEmpty && (isEdit || !onlyUpload)
            return IntentRoute(
                intent: .upload, keyword: matches.first { $0.intent == .upload }?.keyword,
                instruction: asksMore ? trimmed : nil, mentioned: matches.map(\.intent).filter { $0 != .upload })
        }
        if isEdit || matches.isEmpty {
            return IntentRoute(intent: .message, mentioned: matches.map(\.intent))
        }
        let first = matches[0]
        return IntentRoute(
            intent: first.intent, keyword: first.keyword, mentioned: matches.dropFirst().map(\.intent))
    }
}
