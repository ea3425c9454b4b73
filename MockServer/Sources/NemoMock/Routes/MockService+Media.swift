import Foundation
import HTTPTypes
import HummingbirdCore

extension MockService {
    /// `GET|HEAD /media/...`: render outputs, uploaded files and the fixture media, with Range support.
    func media(_ request: MockRequest) async throws -> Response {
        let s = request.segments
        switch s[1] {
        case "renders" where s.count == 3 && s[2].hasSuffix(".mp4"):
            let id = String(s[2].dropLast(4))
            let snapshot = try? await store.pollRender(id: id, userId: nil, advance: false)
            guard snapshot?.status == "completed" else { throw APIFailure.notFound(request.path) }
            return try file(await renderOutputURL(id: id), request: request)
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

    /// Serves a file from disk in chunks (any size, constant memory), honouring `Range` (206, 416), HEAD, and the
    /// `cut-download` fault (which cuts whole-file answers only, so that a client can always resume with `Range`).
    func file(_ url: URL, request: MockRequest) throws -> Response {
        guard let media = MediaFile(path: url.path) else { throw APIFailure.notFound(request.path) }
        let types = [
            "mp4": "video/mp4", "m4a": "audio/mp4", "png": "image/png", "jpg": "image/jpeg",
            "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "mp3": "audio/mpeg",
            "wav": "audio/wav",
        ]
        let type = types[FileInspector.fileExtension(url.lastPathComponent)] ?? "application/octet-stream"
        switch Self.rangeAnswer(length: media.size, type: type, eTag: media.eTag, request: request) {
        case .done(let response):
            return response
        case .send(let status, let headers, let range, let cut):
            let sent = cut.map { Int(Double(range.count) * $0) } ?? range.count
            return Response(
                status: status, headers: headers,
                body: ResponseBody(contentLength: range.count) { writer in
                    try await media.write(range.lowerBound..<(range.lowerBound + sent), to: &writer)
                    if cut != nil { throw DroppedConnection() }
                    try await writer.finish(nil)
                })
        }
    }

    /// What to answer for a body of `length` bytes: a finished response (HEAD, 416), or the bytes to send.
    enum RangeAnswer {
        /// Answer with this response as it is.
        case done(Response)
        /// Send `range` of the body with this status and these headers; cut after `cut` of it (a fraction) if set.
        case send(HTTPResponse.Status, HTTPFields, Range<Int>, cut: Double?)
    }

    /// Applies `Range`, HEAD and the `cut-download` fault to a body of `length` bytes.
    static func rangeAnswer(length: Int, type: String, eTag: String, request: MockRequest) -> RangeAnswer {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.acceptRanges] = "bytes"
        headers[.eTag] = eTag
        var range = 0..<length
        var status = HTTPResponse.Status.ok
        if let header = request.header("range") {
            switch ByteRange.parse(header, length: length) {
            case .whole: break
            case .unsatisfiable:
                return .done(
                    json(
                        APIFailure(envelope: .http(416), message: "Range not satisfiable: the file has \(length) bytes")
                            .body, status: 416, headers: [("content-range", "bytes */\(length)")]))
            case .range(let requested):
                range = requested
                status = .partialContent
                headers[.contentRange] = "bytes \(requested.lowerBound)-\(requested.upperBound - 1)/\(length)"
            }
        }
        headers[.contentLength] = String(range.count)
        if request.method == "HEAD" { return .done(Response(status: status, headers: headers)) }
        let cut =
            status == .partialContent
            ? nil
            : request.faults.compactMap { fault -> Double? in
                if case .cutDownload(let fraction) = fault { return fraction }
                return nil
            }.first
        return .send(status, headers, range, cut: cut)
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
