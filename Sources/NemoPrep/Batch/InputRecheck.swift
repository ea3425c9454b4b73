import Glibc

/// Re-reads an input's header just before it is processed, so that a file removed or replaced after the batch was
/// planned fails alone with a message that says so, instead of being called corrupt or processed with a stale plan.
struct InputRecheck {
    /// The batch's pixel limit (as planning used it).
    let maxPixels: Int

    /// Nil when the file is still the one planned; otherwise why it cannot be used.
    func check(_ planned: InputImage) -> PrepError? {
        let path = planned.path
        switch ImageInspector(maxPixels: maxPixels).inspect(path) {
        case .success(let now) where now == planned:
            return nil
        case .success(let now):
            return PrepError(
                .changed, path: path,
                message: "the file changed after the batch was planned (was \(planned.bytes) bytes "
                    + "\(planned.format.rawValue) \(planned.storedSize), now \(now.bytes) bytes \(now.format.rawValue) "
                    + "\(now.storedSize)); leave inputs alone while nemo-prep runs, then run again")
        case .failure(let error):
            guard access(path, F_OK) == 0 else {
                return PrepError(
                    .unreadable, path: path,
                    message: "the file was removed or renamed after the batch was planned; run again")
            }
            return PrepError(
                .changed, path: path,
                message: "the file changed after the batch was planned and is no longer usable (\(error.message))")
        }
    }
}
