import Foundation
import NemoAPI
import NemoCore
import Synchronization
import Testing

extension TransportTests {
    /// Downloads to a partial file, renamed when complete, resumed with `Range` after a cut.
    @Suite struct DownloadTests {
        static let fixture = TransportPaths.fixture("media/render.mp4")

        /// A render output URL from the documented flow, on a mock whose downloads are cut half-way.
        static func renderOutput(_ api: MockAPI) async throws -> URL {
            let token = try await api.token()
            let session = try await api.session(token: token)
            let response = try await api.transport.stream(
                api.messageRequest(token: token, session: session, text: "city timelapse at dusk"))
            _ = try await response.body.collect(upTo: 1 << 20)
            return try await api.renderOutput(token: token, session: session)
        }

        @Test func cutDownloadResumesWithRangeAndNothingAppearsBeforeTheEnd() async throws {
            try await withMock(scenario: "download-cut") { api in
                let output = try await Self.renderOutput(api)
                let folder = try TransportPaths.temporaryFolder()
                defer { try? FileManager.default.removeItem(at: folder) }
                let destination = folder.appendingPathComponent("render.mp4")
                let log = ProgressLog()
                let early = Mutex(false)
                let result = try await api.transport.download(HTTPRequest(url: output), to: destination) { progress in
                    if FileManager.default.fileExists(atPath: destination.path) { early.withLock { $0 = true } }
                    log.record(progress)
                }
                #expect(early.withLock { $0 } == false, "the destination existed before the download finished")
                #expect(log.all.count >= 2)
                #expect(result.resumedFrom == [10_062])
                #expect(result.head.status == 206)
                #expect(result.bytes == 20_124)
                #expect(Checksum.sha256(fileAt: destination.path) == Checksum.sha256(fileAt: Self.fixture.path))
                #expect(!FileManager.default.fileExists(atPath: CurlTransport.partialFileURL(for: destination).path))
                #expect(log.last?.received == 20_124)
                #expect(log.last?.totalToReceive == 20_124)
                let gets = try await api.journal().filter { $0["path"].string == output.path }
                #expect(gets.map { $0.header("Range") } == [nil, "bytes=10062-"])
                #expect(gets.map { $0["status"].int } == [200, 206])
            }
        }

        @Test func partialFileIsKeptAndTheNextCallResumes() async throws {
            try await withMock(scenario: "download-cut") { api in
                let output = try await Self.renderOutput(api)
                let folder = try TransportPaths.temporaryFolder()
                defer { try? FileManager.default.removeItem(at: folder) }
                let destination = folder.appendingPathComponent("render.mp4")
                let partial = CurlTransport.partialFileURL(for: destination)
                var once = api.transport
                once.configuration.downloadResumeAttempts = 0
                let error = await #expect(throws: TransportError.self) {
                    _ = try await once.download(HTTPRequest(url: output), to: destination)
                }
                #expect(error?.code == .connectionLost)
                #expect(!FileManager.default.fileExists(atPath: destination.path))
                let kept = try FileManager.default.attributesOfItem(atPath: partial.path)[.size] as? Int
                #expect(kept == 10_062)
                let result = try await api.transport.download(HTTPRequest(url: output), to: destination)
                #expect(result.resumedFrom == [10_062])
                #expect(Checksum.sha256(fileAt: destination.path) == Checksum.sha256(fileAt: Self.fixture.path))
                #expect(!FileManager.default.fileExists(atPath: partial.path))
            }
        }

        @Test func wholePartialFileIsFinishedOn416() async throws {
            try await withMock { api in
                let folder = try TransportPaths.temporaryFolder()
                defer { try? FileManager.default.removeItem(at: folder) }
                let destination = folder.appendingPathComponent("render.mp4")
                try FileManager.default.copyItem(at: Self.fixture, to: CurlTransport.partialFileURL(for: destination))
                let result = try await api.transport.download(
                    HTTPRequest(url: api.url("/media/fixtures/render.mp4")), to: destination)
                #expect(result.head.status == 416)
                #expect(result.bytes == 20_124)
                #expect(Checksum.sha256(fileAt: destination.path) == Checksum.sha256(fileAt: Self.fixture.path))
            }
        }

        @Test func serverIgnoringRangeRestartsFromZero() async throws {
            let body = (0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let server = try LoopbackServer { connection in
                guard connection.readHead() != nil else { return }
                connection.respond(status: 200, body: body)
            }
            defer { server.stop() }
            let folder = try TransportPaths.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let destination = folder.appendingPathComponent("file.bin")
            try Data(repeating: 0xEE, count: 70_000).write(to: CurlTransport.partialFileURL(for: destination))
            let result = try await CurlTransport().download(HTTPRequest(url: server.url("/file")), to: destination)
            #expect(result.resumedFrom == [70_000])
            #expect(result.head.status == 200)
            #expect([UInt8](try Data(contentsOf: destination)) == body)
        }

        @Test func rangeThatDoesNotContinueRestartsFromZero() async throws {
            let server = try LoopbackServer { connection in
                guard connection.readHead() != nil else { return }
                connection.respond(
                    status: 206, headers: [("Content-Range", "bytes 0-9/10")], body: Array(repeating: 1, count: 10))
            }
            defer { server.stop() }
            let folder = try TransportPaths.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let destination = folder.appendingPathComponent("file.bin")
            try Data(repeating: 0xEE, count: 5).write(to: CurlTransport.partialFileURL(for: destination))
            let result = try await CurlTransport().download(HTTPRequest(url: server.url("/file")), to: destination)
            // Asked for bytes 5-, got 0-9: the partial file is dropped and the whole file fetched again.
            #expect(result.resumedFrom == [5])
            #expect([UInt8](try Data(contentsOf: destination)) == Array(repeating: 1, count: 10))
        }

        @Test func resumeRefusedTwiceIsATypedError() async throws {
            let server = try LoopbackServer { connection in
                guard connection.readHead() != nil else { return }
                connection.respond(status: 416, headers: [("Content-Range", "bytes */99")])
            }
            defer { server.stop() }
            let folder = try TransportPaths.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let destination = folder.appendingPathComponent("file.bin")
            try Data(repeating: 0xEE, count: 5).write(to: CurlTransport.partialFileURL(for: destination))
            let error = await #expect(throws: TransportError.self) {
                _ = try await CurlTransport().download(HTTPRequest(url: server.url("/file")), to: destination)
            }
            #expect(error?.code == .resumeRefused)
            #expect(error?.response?.status == 416)
            #expect(!FileManager.default.fileExists(atPath: destination.path))
        }

        @Test func missingFileIsAnUnexpectedStatusAndWritesNothing() async throws {
            try await withMock { api in
                let folder = try TransportPaths.temporaryFolder()
                defer { try? FileManager.default.removeItem(at: folder) }
                let destination = folder.appendingPathComponent("none.mp4")
                let error = await #expect(throws: TransportError.self) {
                    _ = try await api.transport.download(
                        HTTPRequest(url: api.url("/media/fixtures/none.mp4")), to: destination)
                }
                #expect(error?.code == .unexpectedStatus)
                #expect(error?.response?.status == 404)
                #expect(error?.response?.body.isEmpty == false)
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
            }
        }

        @Test func fullDiskIsReportedAndNothingIsRenamed() async throws {
            try await withMock { api in
                let folder = try TransportPaths.temporaryFolder()
                defer { try? FileManager.default.removeItem(at: folder) }
                let destination = folder.appendingPathComponent("render.mp4")
                // The partial file is a link to /dev/full, where every write fails with ENOSPC.
                try FileManager.default.createSymbolicLink(
                    atPath: CurlTransport.partialFileURL(for: destination).path, withDestinationPath: "/dev/full")
                let error = await #expect(throws: TransportError.self) {
                    _ = try await api.transport.download(
                        HTTPRequest(url: api.url("/media/fixtures/render.mp4")), to: destination)
                }
                #expect(error?.code == .fileWriteFailed)
                #expect(error?.message.hasPrefix("disk full while downloading") == true)
                #expect(!FileManager.default.fileExists(atPath: destination.path))
            }
        }

        @Test func largeDownloadKeepsMemoryFlat() async throws {
            let size = 128 << 20
            let server = try LoopbackServer { connection in
                guard connection.readHead() != nil else { return }
                connection.write("HTTP/1.1 200 OK\r\nContent-Length: \(size)\r\nConnection: close\r\n\r\n")
                let block = [UInt8](repeating: 0x5A, count: 1 << 20)
                for _ in 0..<(size >> 20) where connection.write(block) {}
            }
            defer { server.stop() }
            let folder = try TransportPaths.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let destination = folder.appendingPathComponent("big.bin")
            ProcessMemory.resetPeak()
            let before = ProcessMemory.current
            let log = ProgressLog()
            let started = ContinuousClock.now
            let result = try await CurlTransport().download(HTTPRequest(url: server.url("/big")), to: destination) {
                log.record($0)
            }
            let seconds =
                Double((ContinuousClock.now - started).components.attoseconds) / 1e18
                + Double((ContinuousClock.now - started).components.seconds)
            let growth = ProcessMemory.peak - before
            let rate = Int(Double(size) / 1e6 / seconds)
            print("transport.download: \(size >> 20) MiB in \(seconds) s = \(rate) MB/s, peak RSS +\(growth >> 20) MiB")
            #expect(result.bytes == Int64(size))
            #expect(growth < 32 << 20, "peak grew by \(growth >> 20) MiB")
            #expect(log.last?.received == Int64(size))
        }
    }
}
