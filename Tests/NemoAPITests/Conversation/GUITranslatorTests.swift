@testable import NemoAPI
import Testing

@Suite("GUITranslator: GUI steps become what the client does")
struct GUITranslatorTests {
    let translator = GUITranslator()

    static let single: [(text: String, instruction: GUIInstruction, action: ClientAction, shown: String)] = [
        (
            "Click the Export button to download your video.", .export, .runExport,
            "nemo runs the export for you (`nemo export`)."
        ),
        ("Press **Export** when ready!", .export, .runExport, "nemo runs the export for you (`nemo export`)."),
        ("When you're happy, hit Export.", .export, .runExport, "nemo runs the export for you (`nemo export`)."),
        ("点击导出按钮即可下载。", .export, .runExport, "nemo 会直接为你导出（nemo export）。"),
        ("You can preview it in the timeline.", .previewInTimeline, .showTimelineSummary,
            "Here is the timeline summary (`nemo status`)."),
        ("请在时间线中预览效果。", .previewInTimeline, .showTimelineSummary, "时间线摘要如下（nemo status）。"),
        (
            "Drag the title to the end of the clip.", .dragDrop, .sendMessage("Move the title to the end of the clip."),
            "Describe the change in words and nemo sends it to the agent as an edit."
        ),
        ("把字幕拖拽到开头。", .dragDrop, .sendMessage("把字幕移动到开头。"), "用文字描述要做的调整，nemo 会把它作为编辑发送给助手。"),
        (
            "Open the audio panel to see the music.", .open, .readState,
            "nemo reads this from the session state (`nemo status`)."
        ),
        ("打开音频面板查看。", .open, .readState, "nemo 会从会话状态读取这些信息（nemo status）。"),
        (
            "Click the Generate button to start.", .click, .sendMessage("generate"),
            "nemo does this step through the API."
        ),
        ("Click Upload to add more photos.", .click, .upload, "nemo does this step through the API."),
        ("Tap on Credits to check your balance.", .click, .showCredits, "nemo does this step through the API."),
        ("点击生成按钮开始。", .click, .sendMessage("生成"), "nemo 会通过 API 完成这一步。"),
    ]

    @Test(arguments: single)
    func translatesOneStep(_ text: String, _ instruction: GUIInstruction, _ action: ClientAction, _ shown: String) {
        let translation = translator.translate(text)
        #expect(translation.instructions == [instruction])
        #expect(translation.actions == [action])
        #expect(translation.text == shown)
    }

    @Test func keepsOtherSentencesByteForByte() {
        let text = "Your video is ready 🎬! It has 3 tracks.\nClick Export to download it.  Enjoy 😊"
        let translation = translator.translate(text)
        #expect(translation.text
            == "Your video is ready 🎬! It has 3 tracks.\nnemo runs the export for you (`nemo export`).  Enjoy 😊")
        #expect(translation.actions == [.runExport])
    }

    @Test func severalStepsInOrderWithoutRepeats() {
        let text = "Open the timeline panel. Preview it in the timeline. Click Export. Then click Export again."
        let translation = translator.translate(text)
        #expect(translation.instructions == [.open, .previewInTimeline, .export, .export])
        #expect(translation.actions == [.readState, .showTimelineSummary, .runExport])
    }

    @Test(
        "text naming no GUI step, or only parts or look-alikes of the trigger words, comes back byte for byte",
        arguments: [
            "I added a title and background music.",
            "The export will take about a minute.",
            "我已经添加了背景音乐。",
            "Version 1.5 is out. Done.",
            "",
            "The exporter was updated; previe\u{301}w is not a word. Cli ck, o pen, dra g.\r\nTabs\there. 中文 🎬",
            "expor", "clic", "prev", "点", "ex\u{0}port", "ＣＬＩＣＫ ＥＸＰＯＲＴ (full-width letters).",
        ])
    func textWithoutGUIStepsIsUnchanged(_ text: String) {
        let translation = translator.translate(text)
        #expect(translation.text == text)
        #expect(translation.actions.isEmpty && translation.instructions.isEmpty)
    }

    @Test("a step is found whatever the case of its ASCII letters, at the start, the end or after CJK text")
    func stepsInAnyCase() {
        #expect(translator.translate("CLICK EXPORT.").actions == [.runExport])
        #expect(translator.translate("Please ExPoRt the video now, Click Export.").actions == [.runExport])
        #expect(translator.translate("完成后 Click Upload").actions == [.upload])
        #expect(translator.translate("视频好了，点击导出按钮").actions == [.runExport])
        #expect(translator.translate("TAP ON CREDITS").actions == [.showCredits])
    }

    @Test("the last sentence end of a streamed piece, for printing whole sentences")
    func lastSentenceEnd() {
        func rest(after text: String) -> String? {
            GUITranslator.lastSentenceEnd(in: text).map { String(text[text.unicodeScalars.index(after: $0)...]) }
        }
        #expect(rest(after: "It is ready. Export it") == " Export it")
        #expect(rest(after: "Done! Next? Go") == " Go")
        #expect(rest(after: "好了。下一步") == "下一步")
        #expect(rest(after: "完成！") == "")
        #expect(rest(after: "line one\r\nline two") == "line two")
        #expect(rest(after: "café 🎬 v1") == nil)
        #expect(rest(after: "") == nil)
    }

    @Test("sentences split after CJK ends, line breaks of every kind, and ASCII ends before whitespace")
    func sentenceBoundaries() {
        func split(_ text: String) -> [String] { GUITranslator.sentences(in: text).map(String.init) }
        #expect(split("One. Two!  Three?\tFour") == ["One. ", "Two!  ", "Three?\t", "Four"])
        #expect(split("v1.5 is out.Done") == ["v1.5 is out.Done"])
        #expect(split("好了。下一步！再来？") == ["好了。", "下一步！", "再来？"])
        #expect(split("a\r\nb\nc\u{2028}d\u{85}e") == ["a\r\n", "b\n", "c\u{2028}", "d\u{85}", "e"])
        #expect(split("Café\u{301}. 🎬! end") == ["Café\u{301}. ", "🎬! ", "end"])
        #expect(split("") == [])
        for text in ["Ready. Click Export.\n\nThen 点击导出。", "a.b. c", " . ", "\n\n"] {
            #expect(split(text).joined() == text)
        }
    }

    @Test func sentenceSplitting() {
        #expect(translator.translate("v1.5 looks good. Click Export").text
            == "v1.5 looks good. nemo runs the export for you (`nemo export`).")
    }
}
