import Foundation
import Logging
import Synchronization

/// The CLI's logging: bootstrapped once per process, to standard error, only when a level is asked for.
enum LogSetup {
    private static let bootstrapped = Mutex(false)

    /// A logger at `level` (nil: no logging at all); the logging system is bootstrapped on first use.
    static func bootstrapOnce(level: String?) throws -> Logger? {
        guard let level else { return nil }
        guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
            throw CLIError.usage(
                "--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        bootstrapped.withLock { done in
            if !done { LoggingSystem.bootstrap(StreamLogHandler.standardError) }
            done = true
        }
        var logger = Logger(label: "nemo")
        logger.logLevel = parsed
        return logger
    }
}
