import Foundation
import Logging
import NemoCore

/// Where an export stands, for progress display.
public enum ExportUpdate: Sendable, Hashable {
    /// The render job was submitted under this id.
    case submitted(id: String)
    /// A poll answered: status and progress 0-100.
    case rendering(status: String, progress: Int)
    /// The render failed and was submitted again under a new id.
    case resubmitted(id: String)
    /// Downloading: bytes so far and the total when known.
    case downloading(received: Int64, total: Int64?)
}

/// A finished export.
public struct ExportResult: Sendable, Hashable {
    /// The render job's id.
    public var renderID: String
    /// Where the MP4 was written.
    public var path: String
    /// Its size in bytes.
    public var bytes: Int64
}

extension NemoClient {
    /// Exports the current draft: submit the render (free), poll until it completes, download the MP4 to
    /// `destination` atomically. The job is remembered until it is downloaded, so ``resumeExport(renderID:to:update:)``
    /// can finish it if this process is interrupted.
    public func export(
        to destination: String, update: @escaping @Sendable (ExportUpdate) -> Void = { _ in }
    ) async throws -> ExportResult {
        let state = try await state()
        guard state.isReadyForExport, let draft = state.draft else {
            throw NemoAPIError(
                code: .emptyDraft,
                message: "The timeline is empty, so there is nothing to export yet. Ask the agent for a video first.")
        }
        let renderID = try await submitRender(draft: draft, attempt: 0)
        update(.submitted(id: renderID))
        return try await follow(renderID: renderID, first: nil, resubmitting: draft, to: destination, update: update)
    }

    /// Finishes a render started earlier (its id from the job store or the user): polls it, then downloads.
    public func resumeExport(
        renderID: String, to destination: String, update: @escaping @Sendable (ExportUpdate) -> Void = { _ in }
    ) async throws -> ExportResult {
        try await follow(renderID: renderID, first: .poll(after: .zero), resubmitting: nil, to: destination, update: update)
    }

    /// Polls a render on the documented cadence until it completes, then downloads it. A failed render is submitted
    /// again (once, with a new id) when its `draft` is known; a resumed render that failed is reported instead.
    func follow(
        renderID: String, first: RenderPolling.Step?, resubmitting draft: JSONValue?, to destination: String,
        update: @escaping @Sendable (ExportUpdate) -> Void
    ) async throws -> ExportResult {
        var renderID = renderID
        var polling = RenderPolling(configuration: configuration.polling)
        var step = first ?? polling.first
        var resubmissions = 0
        while true {
            switch step {
            case .poll(let delay):
                try await configuration.sleeper.sleep(for: delay)
                let status = try await pollRender(id: renderID)
                update(.rendering(status: status.status.description, progress: status.progress))
                step = polling.next(after: status, id: renderID)
            case .resubmit:
                guard let draft else {
                    throw NemoAPIError(
                        code: .renderFailed,
                        message: "Render \(renderID) failed on the service. Run `nemo export` to render the draft again.")
                }
                resubmissions += 1
                let failed = renderID
                renderID = try await submitRender(draft: draft, attempt: resubmissions)
                _ = try? renderJobStore.remove(id: failed)
                update(.resubmitted(id: renderID))
                step = .poll(after: configuration.polling.interval)
            case .download(let url):
                return try await finish(renderID: renderID, outputURL: url, to: destination, update: update)
            case .fail(let error):
                throw error
            }
        }
    }

    /// Cancels a pending render.
    public func cancelRender(id: String) async throws {
        _ = try await perform(.renderCancel) { _ in self.request(.post, "/api/render/proxy/lambda/\(id)/cancel") }
        _ = try? renderJobStore.remove(id: id)
    }

    /// The render jobs started and not yet downloaded.
    public func pendingRenders() throws -> [RenderJob] {
        try renderJobStore.all()
    }

    /// `POST /api/render/proxy/lambda` with a new id (a duplicate id gets one more new id); the job is remembered.
    func submitRender(draft: JSONValue, attempt: Int) async throws -> String {
        var attempt = attempt
        for _ in 0..<2 {
            let id = APIRequestBody.renderID(at: Date(), attempt: attempt)
            do {
                // The body is built per attempt: a replay after 1002 must name the new session, not the lost one.
                let payload = try await perform(.renderSubmit) { parts in
                    let body = APIRequestBody.render(id: id, sessionID: parts.sessionID ?? "", draft: draft)
                    return self.request(.post, "/api/render/proxy/lambda", body: .json(text: body.jsonText))
                }
                let submitted = (try? RenderJobStatus(wire: payload))?.id ?? id
                logger?.info("nemo render submitted", metadata: ["nemo.render": "\(submitted)"])
                try renderJobStore.add(
                    RenderJob(
                        id: submitted, sessionID: session?.sessionID ?? "", startedAt: Date(), outputPath: nil,
                        profile: configuration.profile.slug, baseURL: configuration.baseURL.absoluteString))
                return submitted
            } catch let error as NemoAPIError where error.code == .duplicateRenderID {
                attempt += 1
            }
        }
        throw NemoAPIError(code: .duplicateRenderID, message: "The service refused two new render ids as duplicates.")
    }

    /// `GET /api/render/proxy/lambda/<id>`, either documented answer shape.
    func pollRender(id: String) async throws -> RenderJobStatus {
        let payload = try await perform(.renderPoll) { _ in self.request(.get, "/api/render/proxy/lambda/\(id)") }
        return try RenderJobStatus(wire: payload)
    }

    /// Downloads the output (falling back to `GET /api/render/proxy/<id>/download`) and forgets the job.
    func finish(
        renderID: String, outputURL: String?, to destination: String, update: @escaping @Sendable (ExportUpdate) -> Void
    ) async throws -> ExportResult {
        let target = URL(fileURLWithPath: destination)
        let progress: @Sendable (TransferProgress) -> Void = { update(.downloading(received: $0.received, total: $0.totalToReceive)) }
        var result: DownloadResult?
        if let outputURL, let url = URL(string: outputURL, relativeTo: configuration.baseURL)?.absoluteURL {
            var request = HTTPRequest(method: .get, url: url)
            // Attribution on every request; the token only goes to the service itself (below), never to a CDN.
            for header in attribution.headers { request.headers.add(name: header.name, value: header.value) }
            request.timeouts = TransportTimeouts(connect: configuration.requestTimeouts.connect, total: nil, idle: .seconds(60))
            result = try? await transport.download(request, to: target, progress: progress)
        }
        if result == nil {
            let token = try await currentToken()
            var request = self.request(.get, "/api/render/proxy/\(renderID)/download")
            decorate(&request, token: token)
            request.timeouts = TransportTimeouts(connect: configuration.requestTimeouts.connect, total: nil, idle: .seconds(60))
            do {
                result = try await transport.download(request, to: target, progress: progress)
            } catch {
                if error.code == .cancelled { throw CancellationError() }
                throw NemoAPIError(
                    code: .network,
                    message: "Render \(renderID) is done but could not be downloaded (\(error)). Run "
                        + "`nemo export --resume \(renderID)` to try again.")
            }
        }
        _ = try? renderJobStore.remove(id: renderID)
        return ExportResult(renderID: renderID, path: destination, bytes: result!.bytes)
    }
}
