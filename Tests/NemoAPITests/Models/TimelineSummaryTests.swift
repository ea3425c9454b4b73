import NemoAPI
import Testing

@Suite("Timeline: reading drafts and the documented summary")
struct TimelineSummaryTests {
    /// The draft of the documented example (also the recorded session's draft).
    static let documented = #"""
        {"t":[{"tt":0,"sg":[{"d":10000,"m":{"name":"city timelapse"}}]},
        {"tt":1,"sg":[{"d":10000,"m":{"name":"Lo-fi","volume":0.35}}]},
        {"tt":7,"sg":[{"d":3000,"m":{"text":"Urban Dreams"}}]}]}
        """#

    /// The documented summary, exactly.
    static let documentedSummary =
        "Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) "
        + #"3. Title: "Urban Dreams" (0-3s)"#

    static let summaries: [(draft: String, summary: String)] = [
        (documented, documentedSummary),
        (
            #"{"t":[{"tt":0,"sg":[{"d":5000,"m":{"name":"city timelapse at dusk","media_id":"m_001"}}]}]}"#,
            "Timeline (1 track): 1. Video: city timelapse at dusk (0-5s)"
        ),
        (#"{"t":[]}"#, "Timeline (0 tracks): empty"),
        ("{}", "Timeline (0 tracks): empty"),
        (#"{"t":[{"tt":0,"sg":[]}]}"#, "Timeline (1 track): 1. Video: empty"),
        // The mock's {{uploads:4000}}: one segment per upload, named by file; more than three are counted.
        (
            #"{"t":[{"tt":0,"sg":[{"d":4000,"m":{"name":"a.png","filename":"a.png"}},{"d":4000,"m":{"name":"b.png"}},"#
                + #"{"d":4000,"m":{"filename":"c.jpg"}},"#
                + #"{"d":4000,"m":{"cdn_url":"http://h/media/uploads/1/d.webp"}}]}]}"#,
            "Timeline (1 track): 1. Video: a.png, b.png, c.jpg +1 more (0-16s)"
        ),
        // A transition between clips is not content.
        (
            #"{"t":[{"tt":0,"sg":[{"d":4000,"m":{"name":"m_002","media_id":"m_002"}},"#
                + #"{"d":0,"m":{"name":"crossfade","transition":"crossfade","at_ms":4000}}]}]}"#,
            "Timeline (1 track): 1. Video: m_002 (0-4s)"
        ),
        // Chinese names, volume 0.3, and a second text track.
        (
            #"{"t":[{"tt":0,"sg":[{"d":10000,"m":{"name":"海边"}}]},"#
                + #"{"tt":1,"sg":[{"d":10000,"m":{"name":"背景音乐","volume":0.3}}]},"#
                + #"{"tt":7,"sg":[{"d":3000,"m":{"text":"Paradise Found"}}]},"#
                + #"{"tt":7,"sg":[{"d":2000,"m":{"text":"warm film look"}}]}]}"#,
            "Timeline (4 tracks): 1. Video: 海边 (0-10s) 2. BGM: 背景音乐 (0-10s, 30%) "
                + #"3. Title: "Paradise Found" (0-3s) 4. Text: "warm film look" (0-2s)"#
        ),
        // Sequential segments, explicit starts, fractional seconds, volume as a percentage, unnamed segments.
        (
            #"{"t":[{"tt":0,"sg":[{"d":2500},{"d":2500}]},{"tt":1,"sg":[{"s":1500,"d":"3333","m":{"volume":35}}]},"#
                + #"{"tt":7,"sg":[{"st":500,"e":2000,"m":{"content":"Hi"}},{"d":1000}]}]}"#,
            "Timeline (3 tracks): 1. Video: clip 1, clip 2 (0-5s) 2. BGM: audio 1 (1.5-4.8s, 35%) "
                + #"3. Title: "Hi", "text 2" (0.5-3s)"#
        ),
        // Roles, unknown track types, a track without tt, junk entries skipped.
        (
            #"{"t":[{"tt":1,"m":{"role":"voiceover"},"sg":[{"d":1000,"m":{"name":"narration"}}]},"#
                + #"{"tt":7,"sg":[{"d":1000,"m":{"text":"sub","role":"caption"}}]},{"tt":3,"sg":[{"d":1000}]},"#
                + #"{"sg":[{"d":1000,"m":{"name":"x"}}]},5,"track","#
                + #"{"tt":1,"sg":[7,{"d":1000,"m":{"name":"sfx","type":"sfx"}}]}]}"#,
            #"Timeline (5 tracks): 1. Voiceover: narration (0-1s) 2. Subtitles: "sub" (0-1s) "#
                + "3. Track (type 3): clip 1 (0-1s) 4. Track: x (0-1s) 5. SFX: sfx (0-1s)"
        ),
    ]

    @Test(arguments: summaries)
    func summary(_ draft: String, _ expected: String) throws {
        let timeline = Timeline(draft: try JSONValue(parsing: draft))
        #expect(timeline.summary == expected)
    }

    @Test func draftSentAsTextIsRead() throws {
        let timeline = Timeline(draft: .string(Self.documented))
        #expect(timeline.tracks.map(\.kind) == [.video, .audio, .text])
        #expect(timeline.durationMilliseconds == 10000)
    }

    @Test func tracksAndSegmentsAreResolved() throws {
        let timeline = Timeline(draft: try JSONValue(parsing: Self.documented))
        let bgm = timeline.tracks[1]
        #expect(bgm.volume == 0.35)
        #expect(bgm.segments[0].name == "Lo-fi")
        #expect(timeline.tracks[2].segments[0].text == "Urban Dreams")
        #expect(timeline.labels == ["Video", "BGM", "Title"])
        #expect(Timeline.TrackKind(code: 7) == .text && Timeline.TrackKind.other(4).code == 4)
    }

    @Test(arguments: [
        (#"{"t":[{"tt":0,"sg":[{"d":1000}]}]}"#, true),
        (#"{"t":[{"tt":0,"sg":[]},{"tt":7,"sg":[{"d":0,"m":{"text":"x"}}]}]}"#, true),
        (#"{"t":[{"tt":0,"sg":[]},{"tt":1}]}"#, false),
        (#"{"t":[]}"#, false),
        (#"{"tracks":"none"}"#, false),
        ("null", false),
        (#"[{"tt":0,"sg":[{"d":1}]}]"#, true),
    ])
    func readyForExport(_ draft: String, _ ready: Bool) throws {
        #expect(Timeline(draft: try JSONValue(parsing: draft)).isReadyForExport == ready)
    }

    @Test(arguments: [(0, "0"), (10000, "10"), (2500, "2.5"), (3333, "3.3"), (2999, "3"), (50, "0.1"), (49, "0")])
    func secondsFormatting(_ milliseconds: Int, _ text: String) {
        #expect(Timeline.seconds(milliseconds) == text)
    }
}
