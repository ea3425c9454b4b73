import Foundation

/// The leak loop: runs every workload once per iteration, and prints resident memory at the start, every
/// `reportEvery` iterations and at the end, with the growth over the second half of the run. The first half is the
/// warm-up: caches, pools, malloc arenas and lazily loaded codecs fill and level off; a leak keeps growing.
struct LeakRun {
    /// Iterations to run.
    var iterations: Int
    /// Iterations between two memory reports.
    var reportEvery: Int
    /// The workloads, run in this order within each iteration.
    var workloads: [any Workload]

    /// The figures of a finished run.
    struct Figures {
        /// Iterations run.
        var iterations: Int
        /// Operations done (iterations times operations per iteration).
        var operations: Int
        /// Resident MiB before the first iteration, at the first report at or after half of the run, and at the end.
        var startMiB: Double, warmMiB: Double, endMiB: Double
        /// Seconds the loop took.
        var seconds: Double

        /// Resident growth over the second half of the run (from the half-way report to the end), in MiB.
        var growthMiB: Double { endMiB - warmMiB }
    }

    /// Runs the loop, printing a line per report; throws the first operation that misbehaves.
    func run() async throws -> Figures {
        for workload in workloads { try await workload.start() }
        let names = workloads.map(\.name).joined(separator: "+")
        let start = ContinuousClock.now
        let startMiB = Self.residentMiB()
        var warmMiB: Double?
        report("nemo-leaks: \(names), \(iterations) iterations, rss \(Self.format(startMiB)) MiB at start")
        do {
            for index in 0..<iterations {
                for workload in workloads { try await workload.iterate(index) }
                let done = index + 1
                if done % reportEvery == 0 || done == iterations {
                    let rss = Self.residentMiB()
                    if warmMiB == nil, done * 2 >= iterations { warmMiB = rss }
                    let seconds = (ContinuousClock.now - start).seconds
                    report("  iteration \(done): rss \(Self.format(rss)) MiB, \(String(format: "%.1f", seconds)) s")
                }
            }
        } catch {
            for workload in workloads { await workload.stop() }
            throw error
        }
        for workload in workloads { await workload.stop() }
        let perIteration = workloads.map(\.operationsPerIteration).reduce(0, +)
        return Figures(
            iterations: iterations, operations: iterations * perIteration, startMiB: startMiB,
            warmMiB: warmMiB ?? startMiB, endMiB: Self.residentMiB(), seconds: (ContinuousClock.now - start).seconds)
    }

    /// Resident memory now, in MiB (0 where it cannot be read).
    static func residentMiB() -> Double {
        Double(ResidentMemory.bytes() ?? 0) / 1_048_576
    }

    /// One decimal.
    static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}

/// Writes a line to standard output at once (unbuffered, so a log file shows a long run's progress).
func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
