import NemoAPI
import Testing

@testable import NemoRender

/// A draft's JSON text as a timeline.
func timeline(_ json: String) throws -> Timeline {
    Timeline(draft: try JSONValue(parsing: json))
}

/// Resolves every URL to a path named after it, except those listed as missing.
func resolver(missing: Set<String> = []) -> MediaResolver {
    { reference in reference.url.flatMap { missing.contains($0) ? nil : "/media/" + $0 } }
}

@Suite("Render plan: what a draft becomes")
struct RenderPlanTests {
    let threePhotos = """
        {"t":[{"tt":0,"sg":[
          {"d":4000,"m":{"name":"beach.jpg","cdn_url":"beach.jpg"}},
          {"d":4000,"m":{"name":"city.webp","cdn_url":"city.webp"}},
          {"d":4000,"m":{"name":"fog.jpg","cdn_url":"fog.jpg","transition":"wipe","motion":"pan-left"}}]},
         {"tt":1,"sg":[{"d":12000,"m":{"name":"Lo-fi","volume":35,"cdn_url":"bgm.m4a"}}]},
         {"tt":7,"sg":[{"d":3000,"m":{"text":"Memories"}}]}]}
        """

    @Test("photos become clips in order, with the default crossfade and the named wipe")
    func clips() throws {
        let plan = try RenderPlan.make(timeline: timeline(threePhotos), options: RenderOptions(), resolve: resolver())
        #expect(plan.clips.map(\.source) == [
            .file(path: "/media/beach.jpg"), .file(path: "/media/city.webp"), .file(path: "/media/fog.jpg"),
        ])
        #expect(plan.clips.map(\.start) == [0, 4, 8])
        #expect(plan.clips[0].transitionIn == nil)
        #expect(plan.clips[1].transitionIn?.kind == .crossfade)
        #expect(plan.clips[1].transitionIn?.duration == 0.8)
        #expect(plan.clips[2].transitionIn?.kind.rawValue.hasPrefix("wipe") == true)
        #expect(plan.clips[2].motion == .panLeft)
        #expect(plan.clips[0].motion == nil)
        #expect(plan.duration == 12)
        #expect(plan.frameCount == 360)
        #expect(plan.warnings.isEmpty)
    }

    @Test("music keeps its volume (a percentage becomes a share) and fades; the title fades in and out")
    func musicAndTitle() throws {
        let plan = try RenderPlan.make(timeline: timeline(threePhotos), options: RenderOptions(), resolve: resolver())
        let music = try #require(plan.audio.first)
        #expect(music.path == "/media/bgm.m4a")
        #expect(abs(music.volume - 0.35) < 1e-9)
        #expect(music.duration == 12 && music.fadeIn > 0 && music.fadeOut > 0 && music.loops)
        let title = try #require(plan.titles.first)
        #expect(title.text == "Memories" && title.position == .centre)
        #expect(title.opacity(at: 0) == 0)
        #expect(title.opacity(at: 1.5) == 1)
        #expect(title.opacity(at: 2.9) > 0 && title.opacity(at: 2.9) < 1)
        #expect(title.opacity(at: 3) == 0)
    }

    @Test("a transition is centred on the cut: the outgoing clip stays while the next one comes in")
    func transitionSlots() throws {
        let plan = try RenderPlan.make(timeline: timeline(threePhotos), options: RenderOptions(), resolve: resolver())
        // Frame 100 (3.333 s): before the crossfade (3.6...4.4 s).
        let before = plan.slot(forFrame: 100)
        #expect(before.primary?.clip == 0 && before.incoming == nil)
        // Frame 114 (3.8 s): a quarter of the way through.
        let during = plan.slot(forFrame: 114)
        #expect(during.primary?.clip == 0)
        #expect(during.incoming?.showing.clip == 1)
        #expect(abs((during.incoming?.progress ?? 0) - 0.25) < 1e-9)
        // Frame 126 (4.2 s): after the cut, clip 0 is still the outgoing picture.
        let after = plan.slot(forFrame: 126)
        #expect(after.primary?.clip == 0 && after.incoming?.showing.clip == 1)
        #expect(abs((after.incoming?.progress ?? 0) - 0.75) < 1e-9)
        #expect(plan.slot(forFrame: 135).incoming == nil)
        #expect(plan.slot(forFrame: 135).primary?.clip == 1)
    }

    @Test("each clip's motion runs from 0 to 1 over every frame it is visible, without going back")
    func motionProgress() throws {
        let plan = try RenderPlan.make(timeline: timeline(threePhotos), options: RenderOptions(), resolve: resolver())
        var progress: [Int: [Double]] = [:]
        for frame in 0..<plan.frameCount {
            let slot = plan.slot(forFrame: frame)
            for showing in [slot.primary, slot.incoming?.showing].compactMap({ $0 }) {
                progress[showing.clip, default: []].append(showing.motionProgress)
            }
        }
        for clip in 0..<3 {
            let values = try #require(progress[clip])
            #expect(values.first == 0)
            #expect(abs((values.last ?? 0) - 1) < 1e-9)
            #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 })
        }
    }

    @Test("'cut' and 'none' mean no transition")
    func cuts() throws {
        let draft = """
            {"t":[{"tt":0,"m":{"transition":"cut"},"sg":[{"d":2000,"m":{"cdn_url":"a.png"}},{"d":2000,"m":{"cdn_url":"b.png"}}]}]}
            """
        let plan = try RenderPlan.make(timeline: timeline(draft), options: RenderOptions(), resolve: resolver())
        #expect(plan.clips[1].transitionIn == nil)
        #expect(plan.slot(forFrame: 59).incoming == nil && plan.slot(forFrame: 60).primary?.clip == 1)
    }

    @Test("a transition is shortened to half of the shorter clip")
    func shortClips() throws {
        let draft = """
            {"t":[{"tt":0,"sg":[{"d":1000,"m":{"cdn_url":"a.png"}},{"d":600,"m":{"cdn_url":"b.png"}}]}]}
            """
        let plan = try RenderPlan.make(timeline: timeline(draft), options: RenderOptions(), resolve: resolver())
        #expect(abs((plan.clips[1].transitionIn?.duration ?? 0) - 0.3) < 1e-9)
    }

    @Test("media that cannot be found fails the plan, naming the file and the segment")
    func missingMedia() throws {
        let error = #expect(throws: RenderError.self) {
            try RenderPlan.make(
                timeline: timeline(threePhotos), options: RenderOptions(), resolve: resolver(missing: ["city.webp"]))
        }
        #expect(error?.code == .missingMedia)
        #expect(error?.message.contains("city.webp") == true)
        #expect(error?.message.contains("Segment 2") == true)
    }

    @Test("a video file becomes a playing clip with its in-point, and its sound follows it across the transitions")
    func videoFile() throws {
        let draft = """
            {"t":[{"tt":0,"sg":[{"d":3000,"m":{"cdn_url":"beach.jpg"}},
              {"d":3000,"m":{"cdn_url":"clip.mp4","file_type":"video","trim_start_ms":1500,"volume":40}},
              {"d":3000,"m":{"cdn_url":"walk.MOV"}}]}]}
            """
        let plan = try RenderPlan.make(timeline: timeline(draft), options: RenderOptions(), resolve: resolver())
        #expect(plan.clips.map(\.source) == [
            .file(path: "/media/beach.jpg"), .video(path: "/media/clip.mp4", inPoint: 1.5),
            .video(path: "/media/walk.MOV", inPoint: 0),
        ])
        #expect(plan.clips.map(\.isVideo) == [false, true, true])
        #expect(abs(plan.clips[1].volume - 0.4) < 1e-9 && plan.clips[2].volume == 1)
        let sound = plan.audio.filter(\.isVideoSound)
        #expect(sound.map(\.path) == ["/media/clip.mp4", "/media/walk.MOV"])
        // Clip 2 is on screen from 2.6 s (half the 0.8 s crossfade before its start) to 6.4 s.
        #expect(abs(sound[0].start - 2.6) < 1e-9 && abs(sound[0].duration - 3.8) < 1e-9)
        #expect(sound[0].sourceStart == 1.5 && !sound[0].loops && abs(sound[0].volume - 0.4) < 1e-9)
        #expect(sound[0].fadeIn == 0.8 && sound[0].fadeOut == 0.8)
        #expect(abs(sound[1].start - 5.6) < 1e-9 && abs(sound[1].duration - 3.4) < 1e-9)
        #expect(sound[1].fadeOut == RenderPlan.soundEdge)
        #expect(plan.warnings.isEmpty)
    }

    @Test("a video track's volume mutes its clips' sound; an absurd in-point is capped, not a crash")
    func videoTrackVolumeAndInPoint() throws {
        let draft = """
            {"t":[{"tt":0,"m":{"volume":0},"sg":[
              {"d":3000,"m":{"cdn_url":"a.mp4","trim_start_ms":1e300}},
              {"d":3000,"m":{"cdn_url":"b.mp4","volume":50}}]}]}
            """
        let plan = try RenderPlan.make(timeline: timeline(draft), options: RenderOptions(), resolve: resolver())
        #expect(plan.clips.map(\.volume) == [0, 0.5])
        #expect(plan.clips[0].source == .video(path: "/media/a.mp4", inPoint: 360_000))
        #expect(plan.audio.map(\.path) == ["/media/b.mp4"])
    }

    @Test("unsupported tracks, extra video tracks and music without a file are reported, not dropped silently")
    func warnings() throws {
        let draft = """
            {"t":[{"tt":0,"sg":[{"d":3000,"m":{"cdn_url":"a.png"}}]},{"tt":0,"sg":[{"d":3000,"m":{"cdn_url":"b.png"}}]},
             {"tt":5,"sg":[{"d":3000}]},{"tt":1,"sg":[{"d":3000,"m":{"name":"Lo-fi","volume":0.35}}]}]}
            """
        let plan = try RenderPlan.make(timeline: timeline(draft), options: RenderOptions(), resolve: resolver())
        #expect(plan.warnings.count == 3)
        #expect(plan.warnings.contains { $0.contains("Video track 2") })
        #expect(plan.warnings.contains { $0.contains("type 5") })
        #expect(plan.warnings.contains { $0.contains("Lo-fi") })
        #expect(plan.audio.isEmpty)
    }

    @Test("a segment naming no media becomes a card showing its name")
    func cards() throws {
        let draft = #"{"t":[{"tt":0,"sg":[{"d":10000,"m":{"name":"city timelapse"}}]}]}"#
        let plan = try RenderPlan.make(timeline: timeline(draft), options: RenderOptions(), resolve: resolver())
        #expect(plan.clips.first?.source == .card)
        #expect(plan.titles.map(\.text) == ["city timelapse"])
        #expect(plan.titles.first?.end == 10)
    }

    @Test("a draft with nothing to show is refused")
    func empty() throws {
        for draft in [#"{"t":[]}"#, #"{"t":[{"tt":1,"sg":[{"d":3000,"m":{"cdn_url":"a.m4a"}}]}]}"#] {
            let error = #expect(throws: RenderError.self) {
                try RenderPlan.make(timeline: timeline(draft), options: RenderOptions(), resolve: resolver())
            }
            #expect(error?.code == .emptyDraft)
        }
    }

    @Test("canvas sizes must be even and within 16...4096")
    func options() throws {
        #expect(throws: RenderError.self) { try RenderOptions(width: 1921, height: 1080).validate() }
        #expect(throws: RenderError.self) { try RenderOptions(width: 8, height: 8).validate() }
        try RenderOptions(width: 1080, height: 1920).validate()
    }
}
