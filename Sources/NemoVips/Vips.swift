package import CVips

/// Process-wide libvips setup: initialised once, with the operation cache off so memory stays bounded and
/// every image is computed from its file.
package enum Vips {
    /// Initialises libvips on first use; later calls return the first outcome.
    package static func initialize() throws(VipsError) {
        try initialization.get()
    }

    /// Sets the number of worker threads each libvips pipeline may use.
    ///
    /// nemo-prep runs one single-threaded pipeline per job: PNG encoding is single-threaded, so parallelism across
    /// images beats parallelism inside one (see shared/PERF_NOTES.md).
    package static func setThreadsPerPipeline(_ count: Int) {
        vips_concurrency_set(Int32(max(1, count)))
    }

    /// The libvips version, e.g. "8.14.1".
    package static var version: String {
        String(cString: vips_version_string())
    }

    /// The name of the loader libvips would pick for `path` from its content, or `nil` when none can read it.
    package static func loaderName(forFileAt path: String) -> String? {
        defer { vips_error_clear() }
        guard let name = vips_foreign_find_load(path) else { return nil }
        return String(cString: name)
    }

    private static let initialization: Result<Void, VipsError> = {
        if vips_init("nemo") != 0 {
            return .failure(VipsError.take(operation: "vips_init"))
        }
        vips_cache_set_max(0)
        vips_cache_set_max_mem(0)
        vips_cache_set_max_files(0)
        return .success(())
    }()
}
