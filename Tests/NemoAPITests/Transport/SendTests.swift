import Foundation
import NemoAPI
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension TransportTests {
    /// Buffered requests: JSON round trips, headers on the wire, limits and connection errors.
    @Suite struct SendTests {
        @Test func jsonRoundTripThroughTheDocumentedSteps() async throws {
            try await withMock { api in
                let token = try await api.token()
                #expect(token.hasPrefix("nmv_usr_"))
                let session = try await api.session(token: token)
                #expect(session.count == 19 && session.allSatisfy(\.isNumber))
                let credits = try await api.transport.send(
                    HTTPRequest(url: api.url("/api/credits/balance/simple"), headers: api.headers(token: token)))
                #expect(credits.status == 200)
                #expect(credits.headers["Content-Type"]?.hasPrefix("application/json") == true)
                #expect(JSONTree(credits.body)["data"]["available"].int == 100)
            }
        }

        @Test func headersAndBodyReachTheServer() async throws {
            try await withMock { api in
                let token = try await api.token()
                _ = try await api.session(token: token)
                let journal = try await api.journal()
                let entry = try #require(journal.last)
                #expect(entry["method"].string == "POST")
                #expect(entry["path"].string == "/api/tasks/me/with-session/nemo_agent")
                #expect(entry.header("X-Skill-Source") == "create-video-from-images")
                #expect(entry.header("X-Skill-Version") == "1.0.0")
                #expect(entry.header("X-Skill-Platform") == "unknown")
                #expect(entry.header("Content-Type") == "application/json")
                #expect(entry.header("Authorization")?.hasPrefix("Bearer ") == true)
                #expect(entry.header("User-Agent") == "nemo (libcurl)")
                #expect(entry.header("Expect") == nil)
                #expect(entry["body"].string == #"{"task_name":"project","language":"en"}"#)
                #expect(journal.first?.header("X-Client-Id") == "3f8c1a52-9d1e-4c1b-8f5e-1b2c3d4e5f60")
            }
        }

        @Test func bodyLargerThanTheLimitIsRefused() async throws {
            try await withMock { api in
                let media = api.url("/media/fixtures/render.mp4")
                let whole = try await api.transport.send(HTTPRequest(url: media))
                #expect(whole.body == [UInt8](try Data(contentsOf: TransportPaths.fixture("media/render.mp4"))))
                let error = await #expect(throws: TransportError.self) {
                    _ = try await api.transport.send(HTTPRequest(url: media, maxResponseBytes: 1_000))
                }
                #expect(error?.code == .bodyTooLarge)
                #expect(error?.message.contains("1000-byte limit") == true)
                var small = api.transport
                small.configuration.maxResponseBytes = 20_000
                let configured = await #expect(throws: TransportError.self) {
                    _ = try await small.send(HTTPRequest(url: media))
                }
                #expect(configured?.code == .bodyTooLarge)
            }
        }

        @Test func headRequestHasNoBody() async throws {
            try await withMock { api in
                let response = try await api.transport.send(
                    HTTPRequest(method: .head, url: api.url("/media/fixtures/render.mp4")))
                #expect(response.status == 200)
                #expect(response.head.contentLength == 20_124)
                #expect(response.body.isEmpty)
            }
        }

        @Test func statusErrorsAreResponses() async throws {
            try await withMock { api in
                let response = try await api.transport.send(
                    HTTPRequest(method: .post, url: api.url("/api/auth/anonymous-token")))
                #expect(response.status == 400)
                #expect(JSONTree(response.body)["message"].string?.isEmpty == false)
            }
        }

        @Test func refusedConnectionSaysWhatToCheck() async throws {
            let port = try closedPort()
            let transport = CurlTransport()
            let error = await #expect(throws: TransportError.self) {
                _ = try await transport.send(HTTPRequest(url: URL(string: "http://127.0.0.1:\(port)/x")!))
            }
            #expect(error?.code == .couldNotConnect)
            #expect(error?.requestSent == false)
            #expect(
                error?.message == "could not connect to 127.0.0.1:\(port) (connection refused): is the server running?")
        }

        @Test func connectTimeoutNamesTheLimit() async throws {
            // A listener that never accepts, with its backlog filled: further SYNs are dropped, so connect hangs.
            let server = try LoopbackServer(backlog: 0, accepting: false) { _ in }
            defer { server.stop() }
            var fillers: [Int32] = []
            defer { for fd in fillers { close(fd) } }
            for _ in 0..<4 {
                let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_addr.s_addr = inet_addr("127.0.0.1")
                address.sin_port = UInt16(server.port).bigEndian
                let flags = fcntl(fd, F_GETFL)
                _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
                _ = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
                fillers.append(fd)
            }
            try await Task.sleep(for: .milliseconds(100))
            let transport = CurlTransport()
            let started = ContinuousClock.now
            let error = await #expect(throws: TransportError.self) {
                _ = try await transport.send(
                    HTTPRequest(url: server.url("/"), timeouts: TransportTimeouts(connect: .milliseconds(400))))
            }
            #expect(error?.code == .connectTimeout)
            #expect(error?.message.contains("within 400 ms") == true)
            #expect(ContinuousClock.now - started < .seconds(3))
        }

        @Test(arguments: ["ftp://127.0.0.1/file", "file:///etc/passwd"])
        func onlyHTTPAndHTTPSAreAllowed(_ text: String) async throws {
            let error = await #expect(throws: TransportError.self) {
                _ = try await CurlTransport().send(HTTPRequest(url: URL(string: text)!))
            }
            #expect(error?.code == .unsupportedScheme)
        }

        @Test func getWithABodyIsRefused() async throws {
            let error = await #expect(throws: TransportError.self) {
                _ = try await CurlTransport().send(
                    HTTPRequest(url: URL(string: "http://127.0.0.1:9/")!, body: .json(text: "{}")))
            }
            #expect(error?.code == .invalidRequest)
            #expect(error?.requestSent == false)
        }

        @Test func headerWithLineBreakIsRefusedBeforeSending() async throws {
            let error = await #expect(throws: TransportError.self) {
                _ = try await CurlTransport().send(
                    HTTPRequest(url: URL(string: "http://127.0.0.1:9/")!, headers: ["X-Evil": "a\r\nInjected: 1"]))
            }
            #expect(error?.code == .invalidRequest)
            #expect(error?.message.contains("X-Evil") == true)
        }
    }
}
