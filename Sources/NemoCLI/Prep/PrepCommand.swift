public import ArgumentParser
import Foundation
import NemoCore
import NemoPrep

/// `nemo-prep` and `nemo prep`: normalise photos for upload with libvips.
public struct PrepCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "prep",
        abstract: "Prepare photos for video generation: upright, sRGB, one aspect, contrast, PNG under the size limit.",
        discussion: """
            Inputs are never modified; each PNG and manifest.json are written atomically into --output. A bad \
            file fails alone and the batch goes on. Exit status: 0 all done, 1 some images failed, 2 usage error \
            or the batch could not start.
            """)

    @Argument(help: "Image files or folders (format detected from content).")
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: "Folder for the PNGs and manifest.json (never an input's own file).")
    var output: String?

    @Flag(name: .shortAndLong, help: "Search folders recursively.")
    var recursive = false

    @Option(help: "Landscape box outputs fit in (portrait aspects use it turned): WxH.")
    var maxSize = "1920x1080"

    @Option(help: "One aspect for the batch: auto, 16:9, 9:16, 1:1, 4:5 or W:H.")
    var aspect = "auto"

    @Option(help: "How other aspects fit: crop (attention), pad (solid), blur (blurred copy), auto.")
    var fit: FitMode = .auto

    @Option(help: "With --fit auto: crop when at most this fraction of the image is lost, else blur-pad.")
    var cropMaxLoss = 0.2

    @Flag(help: "Allow enlarging images smaller than the frame.")
    var upscale = false

    @Option(help: "Contrast boost on lightness, 0 (off) to 1.")
    var contrast = 0.3

    @Option(help: "Size limit from a product profile: \(ProductProfile.all.map(\.slug).joined(separator: ", ")).")
    var profile: String?

    @Option(help: "Size limit in bytes (e.g. 20MB, 500KB); overrides --profile. Default: 20 MB.")
    var maxBytes: String?

    @Option(help: "Largest input accepted, in pixels (decompression-bomb guard).")
    var maxPixels = 200_000_000

    @Option(help: "PNG zlib level 0-9.")
    var pngCompression = 6

    @Option(help: "PNG row filter: none or all.")
    var pngFilter: PNGFilter = .none

    @Option(help: "Solid padding colour as #RRGGBB.")
    var padColor = "#000000"

    @Option(name: .shortAndLong, help: "Images processed at once (default: all cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Dry run: print the plan, write nothing.")
    var plan = false

    @Option(help: "Also write a PNG grid of before/after thumbnails to FILE.")
    var contactSheet: String?

    @Flag(help: "Machine-readable output: the manifest as JSON on stdout, no progress.")
    var json = false

    public init() {}

    public func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("Give at least one image file or folder.") }
        guard plan || output != nil else {
            throw ValidationError("Missing --output DIR: where the PNGs and manifest.json go.")
        }
        _ = try makeConfiguration()
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    }

    public func run() throws {
        let configuration = try makeConfiguration()
        let outputFolder = output ?? "prepped"
        let human = !json
        let inputs: [PlannedInput]
        do {
            inputs = try InputCollector(recursive: recursive, outputFolder: outputFolder).collect(self.inputs)
        } catch {
            Terminal.err("nemo-prep: \(error)\n")
            throw ExitStatus.usage.code
        }
        let bar = ProgressBar(
            title: plan ? "Reading" : "Preparing", total: inputs.count,
            enabled: human && Terminal.stdoutIsTerminal && Terminal.stderrIsTerminal)
        let manifest: PrepManifest
        do {
            manifest = try PrepRunner(configuration: configuration, jobs: jobs).run(
                inputs, outputFolder: outputFolder, dryRun: plan
            ) { progress in
                if let error = progress.error, human { bar.message("✗ \(error)") }
                bar.update(completed: progress.completed, detail: (progress.path as NSString).lastPathComponent)
            }
        } catch {
            bar.finish()
            Terminal.err("nemo-prep: \(error)\n")
            throw ExitStatus.usage.code
        }
        bar.finish()
        if let contactSheet, !plan {
            do {
                try ContactSheet.write(manifest, to: contactSheet)
            } catch {
                Terminal.err("nemo-prep: \(error)\n")
            }
        }
        if json {
            Terminal.out(String(decoding: manifest.jsonData(), as: UTF8.self))
        } else {
            Terminal.out(PrepReportFormatter(manifest: manifest, outputFolder: outputFolder).text())
        }
        if manifest.summary.failed > 0 { throw ExitStatus.partialFailure.code }
    }

    private func makeConfiguration() throws -> PrepConfiguration {
        guard let size = PixelSize(parsing: maxSize) else {
            throw ValidationError("--max-size must look like 1920x1080, not '\(maxSize)'.")
        }
        guard let aspectChoice = AspectChoice(parsing: aspect) else {
            throw ValidationError("--aspect must be auto, 16:9, 9:16, 1:1, 4:5 or W:H, not '\(aspect)'.")
        }
        guard (0...1).contains(contrast) else { throw ValidationError("--contrast must be between 0 and 1.") }
        guard (0...1).contains(cropMaxLoss) else { throw ValidationError("--crop-max-loss must be between 0 and 1.") }
        guard (0...9).contains(pngCompression) else { throw ValidationError("--png-compression must be 0-9.") }
        guard maxPixels > 0 else { throw ValidationError("--max-pixels must be positive.") }
        var budget = ProductProfile.default.maxUploadBytes
        if let profile {
            guard let found = ProductProfile.named(profile) else {
                throw ValidationError(
                    "Unknown --profile '\(profile)'; use one of \(ProductProfile.all.map(\.slug).joined(separator: ", ")).")
            }
            budget = found.maxUploadBytes
        }
        if let maxBytes {
            guard let parsed = ByteCount.parse(maxBytes), parsed > 0 else {
                throw ValidationError("--max-bytes must be a size like 20000000, 20MB or 500KB, not '\(maxBytes)'.")
            }
            budget = parsed
        }
        guard let color = Self.parseColor(padColor) else {
            throw ValidationError("--pad-color must look like #000000, not '\(padColor)'.")
        }
        return PrepConfiguration(
            maxSize: size, aspect: aspectChoice, fit: fit, autoCropMaximumLoss: cropMaxLoss, allowUpscale: upscale,
            contrast: contrast, maxBytes: budget, maxPixels: maxPixels, pngCompression: pngCompression,
            pngFilter: pngFilter, padColor: color)
    }

    static func parseColor(_ text: String) -> [Double]? {
        let hex = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard hex.count == 6, let value = Int(hex, radix: 16) else { return nil }
        return [Double((value >> 16) & 0xFF), Double((value >> 8) & 0xFF), Double(value & 0xFF)]
    }
}

extension FitMode: ExpressibleByArgument {}
extension PNGFilter: ExpressibleByArgument {}
