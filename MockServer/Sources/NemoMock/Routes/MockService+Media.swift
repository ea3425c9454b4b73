import Foundation
import HTTPTypes
import HummingbirdCore
import NIOCore
import NemoCore

extension MockService {
    /// `GET|HEAD /media/...`: render outputs, uploaded files and the fixture media, with Range support.
    func media(_ request: MockRequest) async throws -> Response {
        let s = request.segments
        switch s[1] {
        case "renders" where s.count == 3 && s[2].hasSuffix(".mp4"):
            let id = String(s[2].dropLast(4))
            let snapshot = try? await store.pollRender(id: id, userId: nil, advance: false)
            guard snapshot?.status == "completed" else { throw APIFailure.notFound(request.path) }
            return serve(renderVideo, type: "video/mp4", request: request)
        case "uploads" where s.count == 4 && FileInspector.sanitize(s[3]) == s[3] && s[2].allSatisfy(\.isNumber):
            return try file(uploadRoot.appendingPathComponent(s[2]).appendingPathComponent(s[3]), request: request)
        case "fixtures" where s.count == 3 && FileInspector.sanitize(s[2]) == s[2]:
            return try file(
                configuration.fixtures.appendingPathComponent("media").appendingPathComponent(s[2]),
                request: request)
        default:
            throw APIFailure.notFound(request.path)
        }
    }

    private func file(_ url: URL, request: MockRequest) throws -> Response {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw APIFailure.notFound(request.path) }
        let types = [
            "mp4": "video/mp4", "m4a": "audio/mp4", "png": "image/png", "jpg": "image/jpeg",
            "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "mp3": "audio/mpeg",
            "wav": "audio/wav",
        ]
        return serve(
            [UInt8](data),
            type: types[FileInspector.fileExtension(url.lastPathComponent)]
                ?? "application/octet-stream", request: request)
    }

    /// Serves `bytes` honouring `Range` (206, 416), HEAD, and the `cut-download` fault (which cuts
    /// whole-file answers only, so that a client can always resume with `Range`).
    func serve(_ bytes: [UInt8], type: String, request: MockRequest) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.acceptRanges] = "bytes"
        headers[.eTag] = "\"\(Checksum.sha256(bytes).prefix(16))\""
        var range = 0..<bytes.count
        var status = HTTPResponse.Status.ok
        if let header = request.header("range") {
            switch ByteRange.parse(header, length: bytes.count) {
            case .whole: break
            case .unsatisfiable:
                headers[.contentRange] = "bytes */\(bytes.count)"
                return Self.json(
                    APIFailure(
                        envelope: .http(416), message: "Range not satisfiable: the file has \(bytes.count) bytes"
                    )
                    .body, status: 416, headers: [("content-range", "bytes */\(bytes.count)")])
            case .range(let requested):
                range = requested
                status = .partialContent
                headers[.contentRange] = "bytes \(requested.lowerBound)-\(requested.upperBound - 1)/\(bytes.count)"
            }
        }
        headers[.contentLength] = String(range.count)
        if request.method == "HEAD" { return Response(status: status, headers: headers) }
        let cut =
            status == .partialContent
            ? nil
            : request.faults.compactMap { fault -> Double? in
                if case .cutDownload(let fraction) = fault { return fraction }
                return nil
            }.first
        let slice = Array(bytes[range])
        guard let cut else {
            return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: slice)))
        }
        let sent = Int(Double(slice.count) * cut)
        return Response(
            status: status, headers: headers,
            body: ResponseBody(contentLength: slice.count) { writer in
                try await writer.write(ByteBuffer(bytes: slice[..<sent]))
                throw DroppedConnection()
            })
    }
}

/// A parsed single-range `Range: bytes=...` header.
enum ByteRange: Equatable {
    /// Serve the whole body (no usable range, or several ranges).
    case whole
    /// The range lies outside the body: 416.
    case unsatisfiable
    /// Serve these bytes: 206.
    case range(Range<Int>)

    /// Parses `bytes=a-b`, `bytes=a-` or `bytes=-n` against a body of `length` bytes.
    static func parse(_ header: String, length: Int) -> ByteRange {
        let value = header.trimmingSpaces
        guard value.lowercased().hasPrefix("bytes="), !value.contains(",") else { return .whole }
        let spec = value.dropFirst(6).trimmingSpaces
        guard let dash = spec.firstIndex(of: "-") else { return .whole }
        let first = spec[..<dash].trimmingSpaces
        let last = spec[spec.index(after: dash)...].trimmingSpaces
        if first.isEmpty {
            guard let suffix = Int(last) else { return .whole }
            guard suffix > 0, length > 0 else { return .unsatisfiable }
            return .range(max(0, length - suffix)..<length)
        }
        guard let start = Int(first), start >= 0 else { return .whole }
        guard start < length else { return .unsatisfiable }
        if last.isEmpty { return .range(start..<length) }
        guard let end = Int(last), end >= start else { return .whole }
        return .range(start..<min(end + 1, length))
    }
}
