import Foundation
import Synchronization

extension MockService {
    /// Starts the real render of an export's draft on a thread of its own (it is CPU-bound for seconds, which must
    /// not hold a thread of Swift's shared pool); the job reports its progress and end to the store.
    func startDraftRender(id: String, draft: JSONValue, canvas: JSONValue?, path: String) {
        guard let renderer = configuration.draftRenderer else { return }
        let job = DraftRenderJob(
            draftJSON: draft.jsonText, width: canvas?["width"]?.intValue ?? 1920,
            height: canvas?["height"]?.intValue ?? 1080, outputPath: path,
            localFile: { [uploadRoot, fixtures = configuration.fixtures] url in
                Self.localFile(for: url, uploads: uploadRoot, fixtures: fixtures)
            })
        let store = self.store
        let thread = Thread {
            var failure: String?
            do {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                let reported = Mutex(-1)
                try renderer(job) { fraction in
                    // Report each whole percent once.
                    let percent = Int(fraction * 100)
                    let changed = reported.withLock { last in
                        defer { last = max(last, percent) }
                        return percent > last
                    }
                    if changed { Task { await store.updateLocalRender(id: id, progress: fraction) } }
                }
            } catch {
                failure = "\(error)"
            }
            let message = failure
            Task { await store.finishLocalRender(id: id, failure: message) }
        }
        thread.name = "nemo-mock render \(id)"
        thread.start()
    }

    /// At time scale 0 a poll waits (up to 5 real seconds) for a real render still running, so that a client's
    /// few fast polls see it finish; a longer render answers "processing" with its progress.
    func waitForDraftRender(id: String) async {
        let deadline = ContinuousClock.now + .seconds(5)
        while await store.isRendering(id: id), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The video of completed job `id`: the real render when there is one, else the recorded clip.
    func renderOutputURL(id: String) async -> URL {
        await store.renderedFile(id: id).map { URL(fileURLWithPath: $0) } ?? renderVideoURL
    }

    /// The file behind a media URL this mock serves: `/media/uploads/<n>/<name>` or `/media/fixtures/<name>`.
    static func localFile(for url: String, uploads: URL, fixtures: URL) -> String? {
        guard let path = URLComponents(string: url)?.path else { return nil }
        let parts = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        guard parts.first == "media" else { return nil }
        let file: URL
        switch parts.count {
        case 4 where parts[1] == "uploads" && parts[2].allSatisfy(\.isNumber)
            && FileInspector.sanitize(parts[3]) == parts[3]:
            file = uploads.appendingPathComponent(parts[2]).appendingPathComponent(parts[3])
        case 3 where parts[1] == "fixtures" && FileInspector.sanitize(parts[2]) == parts[2]:
            file = fixtures.appendingPathComponent("media").appendingPathComponent(parts[2])
        default:
            return nil
        }
        return FileManager.default.fileExists(atPath: file.path) ? file.path : nil
    }
}
