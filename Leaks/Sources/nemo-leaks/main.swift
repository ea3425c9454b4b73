import Foundation

/// nemo-leaks [--iterations N] [--report-every N] [--only curl,vips,av] [--fixtures DIR] [--max-growth MIB]
///
/// Loops over the operations of nemo that own C handles (libcurl, libvips, libav) and reports resident memory.
/// Exit status: 0 when every operation behaved and the growth after warm-up is within `--max-growth` (when given),
/// 1 otherwise, 2 for a bad argument, 3 when LeakSanitizer (in a `--sanitize=address` build) found memory no longer
/// reachable after the loop and nothing else failed. Run it under `valgrind --leak-check=full` with a small N, or build it with
/// `--sanitize=address` and run it with `ASAN_OPTIONS=detect_leaks=1` (see scripts/harden).
let usage = """
    usage: nemo-leaks [--iterations N] [--report-every N] [--only curl,vips,av] [--fixtures DIR] [--max-growth MIB]
      --iterations N     iterations of the loop (default 10000); each does every chosen family's operations
      --report-every N   iterations between resident-memory reports (default 1000)
      --only LIST        families to run, comma-separated (default curl,vips,av)
      --fixtures DIR     the repository's Fixtures folder (default: found from this source file)
      --max-growth MIB   fail when resident memory grows more than MIB over the second half of the run
    """

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("nemo-leaks: \(message)\n".utf8))
    exit(status)
}

var iterations = 10_000
var reportEvery = 1_000
var families = ["curl", "vips", "av"]
var fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Fixtures")
    .standardized
var maxGrowth: Double?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "-h" || argument == "--help" {
        print(usage)
        exit(0)
    }
    guard let value = arguments.popFirst() else { fail("\(argument) needs a value\n\(usage)", status: 2) }
    switch argument {
    case "--iterations", "--report-every":
        guard let number = Int(value), number > 0 else { fail("\(argument) needs a positive number", status: 2) }
        if argument == "--iterations" { iterations = number } else { reportEvery = number }
    case "--only":
        families = value.split(separator: ",").map(String.init)
        guard !families.isEmpty, families.allSatisfy(["curl", "vips", "av"].contains) else {
            fail("--only takes curl, vips and av, comma-separated", status: 2)
        }
    case "--fixtures":
        fixtures = URL(fileURLWithPath: value)
    case "--max-growth":
        guard let number = Double(value), number >= 0 else { fail("--max-growth needs a number of MiB", status: 2) }
        maxGrowth = number
    default:
        fail("unknown argument \(argument)\n\(usage)", status: 2)
    }
}

// The bad images make libvips warn on stderr each time ("error in tile ..."): thousands of lines that say nothing
// the checks do not. VIPS_WARNING silences libvips' warnings (a value already set is kept).
setenv("VIPS_WARNING", "0", 0)
/// Runs the loop and reports; returns the exit status. (A function, so that nothing it made is still held by a global
/// at exit, where LeakSanitizer cannot see Swift's tagged string pointers and would report a false leak.)
func execute(
    families: [String], fixtures: URL, iterations: Int, reportEvery: Int, maxGrowth: Double?
) async -> Int32 {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("nemo-leaks-\(getpid())")
    defer { try? FileManager.default.removeItem(at: scratch) }
    do {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    } catch {
        return complain("cannot create \(scratch.path): \(error)")
    }
    let workloads: [any Workload] = families.map { family -> any Workload in
        switch family {
        case "curl": CurlWorkload(fixtures: fixtures, folder: scratch)
        case "vips": VipsWorkload(folder: scratch)
        default: AVWorkload(folder: scratch)
        }
    }
    do {
        let figures = try await LeakRun(iterations: iterations, reportEvery: reportEvery, workloads: workloads).run()
        let f = LeakRun.format
        report(
            "result: iterations=\(figures.iterations) operations=\(figures.operations) "
                + "rss_start_mib=\(f(figures.startMiB)) rss_warm_mib=\(f(figures.warmMiB)) "
                + "rss_end_mib=\(f(figures.endMiB)) growth_mib=\(f(figures.growthMiB)) seconds=\(f(figures.seconds))")
        if LeakSanitizer.isPresent {
            let leaked = LeakSanitizer.findsLeaks()
            report("leak check after \(figures.operations) operations: \(leaked ? "LEAKS (report above)" : "no leaks")")
            if leaked {
                complain("LeakSanitizer found memory no longer reachable after the loop (report above)")
                return 3
            }
        }
        if let maxGrowth, figures.growthMiB > maxGrowth {
            return complain(
                "resident memory grew \(f(figures.growthMiB)) MiB over the second half of the run, over the "
                    + "\(f(maxGrowth)) MiB allowed: a leak; run it under LeakSanitizer (scripts/harden) to find it")
        }
        return 0
    } catch {
        return complain("\(error)")
    }
}

/// Prints `message` on standard error and returns the failure status 1.
@discardableResult
func complain(_ message: String) -> Int32 {
    FileHandle.standardError.write(Data("nemo-leaks: \(message)\n".utf8))
    return 1
}

exit(
    await execute(
        families: families, fixtures: fixtures, iterations: iterations, reportEvery: reportEvery, maxGrowth: maxGrowth))
