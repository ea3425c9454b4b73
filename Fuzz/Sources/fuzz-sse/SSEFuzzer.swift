import CFuzzerDriver
import NemoSSE
import NemoSSEReference

/// Differential fuzz target: ``SSEParser`` fed in chunks must agree with the WHATWG reference parser.
///
/// The chunk boundaries come from a hash of the input, so every input is split the same way on every run (a
/// crash reproduces) yet differently from its neighbours. Each input is checked three times: whole, at up to
/// 24 hashed split points, and in chunks of 1 to 7 bytes (size also from the hash). A mismatch traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let stream = Array(UnsafeBufferPointer(start: data, count: size))
    let expected = SSEOutcome(reference: stream)
    var random = SplitMix64(seed: SplitMix64.fnv1a(stream))
    let pointCount = stream.isEmpty ? 0 : Int(random.next() % 25)
    let points = (0..<pointCount).map { _ in Int(random.next() % UInt64(stream.count + 1)) }.sorted()
    let chunkSize = Int(random.next() % 7) + 1
    let smallChunks = Array(stride(from: chunkSize, to: stream.count, by: chunkSize))
    for (name, boundaries) in [("whole", []), ("hashed splits", points), ("chunks of \(chunkSize)", smallChunks)] {
        let outcome = SSEOutcome(parsing: stream, splitAt: boundaries)
        if outcome != expected {
            fatalError(
                """
                SSEParser disagrees with the reference (\(name) \(boundaries))
                  parser:    \(outcome)
                  reference: \(expected)
                """)
        }
    }
    return 0
}

/// SwiftPM's renamed entry point for this executable: hands control to libFuzzer (see CFuzzerDriver.h).
@_cdecl("fuzz_sse_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    nemo_fuzz_run(argc, argv) { data, size in fuzz(data!, size) }
}
