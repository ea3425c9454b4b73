import NemoAPI
import Testing

@Suite("LanguageDetector: zh for CJK-dominant text, ja/ko by script, else en")
struct LanguageDetectorTests {
    static let table: [(String, String)] = [
        ("animate this image into a 5-second video clip with smooth motion", "en"),
        ("把这张照片做成视频", "zh"),
        ("帮我把这些照片合成一个30秒的视频，加上背景音乐", "zh"),
        ("用这个photo做video", "zh"),
        ("add the title 你好", "en"),
        ("この写真を動画にしてください", "ja"),
        ("東京の夜景を動画に", "ja"),
        ("이 사진으로 영상을 만들어 주세요", "ko"),
        ("Hello 世界", "zh"),
        ("Hello world 世界", "en"),
        ("世界 hi", "zh"),
        ("", "en"),
        ("12345 !!!", "en"),
        ("Привет, сделай видео", "en"),
        ("🎬🎵", "en"),
        ("「导出」", "zh"),
    ]

    @Test(arguments: table)
    func detects(_ text: String, _ language: String) {
        #expect(LanguageDetector.detect(text) == language)
    }
}
