import CFuzzerDriver
import Foundation
import NemoPrep

/// Fuzz target: nemo-prep's format sniffing and batch planning on a hostile image file must never crash.
///
/// The bytes are sniffed, then written to one file in a private temporary folder, collected with
/// ``InputCollector`` and planned with ``BatchPlanner`` (which initialises libvips and reads headers only:
/// no pixels are decoded). A bad file must come back as a planned failure, not a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    _ = SniffedContent.sniff(Array(bytes.prefix(SniffedContent.headerLength)))
    _ = SniffedContent.sniff(Array(bytes))
    let workspace = FuzzWorkspace.shared
    guard FileManager.default.createFile(atPath: workspace.inputPath, contents: Data(bytes)) else {
        fatalError("cannot write \(workspace.inputPath)")
    }
    do {
        let inputs = try InputCollector(recursive: false, outputFolder: workspace.outputFolder)
            .collect([workspace.inputPath])
        _ = try BatchPlanner(configuration: PrepConfiguration()).plan(inputs)
    } catch {
        // Errors are fine (an unreadable batch, libvips failing to start); only crashes are findings.
    }
    return 0
}

/// The temporary folder one fuzzing process writes its inputs to.
struct FuzzWorkspace: Sendable {
    /// The process's folder.
    let folder: String
    /// Where each input is written (always the same file, overwritten).
    var inputPath: String { folder + "/input.img" }
    /// The planner's output folder (planning writes nothing to it).
    var outputFolder: String { folder + "/out" }

    /// The workspace of this process, created on first use.
    static let shared: FuzzWorkspace = {
        let folder = NSTemporaryDirectory() + "nemo-fuzz-prep-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        return FuzzWorkspace(folder: folder)
    }()
}

/// SwiftPM's renamed entry point for this executable: hands control to libFuzzer (see CFuzzerDriver.h).
@_cdecl("fuzz_prep_header_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    nemo_fuzz_run(argc, argv) { data, size in fuzz(data!, size) }
}
