import Foundation
import Logging
import NemoAPI
import Synchronization
import Testing

extension TransportTests {
    /// Secrets never show: not in descriptions, dumps, errors or logs.
    @Suite struct RedactionTests {
        static let token = "nmv_usr_SECRET_0123456789abcdef"

        static func request(_ url: URL) -> HTTPRequest {
            var headers: HTTPHeaders = ["Accept": "application/json"]
            headers.setBearerToken(token)
            headers["Cookie"] = "session=\(token)"
            return HTTPRequest(url: url, headers: headers)
        }

        @Test func requestsPrintWithoutSecrets() {
            let request = Self.request(URL(string: "https://user:pw@example.com/a?sig=\(Self.token)")!)
            var dumped = ""
            dump(request, to: &dumped)
            for text in [
                String(describing: request), String(reflecting: request), "\(request.headers)", dumped,
                String(reflecting: request.headers),
            ] {
                #expect(!text.contains(Self.token), "\(text)")
                #expect(!text.contains("pw@"), "\(text)")
            }
            #expect(String(describing: request).contains("Authorization: Bearer ***"))
            #expect(String(describing: request).contains("Cookie: ***"))
            #expect(Redaction.url(request.url) == "https://example.com/a?…")
        }

        @Test func errorsNeverCarryTheToken() async throws {
            let port = try closedPort()
            var errors: [TransportError] = []
            let refused = await #expect(throws: TransportError.self) {
                _ = try await CurlTransport().send(
                    Self.request(URL(string: "http://127.0.0.1:\(port)/?t=\(Self.token)")!))
            }
            errors += refused.map { [$0] } ?? []
            try await withMock { api in
                let folder = try TransportPaths.temporaryFolder()
                defer { try? FileManager.default.removeItem(at: folder) }
                let status = await #expect(throws: TransportError.self) {
                    _ = try await api.transport.download(
                        Self.request(api.url("/media/fixtures/none.mp4")), to: folder.appendingPathComponent("x"))
                }
                errors += status.map { [$0] } ?? []
                let limit = await #expect(throws: TransportError.self) {
                    var request = Self.request(api.url("/media/fixtures/render.mp4"))
                    request.maxResponseBytes = 10
                    _ = try await api.transport.send(request)
                }
                errors += limit.map { [$0] } ?? []
            }
            #expect(errors.count == 3)
            for error in errors {
                for text in [error.message, String(describing: error), String(reflecting: error), "\(error)"] {
                    #expect(!text.contains(Self.token), "\(text)")
                }
            }
        }

        @Test func logsUseDottedKeysAndNoSecrets() async throws {
            let records = LogRecords()
            let logger = Logger(label: "test.transport") { _ in CapturingLogHandler(records: records) }
            try await withMock { api in
                var transport = api.transport
                transport.logger = logger
                _ = try await transport.send(Self.request(api.url("/api/credits/balance/simple")))
            }
            let lines = records.all
            #expect(lines.map(\.message) == ["http request started", "http response head", "http request finished"])
            #expect(lines.last?.metadata["http.status"] == "401")
            #expect(lines.allSatisfy { $0.metadata["http.method"] == "GET" })
            #expect(lines.allSatisfy { $0.metadata["http.url"]?.hasSuffix("/api/credits/balance/simple") == true })
            for line in lines {
                #expect(line.metadata.keys.allSatisfy { $0.contains(".") })
                #expect(!"\(line.message) \(line.metadata)".contains(Self.token))
            }
        }

        @Test func authorizationIsNotForwardedToAnotherHost() async throws {
            let seen = Mutex<[String: String]>([:])
            let server = try LoopbackServer { connection in
                guard let (line, headers) = connection.readHead() else { return }
                let path = line.split(separator: " ")[1]
                let port = headers["host"]?.split(separator: ":").last ?? ""
                switch path {
                case "/same":
                    connection.respond(status: 302, headers: [("Location", "http://127.0.0.1:\(port)/land-same")])
                case "/other":
                    connection.respond(status: 302, headers: [("Location", "http://localhost:\(port)/land-other")])
                default:
                    seen.withLock { $0[String(path)] = headers["authorization"] ?? "none" }
                    connection.respond(status: 200, body: Array("landed".utf8))
                }
            }
            defer { server.stop() }
            let transport = CurlTransport()
            let same = try await transport.send(Self.request(server.url("/same")))
            let other = try await transport.send(Self.request(server.url("/other")))
            #expect(same.text == "landed" && other.text == "landed")
            #expect(other.head.url.host == "localhost")
            #expect(seen.withLock { $0["/land-same"] } == "Bearer \(Self.token)")
            #expect(seen.withLock { $0["/land-other"] } == "none")
            var noRedirects = transport
            noRedirects.configuration.maxRedirects = 0
            #expect(try await noRedirects.send(Self.request(server.url("/other"))).status == 302)
        }
    }
}

/// Log lines captured by ``CapturingLogHandler``.
final class LogRecords: Sendable {
    struct Line: Sendable {
        var message: String
        var metadata: [String: String]
    }

    private let lines = Mutex<[Line]>([])
    func append(_ line: Line) { lines.withLock { $0.append(line) } }
    var all: [Line] { lines.withLock { $0 } }
}

/// A swift-log handler that keeps every line for assertions.
struct CapturingLogHandler: LogHandler {
    let records: LogRecords
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        records.append(LogRecords.Line(message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
    }
}
