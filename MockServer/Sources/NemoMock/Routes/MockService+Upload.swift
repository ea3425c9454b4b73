import Foundation
import HTTPTypes
import HummingbirdCore
import NIOCore
import NemoCore

extension MockService {
    /// `POST /api/upload-video/nemo_agent/me/<sid>`: multipart field `files` (one or more), or
    /// JSON `{"urls":[...],"source_type":"url"}`.
    func upload(_ request: MockRequest) async throws -> Response {
        let userId = try await store.authenticate(request.header("authorization"))
        let session = try await store.session(request.segments[4], userId: userId)
        let contentType = request.header("content-type") ?? ""
        let files: [UploadedFile]
        if let boundary = MultipartParser.boundary(contentType: contentType) {
            files = try await storeMultipart(request, boundary: boundary, sessionId: session.sessionId)
        } else if contentType.lowercased().hasPrefix("application/json") {
            files = try await urlUploads(request, sessionId: session.sessionId)
        } else {
            throw APIFailure(
                envelope: .http(415),
                message:
                    "Upload as multipart/form-data with field 'files', or JSON {\"urls\":[...],\"source_type\":\"url\"}"
            )
        }
        await store.addUploads(sessionId: session.sessionId, files: files)
        return Self.ok(
            .object([
                ("files", .array(files.map(\.json))),
                ("session_state_applied", .bool(true)),
            ]))
    }

    /// Streams the multipart body to the session's folder part by part (constant memory, any size), then checks
    /// each file part's type (by content and extension) and size, keeping all files or none.
    private func storeMultipart(
        _ request: MockRequest, boundary: String, sessionId: String
    ) async throws
        -> [UploadedFile]
    {
        // The product's limit (decimal MB, as the service states it); the strictest when the product is unknown.
        let limit = (request.profile.flatMap(ProductProfile.named) ?? ProductProfile.default).maxUploadBytes
        let folder = uploadRoot.appendingPathComponent(sessionId, isDirectory: true)
        var spooler = try MultipartSpooler(boundary: boundary, folder: folder, maxPartBytes: limit)
        let parts: [MultipartSpooler.Part]
        do {
            var received = 0
            if let stream = request.bodyStream {
                for try await buffer in stream {
                    received += buffer.readableBytes
                    guard received <= configuration.maxUploadBytes else { throw BodyTooLarge() }
                    try spooler.consume(buffer.readableBytesView)
                }
            } else {
                try spooler.consume(request.body)
            }
            parts = try spooler.finish()
        } catch let failure as MultipartParser.Failure {
            spooler.removeFiles()
            throw APIFailure.badRequest("Malformed multipart body (\(failure.reason)): send files in field 'files'")
        } catch {
            spooler.removeFiles()
            throw error
        }
        do {
            return try await keep(parts.filter { $0.path != nil }, limit: limit, request: request, sessionId: sessionId)
        } catch {
            spooler.removeFiles()
            throw error
        }
    }

    /// Checks the spooled file parts in order and gives them their final names.
    private func keep(
        _ fileParts: [MultipartSpooler.Part], limit: Int, request: MockRequest, sessionId: String
    ) async throws -> [UploadedFile] {
        guard !fileParts.isEmpty else {
            throw APIFailure.badRequest("No 'files' field in the multipart body: use -F \"files=@/path\"")
        }
        var taken = await store.uploadNames(sessionId: sessionId)
        var checked: [(name: String, kind: FileInspector.Kind, part: MultipartSpooler.Part)] = []
        for part in fileParts {
            let name = FileInspector.sanitize(part.filename ?? "file")
            guard FileInspector.accepted.contains(FileInspector.fileExtension(name)),
                let kind = FileInspector.sniff(part.prefix), kind.extensions.contains(FileInspector.fileExtension(name))
            else { throw APIFailure.unsupportedType(name) }
            guard part.size <= limit else { throw APIFailure.fileTooLarge(name, limit: limit) }
            checked.append((unique(name, taken: &taken), kind, part))
        }
        let folder = uploadRoot.appendingPathComponent(sessionId, isDirectory: true)
        var stored: [UploadedFile] = []
        for (name, kind, part) in checked {
            let target = folder.appendingPathComponent(name).path
            guard let spooled = part.path, rename(spooled, target) == 0, let hash = Checksum.sha256(fileAt: target)
            else { throw APIFailure(envelope: .http(500), message: "Could not store \(name): retry the upload") }
            stored.append(
                UploadedFile(
                    filename: name, fileType: kind.fileType,
                    cdnURL: "\(request.baseURL)/media/uploads/\(sessionId)/\(name)",
                    width: kind.width, height: kind.height,
                    duration: kind.duration ?? (kind.fileType == "image" ? nil : 0),
                    fps: kind.fileType == "video" ? 30 : nil, hash: hash, size: part.size))
        }
        return stored
    }

    private func urlUploads(_ request: MockRequest, sessionId: String) async throws -> [UploadedFile] {
        let body = try request.jsonObject()
        guard let urls = body["urls"]?.arrayValue?.compactMap(\.stringValue), !urls.isEmpty else {
            throw APIFailure.badRequest("Give {\"urls\":[\"https://...\"],\"source_type\":\"url\"}")
        }
        var taken = await store.uploadNames(sessionId: sessionId)
        return try urls.map { url in
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? "") else {
                throw APIFailure.badRequest("Only http and https URLs can be uploaded: '\(url)'")
            }
            let name = FileInspector.sanitize(parsed.lastPathComponent)
            let ext = FileInspector.fileExtension(name)
            guard FileInspector.accepted.contains(ext) else { throw APIFailure.unsupportedType(name) }
            let type =
                ["mp3", "wav", "m4a", "aac"].contains(ext)
                ? "audio" : (["mp4", "mov", "avi", "webm", "mkv"].contains(ext) ? "video" : "image")
            return UploadedFile(
                filename: unique(name, taken: &taken), fileType: type, cdnURL: url, width: nil, height: nil,
                duration: nil, fps: nil, hash: Checksum.sha256(Array(url.utf8)), size: 0)
        }
    }

    /// `name`, or `stem-2.ext`, `stem-3.ext`... when the session already has a file of that name.
    private func unique(_ name: String, taken: inout Set<String>) -> String {
        var candidate = name
        var counter = 2
        let ext = FileInspector.fileExtension(name)
        let stem = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        while taken.contains(candidate) {
            candidate = ext.isEmpty ? "\(stem)-\(counter)" : "\(stem)-\(counter).\(ext)"
            counter += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
