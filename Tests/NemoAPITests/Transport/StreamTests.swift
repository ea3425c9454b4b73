import Foundation
import NemoAPI
import NemoSSE
import NemoTestSupport
import Synchronization
import Testing

extension TransportTests {
    /// Streaming responses: SSE chunks as they arrive, cancellation, idle and total limits.
    @Suite struct StreamTests {
        @Test func sseChunksArriveBeforeTheStreamEnds() async throws {
            try await withMock(timeScale: 1) { api in
                let token = try await api.token()
                let session = try await api.session(token: token)
                let started = ContinuousClock.now
                let response = try await api.transport.stream(
                    api.messageRequest(token: token, session: session, text: "city timelapse at dusk"))
                #expect(response.head.status == 200)
                #expect(response.head.headers["Content-Type"]?.hasPrefix("text/event-stream") == true)
                var arrivals: [Duration] = []
                var parser = SSEParser()
                var events: [SSEEvent] = []
                for try await chunk in response.body {
                    arrivals.append(ContinuousClock.now - started)
                    events += parser.parse(chunk)
                }
                let ended = ContinuousClock.now - started
                // The transcript writes at 0, 0.302, 0.354 and 0.405 s: the first chunk must not wait for the end.
                #expect(arrivals.count >= 3)
                let first = try #require(arrivals.first)
                #expect(ended - first >= .milliseconds(250), "first chunk at \(first), end at \(ended)")
                #expect(events.count == 5)
                #expect(events.allSatisfy { $0.data.hasPrefix("{") })
            }
        }

        @Test func cancellingTheReaderStopsALongStreamPromptly() async throws {
            try await withMock(scenario: "heartbeat-timeout", timeScale: 1) { api in
                let token = try await api.token()
                let session = try await api.session(token: token)
                var request = api.messageRequest(token: token, session: session, text: "never finishes")
                request.timeouts = TransportTimeouts(idle: .seconds(60))
                let transport = api.transport
                let reader = Task { () throws -> Int in
                    let response = try await transport.stream(request)
                    var count = 0
                    for try await chunk in response.body { count += chunk.count }
                    return count
                }
                try await Task.sleep(for: .milliseconds(500))
                let cancelled = ContinuousClock.now
                reader.cancel()
                let result = await reader.result
                let took = ContinuousClock.now - cancelled
                #expect(took < .seconds(2), "took \(took)")
                guard case .failure(let failure) = result else {
                    Issue.record("the stream ended without an error")
                    return
                }
                let error = try #require(failure as? TransportError)
                #expect(error.code == .cancelled)
                #expect(error.requestSent)
                #expect(error.message.contains("/run_sse was cancelled"))
            }
        }

        @Test func droppingTheBodyClosesTheConnection() async throws {
            let closed = Mutex<Bool?>(nil)
            let server = try LoopbackServer { connection in
                guard connection.readHead() != nil else { return }
                connection.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n: hello\n\n")
                closed.withLock { $0 = connection.waitForClose(seconds: 3) }
            }
            defer { server.stop() }
            do {
                let response = try await CurlTransport().stream(HTTPRequest(url: server.url("/events")))
                var iterator = response.body.makeAsyncIterator()
                #expect(try await iterator.next() == Array(": hello\n\n".utf8))
            }
            for _ in 0..<40 where closed.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(100)) }
            #expect(closed.withLock { $0 } == true)
        }

        @Test func stalledStreamHitsTheIdleTimeout() async throws {
            try await withMock(scenario: "stall-real-2s", timeScale: 0) { api in
                let token = try await api.token()
                let session = try await api.session(token: token)
                var request = api.messageRequest(token: token, session: session, text: "city timelapse at dusk")
                request.timeouts = TransportTimeouts(idle: .milliseconds(500))
                let started = ContinuousClock.now
                let response = try await api.transport.stream(request)
                var received = 0
                let error = await #expect(throws: TransportError.self) {
                    for try await chunk in response.body { received += chunk.count }
                }
                let took = ContinuousClock.now - started
                #expect(error?.code == .idleTimeout)
                #expect(error?.requestSent == true)
                #expect(error?.message.contains("for 500 ms") == true)
                #expect(received > 0)
                #expect(took < .milliseconds(1_800), "took \(took)")
            }
        }

        @Test func totalTimeoutEndsAStreamThatKeepsGoing() async throws {
            try await withMock(scenario: "heartbeat-timeout", timeScale: 1) { api in
                let token = try await api.token()
                let session = try await api.session(token: token)
                var request = api.messageRequest(token: token, session: session, text: "never finishes")
                request.timeouts = TransportTimeouts(total: .milliseconds(700), idle: nil)
                let started = ContinuousClock.now
                let error = await #expect(throws: TransportError.self) {
                    let response = try await api.transport.stream(request)
                    for try await _ in response.body {}
                }
                #expect(error?.code == .totalTimeout)
                #expect(error?.message.contains("within 700 ms") == true)
                #expect(ContinuousClock.now - started < .seconds(2))
            }
        }

        @Test(.disabled(if: TestTiming.underAddressSanitizer, "ASan's quarantine keeps freed memory resident"))
        func slowReaderPausesTheTransferInsteadOfBuffering() async throws {
            let size = 64 << 20
            let server = try LoopbackServer.body(of: size, filledWith: 7)
            defer { server.stop() }
            var transport = CurlTransport()
            transport.configuration.streamBufferBytes = 256 << 10
            ProcessMemory.resetPeak()
            let before = ProcessMemory.current
            let response = try await transport.stream(HTTPRequest(url: server.url("/big")))
            var iterator = response.body.makeAsyncIterator()
            var total = try await iterator.next()?.count ?? 0
            try await Task.sleep(for: .milliseconds(500))  // an unbounded buffer would take the whole body now
            while let chunk = try await iterator.next() { total += chunk.count }
            #expect(total == size)
            let growth = ProcessMemory.peak - before
            #expect(growth < 24 << 20, "peak grew by \(growth >> 20) MiB for a \(size >> 20) MiB body")
        }

        @Test(.disabled(if: TestTiming.underAddressSanitizer, "ASan's quarantine keeps freed memory resident"))
        func readerSlowerThanTheNetworkKeepsMemoryFlat() async throws {
            // Like a client parsing events: every byte is looked at, so the transfer is always ahead of the reader
            // and the queue between them never empties.
            let size = 128 << 20
            let server = try LoopbackServer.body(of: size, filledWith: 3)
            defer { server.stop() }
            ProcessMemory.resetPeak()
            let before = ProcessMemory.current
            let response = try await CurlTransport().stream(HTTPRequest(url: server.url("/big")))
            var total = 0
            var checksum = 0
            for try await chunk in response.body {
                for byte in chunk { checksum &+= Int(byte) }
                total += chunk.count
            }
            let growth = ProcessMemory.peak - before
            #expect(total == size && checksum == 3 * size)
            #expect(growth < 32 << 20, "peak grew by \(growth >> 20) MiB for a \(size >> 20) MiB body")
        }

        @MainActor
        @Test(.disabled(if: TestTiming.underAddressSanitizer, "ASan's quarantine keeps freed memory resident"))
        func readerOnTheMainActorKeepsMemoryFlat() async throws {
            let size = 256 << 20
            let server = try LoopbackServer.body(of: size, filledWith: 1)
            defer { server.stop() }
            ProcessMemory.resetPeak()
            let before = ProcessMemory.current
            let response = try await CurlTransport().stream(HTTPRequest(url: server.url("/big")))
            var total = 0
            for try await chunk in response.body { total += chunk.count }
            let growth = ProcessMemory.peak - before
            #expect(total == size)
            #expect(growth < 32 << 20, "peak grew by \(growth >> 20) MiB for a \(size >> 20) MiB body")
        }
    }
}
