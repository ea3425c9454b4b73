import Foundation
import NemoMock
import NemoTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The mock holds 1,000 concurrent SSE streams.
@Suite struct ConcurrencyTests {
    @Test func thousandConcurrentStreams() async throws {
        try await MockHarness.with(credits: 1_000_000) { mock in
            let token = try await mock.token()
            let session = try await mock.session(token: token)
            let expected = [UInt8](
                try Data(contentsOf: Paths.adkRecordings.appendingPathComponent("scenario-video-streaming.sse")))
            let body =
                #"{"app_name":"nemo_agent","user_id":"me","session_id":"\#(session)","new_message":{"parts":[{"text":"city timelapse at dusk"}]}}"#
            let request = TestHTTPClient.requestBytes(
                method: "POST", path: "/run_sse", port: mock.url.port!,
                headers: [
                    ("Authorization", "Bearer \(token)"), ("Content-Type", "application/json"),
                    ("Accept", "text/event-stream"), ("X-Mock-Fault", "stall 1 after 1 real"),
                ],
                body: Array(body.utf8))
            let port = mock.url.port!
            let start = ContinuousClock.now
            let responses = try await TestHTTPClient.onThread {
                try Self.fanOut(count: 1000, port: port, request: request)
            }
            let elapsed = ContinuousClock.now - start
            #expect(responses.count == 1000)
            let complete = responses.filter { Self.dechunk($0) == expected }
            #expect(complete.count == 1000)
            #expect(elapsed < TestTiming.stretched(.seconds(60)))
            let credits = try await mock.get("/api/credits/balance/simple", token: token).json()["data"]
            #expect(credits["available"].int == 1_000_000 - 100_000)
        }
    }

    /// Opens `count` connections, sends `request` on each, and reads them all with poll().
    static func fanOut(count: Int, port: Int, request: [UInt8]) throws -> [[UInt8]] {
        var sockets: [Int32] = []
        defer { for fd in sockets { close(fd) } }
        for _ in 0..<count {
            let fd = try TestHTTPClient.connect(port: port, timeout: 60)
            sockets.append(fd)
            try TestHTTPClient.writeAll(fd, request)
        }
        var buffers = [[UInt8]](repeating: [], count: count)
        var open = Set(0..<count)
        var chunk = [UInt8](repeating: 0, count: 65536)
        let deadline = ContinuousClock.now + .seconds(120)
        while !open.isEmpty, ContinuousClock.now < deadline {
            var fds = open.map { pollfd(fd: sockets[$0], events: Int16(POLLIN), revents: 0) }
            let indices = Array(open)
            guard poll(&fds, nfds_t(fds.count), 1000) >= 0 else {
                throw TestHTTPClient.Failure(description: "poll failed")
            }
            for (position, entry) in fds.enumerated() where entry.revents != 0 {
                let index = indices[position]
                let n = chunk.withUnsafeMutableBytes { recv(entry.fd, $0.baseAddress, $0.count, 0) }
                if n > 0 { buffers[index] += chunk[0..<n] } else { open.remove(index) }
            }
        }
        return buffers
    }

    /// The body of a complete chunked response, or nil.
    static func dechunk(_ raw: [UInt8]) -> [UInt8]? {
        let text = raw
        guard let headEnd = MultipartFinder.find([13, 10, 13, 10], in: text, from: 0) else { return nil }
        var cursor = headEnd + 4
        var body: [UInt8] = []
        while true {
            guard let lineEnd = MultipartFinder.find([13, 10], in: text, from: cursor),
                let size = Int(String(decoding: text[cursor..<lineEnd], as: UTF8.self), radix: 16)
            else { return nil }
            cursor = lineEnd + 2
            if size == 0 { return body }
            guard cursor + size + 2 <= text.count else { return nil }
            body += text[cursor..<cursor + size]
            cursor += size + 2
        }
    }
}

/// Byte search for the tests.
enum MultipartFinder {
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<index + needle.count].elementsEqual(needle) { return index }
        }
        return nil
    }
}
