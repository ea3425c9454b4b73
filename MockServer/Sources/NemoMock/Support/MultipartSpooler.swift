import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the parts of a `multipart/form-data` body to files as the body arrives, so an upload of any size takes
/// constant memory: only the bytes that may still start a delimiter are held between chunks.
struct MultipartSpooler: ~Copyable {
    /// One part, written to `path` (file parts) or kept in memory (small form fields).
    struct Part {
        /// The form field name.
        var name = ""
        /// The file name the client gave, if any.
        var filename: String?
        /// The part's declared content type, if any.
        var contentType: String?
        /// The spooled file (file parts only).
        var path: String?
        /// The part's size in bytes (counted even past `maxPartBytes`, where writing stops).
        var size = 0
        /// The first bytes, for sniffing the type.
        var prefix: [UInt8] = []
    }

    /// Bytes of each part kept for sniffing.
    static let prefixBytes = 64 * 1024

    private enum State { case preamble, boundaryLine, headers, content, epilogue }

    private let dashBoundary: [UInt8]
    private let delimiter: [UInt8]
    private let folder: String
    private let maxPartBytes: Int
    private var state = State.preamble
    private var pending: [UInt8] = []
    private var current = Part()
    private var descriptor: Int32 = -1
    private(set) var parts: [Part] = []

    /// A spooler for `boundary` writing file parts into `folder` (created if needed) under hidden temporary names,
    /// which the media routes never serve; a part is written up to `maxPartBytes` (its whole size is still counted).
    init(boundary: String, folder: URL, maxPartBytes: Int) throws {
        dashBoundary = Array("--\(boundary)".utf8)
        delimiter = [0x0D, 0x0A] + dashBoundary
        self.folder = folder.path
        self.maxPartBytes = maxPartBytes
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Feeds the next bytes of the body.
    mutating func consume(_ chunk: some Collection<UInt8>) throws(MultipartParser.Failure) {
        pending.append(contentsOf: chunk)
        var progressed = true
        while progressed { progressed = try step() }
    }

    /// Ends the body: every part is complete, or the body was not valid multipart.
    mutating func finish() throws(MultipartParser.Failure) -> [Part] {
        switch state {
        case .epilogue: return parts
        case .preamble: throw MultipartParser.Failure(reason: "no boundary found")
        case .headers: throw MultipartParser.Failure(reason: "part headers not terminated")
        case .content: throw MultipartParser.Failure(reason: "closing boundary missing")
        case .boundaryLine: throw MultipartParser.Failure(reason: "truncated")
        }
    }

    /// Deletes every spooled file (after a refusal).
    func removeFiles() {
        for path in parts.compactMap(\.path) { unlink(path) }
        if let path = current.path { unlink(path) }
    }

    /// Advances by one state if the pending bytes allow; returns whether it did.
    private mutating func step() throws(MultipartParser.Failure) -> Bool {
        switch state {
        case .preamble:
            guard let start = MultipartParser.find(dashBoundary, in: pending, from: 0) else {
                pending.removeFirst(max(0, pending.count - dashBoundary.count))
                return false
            }
            pending.removeFirst(start + dashBoundary.count)
            state = .boundaryLine
        case .boundaryLine:
            guard pending.count >= 2 else { return false }
            if pending[0] == 0x2D, pending[1] == 0x2D {
                state = .epilogue
                pending = []
                return false
            }
            guard let lineEnd = MultipartParser.find([0x0D, 0x0A], in: pending, from: 0) else { return false }
            pending.removeFirst(lineEnd)  // keeps the line's CRLF: a part without headers starts with CRLF CRLF
            state = .headers
        case .headers:
            guard let end = MultipartParser.find([0x0D, 0x0A, 0x0D, 0x0A], in: pending, from: 0) else {
                guard pending.count < 16 * 1024 else { throw MultipartParser.Failure(reason: "part headers too long") }
                return false
            }
            try startPart(headers: String(decoding: pending[2..<max(2, end)], as: UTF8.self))
            pending.removeFirst(end + 4)
            state = .content
        case .content:
            if let end = MultipartParser.find(delimiter, in: pending, from: 0) {
                try append(pending[..<end])
                try endPart()
                pending.removeFirst(end + delimiter.count)
                state = .boundaryLine
            } else {
                let keep = min(pending.count, delimiter.count - 1)
                try append(pending[..<(pending.count - keep)])
                pending.removeFirst(pending.count - keep)
                return false
            }
        case .epilogue:
            pending = []
            return false
        }
        return true
    }

    private mutating func startPart(headers: String) throws(MultipartParser.Failure) {
        guard parts.count < 1000 else { throw MultipartParser.Failure(reason: "too many parts") }
        current = Part()
        for line in headers.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = String(line[line.index(after: colon)...].trimmingSpaces)
            if name == "content-disposition" {
                current.name = MultipartParser.parameter("name", in: value) ?? ""
                current.filename = MultipartParser.parameter("filename", in: value)
            } else if name == "content-type" {
                current.contentType = value
            }
        }
        guard current.name == "files" || current.name == "files[]" else { return }
        let path = "\(folder)/.incoming-\(UInt64.random(in: 0...UInt64.max))"
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw MultipartParser.Failure(reason: "cannot store the upload (\(errno))") }
        current.path = path
    }

    private mutating func append(_ bytes: ArraySlice<UInt8>) throws(MultipartParser.Failure) {
        guard !bytes.isEmpty else { return }
        if current.prefix.count < Self.prefixBytes {
            current.prefix += bytes.prefix(Self.prefixBytes - current.prefix.count)
        }
        let room = maxPartBytes - current.size
        current.size += bytes.count
        guard descriptor >= 0, room > 0 else { return }
        let failed = bytes.prefix(room).withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                offset += written
            }
            return false
        }
        if failed { throw MultipartParser.Failure(reason: "cannot store the upload (\(errno))") }
    }

    private mutating func endPart() throws(MultipartParser.Failure) {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        parts.append(current)
        current = Part()
    }
}
