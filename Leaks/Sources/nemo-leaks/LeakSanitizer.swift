import Glibc

/// LeakSanitizer's check, when this program was built with `--sanitize=address` (found at run time, so that the same
/// source builds without the sanitizer).
///
/// The loop asks for a check itself once every operation is done and every workload stopped, rather than relying on
/// the check at exit: the question is whether an operation leaks, and anything an operation leaked is as unreachable
/// after the loop as at exit, while the process's own teardown (threads winding down, libraries' exit handlers) is
/// no operation's. What the check still finds of GLib's per-thread caches is judged by `scripts/harden`
/// (`scripts/sanitizers/lsan-known.py`).
enum LeakSanitizer {
    private typealias Check = @convention(c) () -> Int32

    /// `__lsan_do_recoverable_leak_check`, or nil without the sanitizer.
    private static let recoverableCheck: Check? = {
        // RTLD_DEFAULT is the null handle on glibc.
        guard let symbol = dlsym(nil, "__lsan_do_recoverable_leak_check") else { return nil }
        return unsafeBitCast(symbol, to: Check.self)
    }()

    /// Whether the program runs under LeakSanitizer.
    static var isPresent: Bool { recoverableCheck != nil }

    /// Looks for unreachable memory now; a report, if any, goes where `log_path` says (standard error by default).
    /// Returns whether leaks were found; false without the sanitizer.
    static func findsLeaks() -> Bool {
        guard let recoverableCheck else { return false }
        return recoverableCheck() != 0
    }
}
