import Foundation
import NemoAPI
import NemoCore
import Synchronization
import Testing

extension TransportTests {
    /// Uploads streamed from disk: multipart `files` and file bodies, with progress.
    @Suite struct UploadTests {
        @Test func multipartFilesReachTheMock() async throws {
            try await withMock { api in
                let token = try await api.token()
                let session = try await api.session(token: token)
                let names = ["beach.jpg", "logo.png", "city.webp"]
                let files = names.map { MultipartFile(url: TransportPaths.fixture("images/\($0)")) }
                let log = ProgressLog()
                let response = try await api.transport.send(
                    HTTPRequest(
                        method: .post, url: api.url("/api/upload-video/nemo_agent/me/\(session)"),
                        headers: api.headers(token: token), body: .multipart(files)),
                    progress: log.record)
                #expect(response.status == 200, "\(response.text)")
                let stored = JSONTree(response.body)["data"]["files"].array
                #expect(stored.map { $0["filename"].string } == names)
                for (entry, name) in zip(stored, names) {
                    let path = TransportPaths.fixture("images/\(name)").path
                    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
                    #expect(entry["size"].int == size)
                    #expect(entry["hash"].string == Checksum.sha256(fileAt: path))
                }
                let last = try #require(log.last)
                #expect(last.totalToSend != nil && last.sent == last.totalToSend)
                let entry = try #require(try await api.journal().last)
                #expect(entry.header("Content-Type")?.hasPrefix("multipart/form-data; boundary=") == true)
            }
        }

        @Test func oneGigabyteSparseFileStreamsWithoutGrowingMemory() async throws {
            let folder = try TransportPaths.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let big = folder.appendingPathComponent("big.mp4")
            let bigSize: Int64 = 1 << 30
            try makeSparseFile(at: big, size: bigSize)
            let small = TransportPaths.fixture("images/logo.png")
            let smallBytes = [UInt8](try Data(contentsOf: small))
            let seen = Mutex<(parts: [MultipartCounter.Part], complete: Bool, length: Int)>(([], false, 0))
            let server = try LoopbackServer { connection in
                guard let head = connection.readHead(), let length = Int(head.headers["content-length"] ?? ""),
                    let boundary = head.headers["content-type"]?.components(separatedBy: "boundary=").last
                else { return connection.respond(status: 400) }
                var counter = MultipartCounter(boundary: boundary, keep: 1 << 16)
                guard connection.readBody(count: length, { counter.feed($0) }) else { return }
                seen.withLock { $0 = (counter.parts, counter.isComplete, length) }
                connection.respond(status: 200, body: Array(#"{"ok":true}"#.utf8))
            }
            defer { server.stop() }
            let log = ProgressLog()
            ProcessMemory.resetPeak()
            let before = ProcessMemory.current
            let started = ContinuousClock.now
            let response = try await CurlTransport().send(
                HTTPRequest(
                    method: .post, url: server.url("/upload"),
                    body: .multipart(
                        [
                            MultipartFile(url: small), MultipartFile(url: big),
                            MultipartFile(url: small, filename: "b.png"),
                        ],
                        fields: [MultipartField(name: "note", value: "three files")])),
                progress: log.record)
            let elapsed = ContinuousClock.now - started
            let growth = ProcessMemory.peak - before
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let rate = Int(Double(bigSize) / 1e6 / seconds)
            print("transport.upload: 1 GiB multipart in \(seconds) s = \(rate) MB/s, peak RSS +\(growth >> 20) MiB")
            #expect(response.status == 200)
            let (parts, complete, length) = seen.withLock { $0 }
            #expect(complete)
            #expect(parts.count == 4)
            #expect(parts.map(\.size) == [11, smallBytes.count, Int(bigSize), smallBytes.count])
            #expect(parts.first?.prefix == Array("three files".utf8))
            #expect(parts.dropFirst().first?.prefix == Array(smallBytes.prefix(1 << 16)))
            #expect(parts.first?.headers.contains(#"name="note""#) == true)
            #expect(parts.dropFirst(2).first?.headers.contains(#"name="files"; filename="big.mp4""#) == true)
            #expect(parts.last?.headers.contains(#"filename="b.png""#) == true)
            #expect(parts.last?.headers.contains("Content-Type: image/png") == true)
            #expect(growth < 64 << 20, "peak RSS grew by \(growth >> 20) MiB for a 1 GiB upload")
            let reports = log.all
            #expect(reports.last?.1.sent == Int64(length))
            #expect(reports.last?.1.totalToSend == Int64(length))
            // At most ~10 reports a second (plus the final one).
            #expect(Double(reports.count) <= seconds * 10 + 3, "\(reports.count) reports in \(seconds) s")
        }

        @Test func fileBodyIsStreamedAsIs() async throws {
            let folder = try TransportPaths.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("body.bin")
            let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
            try Data(bytes).write(to: file)
            let received = Mutex<(String, [UInt8])>(("", []))
            let server = try LoopbackServer { connection in
                guard let head = connection.readHead(), let length = Int(head.headers["content-length"] ?? "") else {
                    return connection.respond(status: 400)
                }
                var body: [UInt8] = []
                _ = connection.readBody(count: length) {
                    body.append(contentsOf: $0.assumingMemoryBound(to: UInt8.self))
                }
                received.withLock { $0 = (head.headers["content-type"] ?? "", body) }
                connection.respond(status: 201)
            }
            defer { server.stop() }
            let response = try await CurlTransport().send(
                HTTPRequest(method: .put, url: server.url("/put"), body: .file(file, contentType: "video/mp4")))
            #expect(response.status == 201)
            let (type, body) = received.withLock { $0 }
            #expect(type == "video/mp4")
            #expect(body == bytes)
        }

        @Test func missingUploadFileFailsBeforeSending() async throws {
            let error = await #expect(throws: TransportError.self) {
                _ = try await CurlTransport().send(
                    HTTPRequest(
                        method: .post, url: URL(string: "http://127.0.0.1:9/upload")!,
                        body: .multipart([MultipartFile(url: URL(fileURLWithPath: "/nonexistent/a.png"))])))
            }
            #expect(error?.code == .fileUnreadable)
            #expect(error?.message.contains("/nonexistent/a.png") == true)
        }
    }
}
