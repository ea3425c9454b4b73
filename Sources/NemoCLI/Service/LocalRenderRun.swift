import Foundation
import NemoAPI
import NemoRender
import Synchronization

/// One run of the offline renderer for a command: on a thread of its own (it is CPU-bound for seconds, which must not
/// hold a thread of Swift's shared pool), with a progress bar on a terminal, `render_local` events under `--json`,
/// and Ctrl-C (task cancellation) stopping it between frames.
struct LocalRenderRun {
    let reporter: Reporter

    /// Renders `draft` to `destination`.
    func render(
        _ draft: JSONValue, to destination: String, options: RenderOptions, resolve: @escaping MediaResolver
    ) async throws -> RenderReport {
        let cancelled = Atomic(false)
        let reporter = self.reporter
        let lastPercent = Atomic(-1)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let thread = Thread {
                    let result = Result { () throws(RenderError) -> RenderReport in
                        try Renderer.render(
                            draft: draft, to: destination, options: options, resolve: resolve,
                            progress: { progress in
                                reporter.progress(
                                    "Rendering  ", done: progress.frame, total: progress.frameCount, unit: .items)
                                let percent = Int(progress.fraction * 100)
                                guard reporter.json, lastPercent.exchange(percent, ordering: .relaxed) != percent
                                else { return }
                                reporter.event(
                                    "render_local",
                                    [
                                        "frame": .number(Double(progress.frame)),
                                        "frames": .number(Double(progress.frameCount)),
                                        "progress": .number(Double(percent)),
                                    ])
                            },
                            isCancelled: { cancelled.load(ordering: .relaxed) })
                    }
                    continuation.resume(with: result.mapError { $0 as any Error })
                }
                thread.name = "nemo render"
                thread.start()
            }
        } onCancel: {
            cancelled.store(true, ordering: .relaxed)
        }
    }

    /// Shows the render's warnings and its result (the `result` event).
    func report(_ report: RenderReport) {
        reporter.endBar()
        for warning in report.warnings {
            reporter.event("warning", ["message": .string(warning)], human: "⚠ \(warning)")
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: report.path)[.size] as? Int) ?? 0
        reporter.event(
            "result",
            [
                "output": .string(report.path), "bytes": .number(Double(bytes)), "local": .bool(true),
                "duration": .number(report.duration), "frames": .number(Double(report.frameCount)),
                "width": .number(Double(report.width)), "height": .number(Double(report.height)),
            ],
            human: "✓ Rendered \(report.path) on this machine (\(report.width)x\(report.height), "
                + "\(String(format: "%.1f", report.duration)) s, \(ByteCount.format(bytes)))")
    }
}
