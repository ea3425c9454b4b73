import Foundation
import NemoCore
import NemoTestSupport
import Testing

@testable import NemoMock

/// JSON, ids, time, file detection, multipart, ranges, faults, the virtual clock.
@Suite struct SupportTests {
    @Test func jsonKeepsOrderAndNumbers() throws {
        let text = #"{"z":1,"a":[0.35,1795249385.2540555,-2e3],"s":"\u6e32\ud83d\udca5\n\"","n":null,"b":true}"#
        let value = try JSONParser.parse(text)
        #expect(value.jsonText == #"{"z":1,"a":[0.35,1795249385.2540555,-2e3],"s":"渲💥\n\"","n":null,"b":true}"#)
        #expect(value["s"]?.stringValue == "渲💥\n\"")
        #expect(value.setting("a", to: .int(1)).jsonText.hasPrefix(#"{"z":1,"a":1,"#))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01x", "\"\\ud83d\"", "{\"a\":1}}", "nul"])
    func jsonRejects(text: String) {
        #expect(throws: JSONParser.Failure.self) { _ = try JSONParser.parse(text) }
    }

    @Test func seededRandomIsStable() {
        var a = SeededRandom(seed: 42)
        var b = SeededRandom(seed: 42)
        let uuid = a.uuid()
        #expect(uuid == b.uuid())
        #expect(uuid.count == 36 && Array(uuid)[14] == "4")
        #expect(a.hex(40).count == 40 && a.digits(19).count == 19)
        var c = SeededRandom(seed: 43)
        #expect(c.uuid() != uuid)
    }

    @Test func timestamps() {
        #expect(Timestamp.iso8601(1_795_219_200) == "2026-11-21T00:00:00.000Z")
        #expect(Timestamp.iso8601(951_782_400.5) == "2000-02-29T00:00:00.500Z")
        #expect(Timestamp.iso8601(0) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.seconds(1_795_249_385.25) == "1795249385.250000")
    }

    @Test func sniffsByContent() throws {
        #expect(
            FileInspector.sniff(TestImages.png(width: 640, height: 360))
                == .init(
                    fileType: "image", extensions: ["png"], width: 640, height: 360))
        #expect(FileInspector.sniff(TestImages.jpeg(width: 1500, height: 1000))?.width == 1500)
        #expect(FileInspector.sniff(TestImages.gif(width: 20, height: 10))?.height == 10)
        #expect(FileInspector.sniff(TestImages.webp(width: 1600, height: 900))?.width == 1600)
        let mp4 = FileInspector.sniff(try Paths.fixture("media/render.mp4"))
        #expect(mp4?.fileType == "video" && mp4?.width == 320 && mp4?.height == 180)
        #expect(mp4?.duration.map { abs($0 - 1) < 0.1 } == true)
        #expect(FileInspector.sniff(try Paths.fixture("media/bgm.m4a"))?.fileType == "audio")
        #expect(FileInspector.sniff(Array("hello".utf8)) == nil)
    }

    @Test(arguments: [
        ("a/b/c.jpg", "c.jpg"), ("..", "file"), ("...jpg", "jpg"), ("", "file"), ("ok-name_1.PNG", "ok-name_1.PNG"),
    ])
    func sanitisesNames(name: String, expected: String) {
        #expect(FileInspector.sanitize(name) == expected)
    }

    @Test func multipartParts() throws {
        let (type, body) = Multipart.body(
            files: [("a.png", [1, 2, 3]), ("b\"q.jpg", Array("\r\n--x".utf8))], field: "files")
        let boundary = try #require(MultipartParser.boundary(contentType: type))
        let parts = try MultipartParser.parse(body, boundary: boundary)
        #expect(parts.map(\.name) == ["files", "files"])
        #expect(parts.map(\.filename) == ["a.png", "b\"q.jpg"])
        #expect(Array(body[parts[1].range]) == Array("\r\n--x".utf8))
        #expect(MultipartParser.boundary(contentType: "multipart/form-data; boundary=\"q z\"") == "q z")
        #expect(MultipartParser.boundary(contentType: "text/plain") == nil)
    }

    @Test(arguments: [
        ("bytes=0-9", ByteRange.range(0..<10)), ("bytes=5-", .range(5..<100)), ("bytes=-5", .range(95..<100)),
        ("bytes=90-200", .range(90..<100)), ("bytes=100-", .unsatisfiable), ("bytes=-0", .unsatisfiable),
        ("bytes=0-1,5-6", .whole), ("items=0-1", .whole), ("bytes=9-2", .whole),
    ])
    func ranges(header: String, expected: ByteRange) {
        #expect(ByteRange.parse(header, length: 100) == expected)
    }

    @Test func faultsParse() {
        #expect(Fault.parse("status 429 * always") == .status(code: 429, path: "*", once: false))
        #expect(Fault.parse("stall 2.5 after 3 real") == .stall(seconds: 2.5, afterEvents: 3, real: true))
        #expect(
            Fault.parseList("drop-after 2; cut-download 0.25") == [.dropAfter(events: 2), .cutDownload(fraction: 0.25)])
        #expect(Fault.parse("status 200 * once") == nil)
        #expect(Fault.parse("cut-download 1") == nil)
        #expect(Fault.parseList("drop-after 1; nonsense") == nil)
    }

    @Test func virtualClockAtScaleZeroJumps() async throws {
        let clock = VirtualClock(start: 1000, scale: 0)
        let start = ContinuousClock.now
        try await clock.sleep(until: 1900)
        #expect(ContinuousClock.now - start < .seconds(10))  // not the 900 s a real clock would take
        #expect(clock.now() == 1900)
        try await clock.sleep(until: 10)
        #expect(clock.now() == 1900)
        clock.advance(by: 100)
        #expect(clock.now() == 2000)
    }

    @Test func virtualClockAtScaleSleeps() async throws {
        let clock = VirtualClock(start: 0, scale: 10)
        let start = ContinuousClock.now
        try await clock.sleep(until: 2)
        let elapsed = ContinuousClock.now - start
        // Lower bound exact; the upper bound only guards against a clock that never wakes (CI machines are busy).
        #expect(elapsed >= .milliseconds(190) && elapsed < TestTiming.stretched(.seconds(30)))
        #expect(clock.now() >= 2)
    }

    @Test func journalRedaction() {
        #expect(JournalEntry.redact(name: "Authorization", value: "Bearer nmv_usr_abc") == "Bearer <redacted>")
        #expect(JournalEntry.redact(name: "authorization", value: "token") == "<redacted>")
        #expect(JournalEntry.redact(name: "X-Client-Id", value: "abc") == "abc")
    }
}
