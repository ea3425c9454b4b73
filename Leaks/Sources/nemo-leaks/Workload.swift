/// A family of operations that own C handles, run once per iteration of the leak loop.
protocol Workload: AnyObject {
    /// The family's name on the command line and in the report: `curl`, `vips` or `av`.
    var name: String { get }
    /// Operations that own a C handle done by one iteration (each checked for its expected outcome).
    var operationsPerIteration: Int { get }
    /// Prepares inputs (and servers) outside the measured loop.
    func start() async throws
    /// Runs one iteration: every operation, each checked.
    func iterate(_ index: Int) async throws
    /// Releases what `start` made.
    func stop() async
}
