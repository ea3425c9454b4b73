import Foundation

extension NemoClient {
    /// Downloads a media file the session refers to (an upload's `cdn_url`) to `destination`, atomically.
    ///
    /// The request carries the attribution headers but never the token: media URLs may point at a CDN.
    public func downloadMedia(
        from url: String, to destination: String,
        progress: @escaping @Sendable (TransferProgress) -> Void = { _ in }
    ) async throws -> Int64 {
        guard let target = URL(string: url, relativeTo: configuration.baseURL)?.absoluteURL,
            ["http", "https"].contains(target.scheme?.lowercased() ?? "")
        else {
            throw NemoAPIError(code: .badRequest, message: "The media address \(url) is not an http(s) URL.")
        }
        var request = HTTPRequest(method: .get, url: target)
        for header in attribution.headers { request.headers.add(name: header.name, value: header.value) }
        request.timeouts = TransportTimeouts(
            connect: configuration.requestTimeouts.connect, total: nil, idle: .seconds(60))
        do {
            return try await transport.download(request, to: URL(fileURLWithPath: destination), progress: progress)
                .bytes
        } catch {
            if error.code == .cancelled { throw CancellationError() }
            throw NemoAPIError(
                code: .network, message: "Could not download \(target.lastPathComponent) from the session (\(error)).")
        }
    }
}
