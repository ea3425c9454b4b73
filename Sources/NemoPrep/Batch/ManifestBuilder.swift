import Foundation
import NemoVips

/// Assembles manifest entries from plans and processing outcomes.
enum ManifestBuilder {
    static func manifest(
        _ plan: BatchPlan, configuration: PrepConfiguration, entries: [ManifestEntry], dryRun: Bool
    ) -> PrepManifest {
        let failed = entries.filter { $0.status == "failed" }.count
        let losses: [String: Double]? = plan.candidateLosses.isEmpty ? nil : plan.candidateLosses
        return PrepManifest(
            libvips: Vips.version, dryRun: dryRun, configuration: configuration,
            aspect: .init(
                requested: plan.aspectChoice.description, chosen: plan.aspect.description,
                frame: plan.frame.description, candidateLosses: losses),
            images: entries,
            summary: .init(total: entries.count, succeeded: entries.count - failed, failed: failed))
    }

    static func entry(for planned: PlannedImage, outcome: ImageOutcome, dryRun: Bool) -> ManifestEntry {
        switch planned {
        case .failed(let path, let error):
            return ManifestEntry(
                status: "failed", input: .init(path: path, sha256: outcome.inputSHA256),
                error: .init(code: error.code.rawValue, message: error.message))
        case .planned(let plan):
            let input = plan.input
            var entry = ManifestEntry(
                status: dryRun ? "planned" : "ok",
                input: .init(
                    path: input.path, sha256: outcome.inputSHA256, format: input.format.rawValue,
                    bytes: input.bytes, width: input.uprightSize.width, height: input.uprightSize.height,
                    orientation: input.orientation, colourSpace: input.colourSpace,
                    bitsPerSample: input.bitsPerSample, hasAlpha: input.hasAlpha),
                plan: .init(
                    fit: plan.fit.rawValue, cropLoss: ImageProcessor.round(plan.cropLoss),
                    scale: ImageProcessor.round(plan.scale), scaledSize: plan.scaledSize.description,
                    outputSize: plan.outputSize.description, outputPath: plan.outputPath))
            switch outcome.result {
            case .success(let processed):
                entry.operations = processed.operations
                entry.output = .init(
                    path: plan.outputPath, bytes: processed.outputBytes, width: processed.outputSize.width,
                    height: processed.outputSize.height, sha256: processed.outputSHA256)
            case .failure(let error):
                entry.status = "failed"
                entry.error = .init(code: error.code.rawValue, message: error.message)
            case nil:
                break
            }
            return entry
        }
    }
}

extension PrepManifest {
    /// Pretty-printed JSON with sorted keys (stable across runs).
    public func jsonData(pretty: Bool = true) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types cannot fail.
        return [UInt8]((try? encoder.encode(self)) ?? Data()) + [0x0A]
    }
}
