import Foundation
import NemoCore

extension NemoClient {
    /// Uploads files to the current session in one multipart request (field `files`), streamed from disk.
    ///
    /// Every file is checked before anything is sent: it must exist, be a regular file, have an accepted type and fit
    /// the profile's size limit; otherwise the error names the file and says what to do (4001: the accepted formats;
    /// 4002: nemo-prep).
    public func upload(
        files paths: [String], progress: (@Sendable (TransferProgress) -> Void)? = nil
    ) async throws -> [UploadedFile] {
        let files = try paths.map { path throws(NemoAPIError) in try validateUpload(path) }
        try await ensureSession()
        let payload = try await perform(.upload, fileName: paths.first, progress: progress) { parts in
            self.request(.post, "/api/upload-video/nemo_agent/me/\(parts.sessionID ?? "")", body: .multipart(files))
        }
        return try UploadResponse(wire: payload).files
    }

    /// Asks the service to fetch media from URLs into the current session.
    public func upload(urls: [String]) async throws -> [UploadedFile] {
        try await ensureSession()
        let body = APIRequestBody.uploadURLs(urls)
        let payload = try await perform(.upload) { parts in
            self.request(
                .post, "/api/upload-video/nemo_agent/me/\(parts.sessionID ?? "")", body: .json(text: body.jsonText))
        }
        return try UploadResponse(wire: payload).files
    }

    /// Checks one file before upload and describes it as a multipart part.
    func validateUpload(_ path: String) throws(NemoAPIError) -> MultipartFile {
        let name = (path as NSString).lastPathComponent
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw NemoAPIError(code: .fileUnreadable, message: "Cannot upload \(path): no such file.")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw NemoAPIError(code: .fileUnreadable, message: "Cannot upload \(path): it is not a regular file.")
        }
        guard UploadFormats.isAccepted(fileName: name) else {
            throw NemoAPIError(
                code: .unsupportedFileType,
                message: "\(name) is not a type the service accepts. Accepted: "
                    + "\(UploadFormats.documented.joined(separator: ", ")). Convert it (nemo-prep makes PNG).")
        }
        let limit = configuration.profile.maxUploadBytes
        guard Int(info.st_size) <= limit else {
            throw NemoAPIError(
                code: .fileTooLarge,
                message: "\(name) is \(Int(info.st_size) / 1_000_000) MB, over the \(limit / 1_000_000) MB limit of "
                    + "\(configuration.profile.name). Shrink it first: `nemo prep \(path) -o prepped "
                    + "--profile \(configuration.profile.slug)`.")
        }
        return MultipartFile(url: URL(fileURLWithPath: path))
    }
}
