import Foundation
import NemoCore
import NemoVips

/// Runs a whole batch: plan, process in parallel, write outputs and the manifest.
///
/// Each job runs one single-threaded libvips pipeline on its own thread, so `jobs` images are in flight at once
/// and memory stays bounded by `jobs` images at output size (plus libvips' shrink-on-load buffers).
public struct PrepRunner: Sendable {
    /// The options.
    public let configuration: PrepConfiguration
    /// Images processed at once (default: all cores).
    public let jobs: Int

    /// Creates a runner.
    public init(configuration: PrepConfiguration, jobs: Int? = nil) {
        self.configuration = configuration
        self.jobs = max(1, jobs ?? Self.defaultJobs)
    }

    /// One job per core.
    public static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Progress of a batch: called once per finished image, from worker threads.
    public struct Progress: Sendable {
        /// Images finished so far.
        public let completed: Int
        /// Images in the batch.
        public let total: Int
        /// The image just finished.
        public let path: String
        /// Its failure, if it failed.
        public let error: PrepError?
    }

    /// Plans `inputs`; with `dryRun` stops there and writes nothing, otherwise processes every planned image,
    /// writes each PNG and `manifest.json` into `outputFolder` atomically, and returns the manifest.
    ///
    /// - Throws: only for problems of the whole batch (libvips cannot start, the output folder cannot be made).
    ///   A bad image is recorded in the manifest and the batch goes on.
    public func run(
        _ inputs: [PlannedInput], outputFolder: String, dryRun: Bool = false,
        progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) throws(PrepError) -> PrepManifest {
        let plan: BatchPlan
        do {
            Vips.setThreadsPerPipeline(jobs > 1 ? 1 : ProcessInfo.processInfo.activeProcessorCount)
            plan = try BatchPlanner(configuration: configuration).plan(inputs, jobs: jobs)
        } catch {
            throw PrepError(.processingFailed, path: nil, message: "libvips could not start: \(error)")
        }
        if !dryRun { try prepareOutputFolders(for: inputs, outputFolder: outputFolder) }

        let processor = ImageProcessor(configuration: configuration)
        let recheck = InputRecheck(maxPixels: configuration.maxPixels)
        let counter = AtomicCounter()
        let images = plan.images
        let outcomes = ParallelMap.run(images.count, jobs: jobs) { index -> ImageOutcome in
            var outcome = ImageOutcome(inputSHA256: Checksum.sha256(fileAt: images[index].path))
            var failure: PrepError?
            switch images[index] {
            case .planned(let imagePlan):
                if !dryRun {
                    let result = recheck.check(imagePlan.input).map { .failure($0) } ?? processor.process(imagePlan)
                    outcome.result = result
                    if case .failure(let error) = result { failure = error }
                }
            case .failed(_, let error):
                failure = error
            }
            progress(
                Progress(completed: counter.next(), total: images.count, path: images[index].path, error: failure))
            return outcome
        }
        let entries = zip(images, outcomes).map { ManifestBuilder.entry(for: $0, outcome: $1, dryRun: dryRun) }
        if dryRun {
            return ManifestBuilder.manifest(plan, configuration: configuration, entries: entries, dryRun: true)
        }
        let manifest = ManifestBuilder.manifest(plan, configuration: configuration, entries: entries, dryRun: false)
        let manifestPath = (outputFolder as NSString).appendingPathComponent("manifest.json")
        do {
            try AtomicFile.write(manifest.jsonData(), to: manifestPath)
        } catch {
            throw PrepError(.outputNotWritable, path: manifestPath, message: error.description)
        }
        return manifest
    }

    /// Creates the output folder and any subfolders the outputs mirror, and checks that it can be written.
    private func prepareOutputFolders(for inputs: [PlannedInput], outputFolder: String) throws(PrepError) {
        let folders = Set([outputFolder] + inputs.map { ($0.outputPath as NSString).deletingLastPathComponent })
        for folder in folders.sorted() {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw PrepError(
                    .outputNotWritable, path: folder,
                    message: "cannot create the output folder: \(error.localizedDescription)")
            }
        }
        guard access(outputFolder, W_OK) == 0 else {
            throw PrepError(
                .outputNotWritable, path: outputFolder,
                message: "the output folder is not writable; choose another --output or fix its permissions")
        }
    }
}

/// What a worker produced for one input.
struct ImageOutcome: Sendable {
    /// The input's checksum, taken before processing.
    var inputSHA256: String?
    /// The processing result; `nil` for a dry run or an input that failed planning.
    var result: Result<ProcessedImage, PrepError>?
}
