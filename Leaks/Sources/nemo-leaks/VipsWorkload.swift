import Foundation
import NemoPrep

/// libvips through NemoPrep's public `PrepRunner`: per iteration one batch of a small generated PNG (decoded,
/// fitted, contrast-boosted, encoded) and two bad inputs (a JPEG header over garbage, a truncated PNG) that must fail
/// on their own and be recorded as failures.
final class VipsWorkload: Workload {
    let name = "vips"
    let operationsPerIteration = 3
    private let folder: URL
    private let runner = PrepRunner(
        configuration: PrepConfiguration(maxSize: PixelSize(width: 64, height: 36)), jobs: 1)
    private var inputs: [PlannedInput] = []

    /// Creates the workload; `folder` is a scratch folder.
    init(folder: URL) {
        self.folder = folder
    }

    func start() async throws {
        let input = folder.appendingPathComponent("prep-in", isDirectory: true)
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let picture = TinyMedia.png(width: 96, height: 64)
        let files: [(String, [UInt8])] = [
            ("photo.png", picture),
            ("corrupt.jpg", [0xFF, 0xD8, 0xFF, 0xE0] + [UInt8](repeating: 0x5A, count: 2_000)),
            ("truncated.png", Array(picture.prefix(picture.count / 2))),
        ]
        for (file, bytes) in files {
            try Data(bytes).write(to: input.appendingPathComponent(file))
        }
        inputs = files.map { file in
            PlannedInput(
                path: input.appendingPathComponent(file.0).path,
                outputPath: folder.appendingPathComponent("prep-out/\(file.0).png").path)
        }
    }

    func stop() async {}

    func iterate(_ index: Int) async throws {
        let manifest = try runner.run(inputs, outputFolder: folder.appendingPathComponent("prep-out").path)
        guard manifest.summary.succeeded == 1, manifest.summary.failed == 2 else {
            let errors = manifest.images.compactMap { $0.error.map { "\($0)" } }.joined(separator: "; ")
            throw LeakFailure(
                "vips.batch",
                "expected 1 image made and 2 refused, got \(manifest.summary.succeeded) and "
                    + "\(manifest.summary.failed): \(errors)")
        }
    }
}
