/// Why a leak run stopped: an operation did not behave as it must (the loop checks every result).
struct LeakFailure: Error, CustomStringConvertible {
    /// What failed, e.g. `curl.upload`.
    let code: String
    /// What happened and what to do.
    let message: String

    /// `code: message`.
    var description: String { "\(code): \(message)" }

    /// Creates a failure.
    init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }
}
