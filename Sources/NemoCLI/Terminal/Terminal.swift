import Glibc

/// Facts about where output goes, for choosing between progress bars and quiet, machine-readable output.
public enum Terminal {
    /// Whether standard output is a terminal (a person is watching).
    public static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Whether standard error is a terminal.
    public static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Columns of the terminal on standard error, 80 when unknown.
    public static var width: Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// Writes `text` to standard output as is.
    public static func out(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    /// Writes raw bytes to standard output.
    public static func out(bytes: [UInt8]) {
        write(bytes, to: STDOUT_FILENO)
    }

    /// Writes `text` to standard error as is.
    public static func err(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    private static func write(_ text: String, to fd: Int32) {
        write(Array(text.utf8), to: fd)
    }

    private static func write(_ bytes: [UInt8], to fd: Int32) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return }
                offset += count
            }
        }
    }
}
