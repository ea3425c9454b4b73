import Foundation
import NemoPrep

/// The human summary of a nemo-prep run: one line per image, then totals.
struct PrepReportFormatter {
    let manifest: PrepManifest
    let outputFolder: String

    func text() -> String {
        var lines: [String] = []
        let aspect = manifest.aspect
        let how = aspect.requested == "auto" ? "chosen for the batch" : "as asked"
        lines.append("Aspect \(aspect.chosen) (\(how)), frame \(aspect.frame)")
        for entry in manifest.images {
            let name = entry.input.path
            if let error = entry.error {
                lines.append("  ✗ \(name): \(error.message)")
                continue
            }
            guard let plan = entry.plan else { continue }
            let source = "\(entry.input.format ?? "?") \(entry.input.width ?? 0)x\(entry.input.height ?? 0)"
            var fit = plan.fit
            if plan.fit == "crop" && plan.cropLoss > 0 { fit += " \(Int((plan.cropLoss * 100).rounded()))%" }
            if let output = entry.output {
                lines.append(
                    "  ✓ \(name): \(source) → \(fit) → \(output.width)x\(output.height) "
                        + "\(ByteCount.format(output.bytes)) → \(output.path)")
            } else {
                lines.append("  • \(name): \(source) → \(fit) → \(plan.outputSize) → \(plan.outputPath)")
            }
        }
        let summary = manifest.summary
        if manifest.dryRun {
            lines.append("Plan only: \(summary.succeeded) of \(summary.total) images would be prepared; nothing written.")
        } else {
            var last = "Prepared \(summary.succeeded) of \(summary.total) images into \(outputFolder)"
            if summary.failed > 0 { last += "; \(summary.failed) failed" }
            lines.append(last + ". Manifest: \((outputFolder as NSString).appendingPathComponent("manifest.json"))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
