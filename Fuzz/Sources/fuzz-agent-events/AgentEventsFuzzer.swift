import CFuzzerDriver
import NemoAPI

/// Fuzz target: ``AgentEventDecoder`` and ``AgentTranscript`` on arbitrary text must never crash.
///
/// The input (decoded as UTF-8 with repair) is one event's data, then each of its lines is also decoded as a
/// separate event's data and applied, in order, to one transcript, so sequences of events are exercised too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let decoder = AgentEventDecoder()
    var transcript = AgentTranscript()
    let whole = decoder.decode(data: text)
    transcript.apply(whole.events)
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
        transcript.apply(decoder.events(fromData: String(line)))
    }
    // Read every derived property: they are computed from what was applied.
    _ = (transcript.text, transcript.draft, transcript.hasText, transcript.isSilentCompletion)
    _ = (transcript.ignoresTemporaryIssue, whole.shape, whole.metadata)
    return 0
}

/// SwiftPM's renamed entry point for this executable: hands control to libFuzzer (see CFuzzerDriver.h).
@_cdecl("fuzz_agent_events_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    nemo_fuzz_run(argc, argv) { data, size in fuzz(data!, size) }
}
