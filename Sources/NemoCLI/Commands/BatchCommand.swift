public import ArgumentParser
import Foundation
import NemoAPI
import NemoCore
import Synchronization
import Yams

/// `nemo batch PLAN`: several photos, each with its own instruction and its own render, in one session.
public struct BatchCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run a plan file (JSON or YAML): one session, one upload, message and render per job.",
        discussion: """
            Plan: {"jobs": [{"images": ["a.jpg"], "prompt": "animate this image", "out": "a.mp4"}, ...]}. \
            Paths are relative to the plan file. A failed job is reported and the next one runs; the exit status \
            is 1 when some failed.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The plan file (.json, .yaml or .yml).") var plan: String

    public init() {}

    public func run() async throws {
        let batch = try BatchPlan.load(plan)
        let failures = Failures()
        try await ServiceContext.run(global, reuseSession: false) { context in
            try await context.client.startSession(language: LanguageDetector.detect(batch.jobs.first?.prompt ?? ""))
            for (index, job) in batch.jobs.enumerated() {
                let number = index + 1
                do {
                    try await Self.run(job, number: number, context: context)
                } catch let error as NemoAPIError where ![.outOfCredits, .tokenInvalid].contains(error.code) {
                    failures.add()
                    context.reporter.failure(
                        "job \(number): \(ErrorMapping.message(for: error))", code: error.code.rawValue,
                        status: ErrorMapping.status(for: error.code))
                }
            }
        }
        if failures.count > 0 { throw ExitCodeOnly(status: .partialFailure) }
    }

    private static func run(_ job: BatchPlan.Job, number: Int, context: ServiceContext) async throws {
        let reporter = context.reporter
        reporter.event("job", ["job": .number(Double(number)), "prompt": .string(job.prompt)], human: "Job \(number): \(job.prompt)")
        if !job.images.isEmpty { _ = try await context.client.upload(files: job.images) }
        for try await update in context.client.send(message: job.prompt) { reporter.message(update) }
        let result = try await context.client.export(to: job.out) { reporter.export($0) }
        reporter.endBar()
        reporter.event(
            "result", ["job": .number(Double(number)), "output": .string(result.path), "render_id": .string(result.renderID)],
            human: "✓ Job \(number) saved \(result.path)")
    }
}

/// A batch plan file.
struct BatchPlan: Decodable, Sendable {
    struct Job: Decodable, Sendable {
        var images: [String]
        var prompt: String
        var out: String

        enum CodingKeys: String, CodingKey { case images, image, prompt, out }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            images = try container.decodeIfPresent([String].self, forKey: .images)
                ?? container.decodeIfPresent(String.self, forKey: .image).map { [$0] } ?? []
            prompt = try container.decode(String.self, forKey: .prompt)
            out = try container.decode(String.self, forKey: .out)
        }
    }

    var jobs: [Job]

    /// Reads a JSON or YAML plan; relative paths are resolved against the plan's folder.
    static func load(_ path: String) throws -> BatchPlan {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CLIError.usage("Cannot read the plan file \(path).")
        }
        var plan: BatchPlan
        do {
            plan = try YAMLDecoder().decode(BatchPlan.self, from: text)  // JSON is YAML too
        } catch {
            throw CLIError.usage("The plan \(path) is not a valid plan: \(error). See `nemo batch --help`.")
        }
        guard !plan.jobs.isEmpty else { throw CLIError.usage("The plan \(path) has no jobs.") }
        let base = (path as NSString).deletingLastPathComponent
        func resolve(_ file: String) -> String {
            file.hasPrefix("/") || base.isEmpty ? file : (base as NSString).appendingPathComponent(file)
        }
        for index in plan.jobs.indices {
            plan.jobs[index].images = plan.jobs[index].images.map(resolve)
            plan.jobs[index].out = resolve(plan.jobs[index].out)
        }
        return plan
    }
}

/// Counts failed jobs across the command's task.
final class Failures: Sendable {
    private let value = Mutex(0)

    func add() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}
