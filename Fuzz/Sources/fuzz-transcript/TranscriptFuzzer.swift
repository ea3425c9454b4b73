import CFuzzerDriver
import NemoMock

/// Fuzz target: the mock's transcript and scenario readers on arbitrary text must throw or succeed, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? TranscriptParser.parse(text, file: "fuzz/input.transcript")
    _ = try? Scenario.parse(text, file: "fuzz/input.scenario")
    _ = Fault.parseList(text)
    return 0
}

/// SwiftPM's renamed entry point for this executable: hands control to libFuzzer (see CFuzzerDriver.h).
@_cdecl("fuzz_transcript_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    nemo_fuzz_run(argc, argv) { data, size in fuzz(data!, size) }
}
