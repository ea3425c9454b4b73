import CAV

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns libav return codes into `RenderError`s that carry libav's message and what to do.
enum LibAV {
    /// libav's message for an error code, e.g. "No space left on device".
    static func message(_ code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let count = buffer.count
        return buffer.withUnsafeMutableBufferPointer { pointer in
            nemo_av_strerror(code, pointer.baseAddress, count)
            return String(cString: pointer.baseAddress!)
        }
    }

    /// Lowers libav's console logging to errors, once per process (x264's and the muxer's progress lines are noise
    /// in a CLI; failures reach the caller as `RenderError`s anyway).
    static let quietLogging: Void = av_log_set_level(AV_LOG_ERROR)

    /// AVERROR(ENOMEM): an allocation failed.
    static let noMemory = nemo_averror(ENOMEM)

    /// The operating-system errors that mean the output file cannot be written (not an encoder fault).
    private static let outputErrnos: [Int32] = [
        ENOSPC, EDQUOT, EFBIG, EIO, EACCES, EPERM, EROFS, ENOENT, ENOTDIR, EISDIR, ENAMETOOLONG,
    ]

    /// Whether `code` is an I/O failure of the output (disk full, permission, missing folder).
    static func isOutputFailure(_ code: Int32) -> Bool {
        outputErrnos.contains { nemo_averror($0) == code }
    }

    /// The error for a failed write of the output file at `path`.
    static func outputError(_ code: Int32, path: String, while operation: String) -> RenderError {
        RenderError(
            .output,
            "could not write \(path) (\(operation)): \(message(code)); check that the folder exists and is writable "
                + "and that the disk has free space"
        )
    }

    /// The error for a failed encoder or muxer call; I/O failures of the output become `.output`.
    static func encoderError(_ code: Int32, path: String, while operation: String) -> RenderError {
        if isOutputFailure(code) { return outputError(code, path: path, while: operation) }
        return RenderError(
            .encoder,
            "\(operation) failed for \(path): \(message(code)); this is a bug or a broken FFmpeg install "
                + "(FFmpeg 5.1 with libx264 is required): report it with the draft"
        )
    }

    /// Throws `encoderError` when `code` is negative; returns `code` otherwise.
    @discardableResult
    static func check(_ code: Int32, path: String, while operation: String) throws(RenderError) -> Int32 {
        if code < 0 { throw encoderError(code, path: path, while: operation) }
        return code
    }
}
