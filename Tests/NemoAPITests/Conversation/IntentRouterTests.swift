import NemoAPI
import Testing

@Suite("IntentRouter: English and Chinese keywords, word boundaries, edits")
struct IntentRouterTests {
    let router = IntentRouter()

    static let table: [(text: String, intent: Intent, keyword: String?)] = [
        // The documented table.
        ("export", .export, "export"),
        ("Export 1080p MP4", .export, "export"),
        ("download it please", .export, "download"),
        ("send me the video", .export, "send me the video"),
        ("导出", .export, "导出"),
        ("帮我导出视频", .export, "导出"),
        ("credits", .credits, "credits"),
        ("how many credits do I have?", .credits, "credits"),
        ("what's my balance", .credits, "balance"),
        ("积分", .credits, "积分"),
        ("查一下余额", .credits, "余额"),
        ("status", .status, "status"),
        ("show tracks", .status, "show tracks"),
        ("状态", .status, "状态"),
        ("upload", .upload, "upload"),
        ("上传", .upload, "上传"),
        // Everything else goes to the agent.
        ("animate this image into a 5-second video clip with smooth motion", .message, nil),
        ("add BGM", .message, nil),
        ("生成一个视频", .message, nil),
        ("", .message, nil),
        // Word boundaries: inflections and compounds are not the keyword.
        ("turn this image into a free downloadable video clip", .message, nil),
        ("summarise the exports of data", .message, nil),
        ("the video was exported yesterday?", .message, nil),
        ("uploaded files look dark", .message, nil),
        ("Export!", .export, "export"),
        ("re-export", .export, "export"),
        // Negation.
        ("don't export yet", .message, nil),
        ("do not download", .message, nil),
        ("不要导出", .message, nil),
        ("I can't wait, export now", .export, "export"),
        // Edits win: only the agent can do them.
        ("add a title and export", .message, nil),
        ("添加背景音乐然后导出", .message, nil),
        ("update the status text to 'Done'", .message, nil),
        // Several actions: the read-only one wins.
        ("what is the status of my export", .status, "status"),
        ("credits before I download?", .credits, "credits"),
    ]

    @Test(arguments: table)
    func routes(_ text: String, _ intent: Intent, _ keyword: String?) {
        let route = router.route(text)
        #expect(route.intent == intent)
        #expect(route.keyword == keyword)
    }

    @Test func editsRememberTheActionsTheyMention() {
        #expect(router.route("add a title and export").mentioned == [.export])
        #expect(router.route("what is the status of my export").mentioned == [.export])
    }

    @Test(arguments: [
        ("", nil as String?, [Intent]()),
        ("upload these", nil, []),
        ("animate this photo", "animate this photo", []),
        ("a sunset video with music", "a sunset video with music", []),
        ("upload and then export", "upload and then export", [.export]),
        ("上传这张图片并生成视频", "上传这张图片并生成视频", []),
    ])
    func aGivenFileIsAnUpload(_ text: String, _ instruction: String?, _ mentioned: [Intent]) {
        let route = router.route(text, files: ["/photos/a.png"])
        #expect(route.intent == .upload)
        #expect(route.instruction == instruction)
        #expect(route.mentioned == mentioned)
    }

    @Test func theTableIsData() {
        let custom = IntentRouter(rules: [IntentRouter.Rule(intent: .export, keywords: ["render it"])], editWords: [])
        #expect(custom.route("please render it").intent == .export)
        #expect(custom.route("export").intent == .message)
        #expect(IntentRouter.defaultRules.map(\.intent) == [.status, .credits, .export, .upload])
    }
}
