import CFuzzerDriver
import NemoAPI

/// Fuzz target: JSON text → ``JSONValue`` → ``Timeline`` / ``SessionState`` and everything derived from them
/// (summary, labels, duration, ``TimelineChange``) must never crash, whatever the bytes.
///
/// The draft is looked for both as the whole document and as a `SessionState` wire payload, and the change is
/// computed from an empty timeline, to itself, and between the two readings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let json = try? JSONValue(parsingUTF8: UnsafeBufferPointer(start: data, count: size)) else {
        return 0
    }
    var timelines = [Timeline(draft: json)]
    if let state = try? SessionState(wire: json) {
        timelines.append(state.timeline)
    }
    var output: [String] = []
    for timeline in timelines {
        output.append(timeline.summary)
        output += timeline.labels
        output += timeline.tracks.indices.map { timeline.label(ofTrackAt: $0) }
        output.append(Timeline.seconds(timeline.durationMilliseconds))
        output.append(timeline.isReadyForExport ? "ready" : "not ready")
        output.append(TimelineChange(from: Timeline(tracks: []), to: timeline).description)
        output.append(TimelineChange(from: timeline, to: timeline).description)
    }
    output.append(TimelineChange(from: timelines[0], to: timelines[timelines.count - 1]).description)
    var serialized: [UInt8] = []
    json.append(to: &serialized)
    _ = (output, serialized)
    return 0
}

/// SwiftPM's renamed entry point for this executable: hands control to libFuzzer (see CFuzzerDriver.h).
@_cdecl("fuzz_timeline_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    nemo_fuzz_run(argc, argv) { data, size in fuzz(data!, size) }
}
