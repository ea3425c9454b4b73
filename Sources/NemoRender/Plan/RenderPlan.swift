import Foundation
import NemoAPI

/// What the renderer will draw, worked out from a draft before any pixel is touched: the clips of the video track
/// with their motion and transitions, the titles, the music, the length, and what the renderer could not honour.
struct RenderPlan: Sendable, Equatable {
    /// The video track's pictures, in time order.
    var clips: [VisualClip]
    /// The titles of the text tracks.
    var titles: [TitleCue]
    /// The music of the audio tracks.
    var audio: [AudioClip]
    /// The video's length in seconds.
    var duration: Double
    /// Frames per second.
    var framesPerSecond: Int
    /// What the draft asked for that the video will not show, one sentence each.
    var warnings: [String]

    /// The number of frames: the duration at the frame rate, rounded.
    var frameCount: Int { Int((duration * Double(framesPerSecond)).rounded()) }
}

extension RenderPlan {
    /// Plans `timeline`, resolving media with `resolve`.
    ///
    /// Throws `.emptyDraft` when there is nothing to show, `.missingMedia` when a segment names a file `resolve`
    /// cannot find.
    static func make(
        timeline: Timeline, options: RenderOptions, resolve: MediaResolver
    ) throws(RenderError) -> RenderPlan {
        var warnings: [String] = []
        var clips: [VisualClip] = []
        var titles: [TitleCue] = []
        var audio: [AudioClip] = []
        var videoTracks = 0
        for (number, track) in timeline.tracks.enumerated() {
            switch track.kind {
            case .video:
                videoTracks += 1
                guard videoTracks == 1 else {
                    warnings.append(
                        "Video track \(number + 1) is not drawn: offline rendering shows the first video track only.")
                    continue
                }
                clips = try videoClips(track, options: options, resolve: resolve)
            case .audio:
                audio += try musicClips(track, number: number + 1, resolve: resolve, warnings: &warnings)
            case .text:
                titles += track.segments.compactMap(TitleCue.init(segment:))
            case .other(let code):
                warnings.append(
                    "Track \(number + 1) (type \(code)) is not rendered offline: only video (0), audio (1) and "
                        + "text (7) tracks are.")
            }
        }
        // A card shows its segment's name, so a generated clip the service would have made reads as a placeholder.
        titles += clips.filter { $0.source == .card }.map {
            TitleCue(text: $0.name, start: $0.start, end: $0.end, position: .centre, fade: min(0.5, $0.duration / 4))
        }
        let videoEnd = clips.map(\.end).max() ?? 0
        let duration = videoEnd > 0 ? videoEnd : (titles.map(\.end).max() ?? 0)
        guard duration > 0 else {
            throw RenderError(
                .emptyDraft, "The draft has no video or title segment with a duration: nothing to render.")
        }
        var plan = RenderPlan(
            clips: clips, titles: titles.filter { $0.start < duration }, audio: [], duration: duration,
            framesPerSecond: options.framesPerSecond, warnings: warnings)
        plan.audio = (audio + plan.videoSound()).filter { $0.start < duration }
        return plan
    }

    /// The content segments of a video track as clips, with the transitions between them.
    private static func videoClips(
        _ track: Timeline.Track, options: RenderOptions, resolve: MediaResolver
    ) throws(RenderError) -> [VisualClip] {
        var clips: [VisualClip] = []
        var pendingTransition: Transition?
        let trackTransition = JSONValue.object(track.metadata).member("transition")?.lenientString
        for segment in track.segments {
            let reference = MediaReference(segment: segment)
            if segment.isTransition && reference == nil {
                // A transition marker between two clips: its name, and its duration when it has one.
                let seconds = segment.durationMilliseconds > 0 ? Double(segment.durationMilliseconds) / 1000 : nil
                pendingTransition = transition(named: segment.metadata["transition"]?.lenientString, seconds: seconds,
                    options: options)
                continue
            }
            guard segment.durationMilliseconds > 0 else { continue }
            let index = clips.count
            let name = segment.name ?? "Clip \(index + 1)"
            let source: VisualClip.Source
            let meta = JSONValue.object(segment.metadata)
            if let reference {
                guard let path = resolve(reference) else {
                    throw RenderError(
                        .missingMedia,
                        "Segment \(index + 1) of the video track refers to \(reference.label), which is not "
                            + "available: upload it again, or remove it from the draft.")
                }
                let inPoint = meta.member("trim_start_ms", "source_start_ms")?.lenientDouble
                    .map { $0.isFinite ? min(max(0, $0), maximumInPointMilliseconds) / 1000 : 0 }
                source = reference.isVideo ? .video(path: path, inPoint: inPoint ?? 0) : .file(path: path)
            } else {
                source = .card
            }
            let start = Double(segment.startMilliseconds) / 1000
            var clip = VisualClip(
                index: index, source: source, name: name, start: start,
                end: Double(segment.endMilliseconds) / 1000,
                motion: meta.member("motion", "effect", "animation", "camera")?.lenientString.flatMap(Motion.init(name:))?
                    .kind)
            clip.volume = (segment.volume ?? track.metadata["volume"]?.lenientDouble).map(gain) ?? 1
            if let previous = clips.last, abs(previous.end - start) < 0.001 {
                let named = meta.member("transition_in", "transition")?.lenientString
                let seconds = meta.member("transition_ms")?.lenientDouble.map { $0 / 1000 }
                let chosen =
                    pendingTransition
                    ?? transition(named: named ?? trackTransition, seconds: seconds, options: options)
                clip.transitionIn = chosen.flatMap { fitted($0, between: previous, and: clip) }
            }
            pendingTransition = nil
            clips.append(clip)
        }
        return clips
    }

    /// The transition a name asks for (the default when `nil`); `nil` for a cut or a name not understood.
    private static func transition(named name: String?, seconds: Double?, options: RenderOptions) -> Transition? {
        let duration = seconds ?? options.defaultTransitionSeconds
        let transition = Transition(name: name ?? options.defaultTransition, duration: duration)
        return transition?.kind == .cut ? nil : transition
    }

    /// `transition` shortened so it takes at most half of either clip.
    private static func fitted(_ transition: Transition, between a: VisualClip, and b: VisualClip) -> Transition? {
        var fitted = transition
        fitted.duration = min(transition.duration, a.duration / 2, b.duration / 2)
        return fitted.duration >= 0.05 ? fitted : nil
    }

    /// The latest in-point taken from a draft: 100 hours (a larger number is a broken draft, not a video).
    private static let maximumInPointMilliseconds = 360_000_000.0

    /// A volume as sent (a share, or a percentage when above 1) as a gain in 0...1.
    private static func gain(_ volume: Double) -> Double {
        min(1, volume > 1 ? volume / 100 : max(0, volume))
    }

    /// An audio track's segments as music clips.
    private static func musicClips(
        _ track: Timeline.Track, number: Int, resolve: MediaResolver, warnings: inout [String]
    ) throws(RenderError) -> [AudioClip] {
        var clips: [AudioClip] = []
        for segment in track.contentSegments where segment.durationMilliseconds > 0 {
            let name = segment.name ?? "music"
            guard let reference = MediaReference(segment: segment) else {
                warnings.append(
                    "The music \"\(name)\" on track \(number) names no audio file, so the video has no music there.")
                continue
            }
            guard let path = resolve(reference) else {
                throw RenderError(
                    .missingMedia,
                    "The music \"\(name)\" on track \(number) refers to \(reference.label), which is not "
                        + "available: upload it again, or remove it from the draft.")
            }
            let duration = Double(segment.durationMilliseconds) / 1000
            let volume = segment.volume.map(gain) ?? track.volume ?? 1
            clips.append(
                AudioClip(
                    path: path, start: Double(segment.startMilliseconds) / 1000, duration: duration,
                    volume: min(1, volume), fadeIn: min(1.5, duration / 4), fadeOut: min(2.5, duration / 4),
                    loops: true))
        }
        return clips
    }
}

extension TitleCue {
    /// The title a text segment shows; `nil` for a segment without text or duration.
    init?(segment: Timeline.Segment) {
        guard let text = segment.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty,
            segment.durationMilliseconds > 0
        else { return nil }
        let meta = JSONValue.object(segment.metadata)
        let duration = Double(segment.durationMilliseconds) / 1000
        self.init(
            text: text, start: Double(segment.startMilliseconds) / 1000,
            end: Double(segment.endMilliseconds) / 1000,
            position: TitlePosition(name: meta.member("position", "align", "placement")?.lenientString),
            fade: min(0.5, duration / 4))
    }
}
