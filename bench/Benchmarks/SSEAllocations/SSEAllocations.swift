import Benchmark
import Foundation
import NemoSSE

/// Allocations made by `SSEParser.parse(_:_:)` (the callback form) per dispatched event, for each line-ending style
/// and chunk size: one iteration parses the first `NEMO_BENCH_SSE_SAMPLE` bytes (default 4 MB) of
/// `$NEMO_BENCH_SSE_DIR/<shape>.sse` (written by `bench/run`), and `bench/run` divides the mallocs of an iteration by
/// the events it dispatches.
let benchmarks: @Sendable () -> Void = {
    let environment = ProcessInfo.processInfo.environment
    let folder = environment["NEMO_BENCH_SSE_DIR"] ?? "bench/.work/sse"
    let sample = Int(environment["NEMO_BENCH_SSE_SAMPLE"] ?? "") ?? 4_000_000
    for shape in ["lf", "crlf", "mixed"] {
        guard let contents = FileManager.default.contents(atPath: "\(folder)/\(shape).sse") else { continue }
        let stream = [UInt8](contents.prefix(sample))
        for chunk in [1, 64, 4096, 65536] {
            let configuration = Benchmark.Configuration(
                metrics: [.mallocCountTotal, .wallClock], maxDuration: .seconds(2), maxIterations: 20)
            Benchmark("parse \(shape) \(chunk) B", configuration: configuration) { benchmark in
                for _ in benchmark.scaledIterations {
                    var parser = SSEParser()
                    var events = 0
                    var start = 0
                    while start < stream.count {
                        let end = min(start + chunk, stream.count)
                        parser.parse(stream[start..<end]) { item in
                            // Use the event, or the optimiser may drop the allocations of an unused one.
                            if case .event(let event) = item {
                                events += 1
                                blackHole(event)
                            }
                        }
                        start = end
                    }
                    parser.finish()
                    blackHole(events)
                }
            }
        }
    }
}
