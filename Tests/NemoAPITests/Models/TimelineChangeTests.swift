import NemoAPI
import Testing

@Suite("TimelineChange: what changed, in words")
struct TimelineChangeTests {
    static let video = #"{"tt":0,"sg":[{"d":10000,"m":{"name":"city timelapse"}}]}"#
    static let bgm35 = #"{"tt":1,"sg":[{"d":10000,"m":{"name":"Lo-fi","volume":0.35}}]}"#
    static let bgm50 = #"{"tt":1,"sg":[{"d":10000,"m":{"name":"Lo-fi","volume":0.5}}]}"#
    static let title = #"{"tt":7,"sg":[{"d":3000,"m":{"text":"Urban Dreams"}}]}"#

    static func draft(_ tracks: String...) -> String {
        #"{"t":["# + tracks.joined(separator: ",") + "]}"
    }

    static let cases: [(before: String, after: String, lines: [String])] = [
        // edit-silent-title: a title track appended, the documented report.
        (
            draft(video), draft(video, #"{"tt":7,"sg":[{"d":3000,"m":{"text":"Paradise Found"}}]}"#),
            ["Title added: 'Paradise Found' (0-3s)"]
        ),
        (draft(video, bgm35, title), draft(video, bgm50, title), ["BGM volume 35% → 50%"]),
        (
            draft(video), draft(#"{"tt":0,"sg":[{"d":5000,"m":{"name":"a"}},{"d":5000,"m":{"name":"b"}},{"d":5000}]}"#),
            ["Video: 2 segments added"]
        ),
        (
            draft(#"{"tt":0,"sg":[{"d":5000,"m":{"name":"a"}},{"d":5000,"m":{"name":"b"}}]}"#),
            draft(#"{"tt":0,"sg":[{"d":5000,"m":{"name":"a"}}]}"#),
            ["Video: 1 segment removed"]
        ),
        (draft(video, title), draft(video, #"{"tt":7,"sg":[{"d":3000,"m":{"text":"City Nights"}}]}"#),
            ["Title changed: 'Urban Dreams' → 'City Nights'"]),
        (draft(video, bgm35), draft(video, #"{"tt":1,"sg":[{"d":10000,"m":{"name":"Jazz","volume":0.35}}]}"#),
            ["BGM changed: Lo-fi → Jazz"]),
        (draft(video, bgm35, title), draft(video, title), ["BGM removed: Lo-fi"]),
        (draft(video, title), draft(video, #"{"tt":7,"sg":[{"d":5000,"m":{"text":"Urban Dreams"}}]}"#),
            ["Title timing 0-3s → 0-5s"]),
        (draft(video, bgm35, title), draft(video, bgm35, title), []),
        ("{}", draft(video, bgm35), ["Video added: city timelapse (0-10s)", "BGM added: Lo-fi (0-10s, 35%)"]),
        (draft(video, title), "{}", ["Video removed: city timelapse", "Title removed: 'Urban Dreams'"]),
        // Two-stage generation: raw video, then BGM, transitions and a title.
        (
            draft(#"{"tt":0,"sg":[{"d":6000,"m":{"name":"a.png"}},{"d":6000,"m":{"name":"b.png"}}]}"#),
            draft(
                #"{"tt":0,"sg":[{"d":6000,"m":{"name":"a.png"}},{"d":0,"m":{"transition":"fade"}},"#
                    + #"{"d":6000,"m":{"name":"b.png"}}]}"#,
                #"{"tt":1,"sg":[{"d":12000,"m":{"name":"Lo-fi","volume":0.35}}]}"#,
                #"{"tt":7,"sg":[{"d":3000,"m":{"text":"Memories"}}]}"#),
            ["Video: 1 transition added", "BGM added: Lo-fi (0-12s, 35%)", "Title added: 'Memories' (0-3s)"]
        ),
        // A new title before the old one: the unchanged track is paired with itself, the new one is added.
        (
            draft(video, title),
            draft(video, #"{"tt":7,"sg":[{"d":2000,"m":{"text":"Intro"}}]}"#, title),
            ["Title added: 'Intro' (0-2s)"]
        ),
        (
            draft(video, #"{"tt":1,"sg":[{"d":10000,"m":{"name":"Lo-fi"}}]}"#), draft(video, bgm50),
            ["BGM volume default → 50%"]
        ),
        (
            draft(#"{"tt":0,"sg":[{"d":1,"m":{"name":"a"}},{"d":1,"m":{"name":"b"}}]}"#),
            draft(#"{"tt":0,"sg":[{"d":1,"m":{"name":"a"}},{"d":1,"m":{"name":"c"}}]}"#),
            ["Video: 1 segment changed"]
        ),
    ]

    @Test(arguments: cases)
    func describes(_ before: String, _ after: String, _ lines: [String]) throws {
        let change = TimelineChange(
            from: Timeline(draft: try JSONValue(parsing: before)), to: Timeline(draft: try JSONValue(parsing: after)))
        #expect(change.lines == lines)
        #expect(change.isEmpty == lines.isEmpty)
        #expect(change.summary == (lines.isEmpty ? "No change to the timeline" : lines.joined(separator: "; ")))
    }

    @Test func kindsAndLabels() throws {
        let change = TimelineChange(
            from: Timeline(draft: try JSONValue(parsing: Self.draft(Self.video, Self.bgm35))),
            to: Timeline(draft: try JSONValue(parsing: Self.draft(Self.video, Self.bgm50, Self.title))))
        #expect(change.items.map(\.kind) == [.volumeChanged, .trackAdded])
        #expect(change.items.map(\.label) == ["BGM", "Title"])
    }
}
