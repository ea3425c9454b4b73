/// The renders in flight, in `render_jobs.json` (a JSON array, written atomically, mode 0600). Changes are made
/// under a lock file (`render_jobs.json.lock`), so concurrent nemo processes keep each other's jobs.
public struct RenderJobStore: Sendable {
    /// The file's name in the config folder.
    public static let fileName = "render_jobs.json"

    /// The file's path.
    public let path: String

    /// A store in `folder` (see ``ConfigFolder``).
    public init(folder: String) {
        path = ConfigFolder.join(folder, Self.fileName)
    }

    /// Every job, oldest first.
    ///
    /// - Throws: ``NemoAPIError/Code/storage`` when the file is not a JSON array (it is never overwritten then).
    public func all() throws(NemoAPIError) -> [RenderJob] {
        guard let bytes = try PrivateFiles.read(path) else { return [] }
        guard let items = (try? JSONValue(parsingUTF8: bytes))?.arrayValue else {
            throw .storage(path: path, reason: "it is not a list of render jobs", advice: "Fix it or delete it.")
        }
        return items.compactMap(RenderJob.init(json:)).sorted { $0.startedAt < $1.startedAt }
    }

    /// The job with `id`, if stored.
    public func job(id: String) throws(NemoAPIError) -> RenderJob? {
        try all().first { $0.id == id }
    }

    /// The most recently started job, if any.
    public func mostRecent() throws(NemoAPIError) -> RenderJob? {
        try all().last
    }

    /// Records `job` (replacing a job with the same id).
    public func add(_ job: RenderJob) throws(NemoAPIError) {
        try update { jobs in
            jobs.removeAll { $0.id == job.id }
            jobs.append(job)
        }
    }

    /// Forgets the job with `id` (its video was saved, or it failed for good); returns whether it was stored.
    @discardableResult
    public func remove(id: String) throws(NemoAPIError) -> Bool {
        var removed = false
        try update { jobs in
            let before = jobs.count
            jobs.removeAll { $0.id == id }
            removed = jobs.count != before
        }
        return removed
    }

    /// Reads, changes and writes the list under the lock.
    private func update(_ change: (inout [RenderJob]) -> Void) throws(NemoAPIError) {
        try FileLock.withLock(path + ".lock") { () throws(NemoAPIError) in
            var jobs = try all()
            change(&jobs)
            var bytes: [UInt8] = []
            JSONValue.array(jobs.map(\.json)).append(to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
            try PrivateFiles.write(bytes, to: path)
        }
    }
}
