import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny blocking HTTP/1.1 server on 127.0.0.1 (port 0) for behaviours the mock does not have: streamed
/// multipart counting, redirects across host names, servers that ignore `Range`, large bodies, full backlogs.
/// Each connection is handled on its own thread by `handler`.
final class LoopbackServer: Sendable {
    let port: Int
    private let listener: Int32
    private let stopped = Atomic<Bool>(false)

    /// Binds 127.0.0.1:0 and starts accepting; `backlog` is passed to `listen`.
    init(backlog: Int32 = 64, accepting: Bool = true, handler: @escaping @Sendable (LoopbackConnection) -> Void)
        throws
    {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackError("socket: \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, backlog) == 0 else {
            close(fd)
            throw LoopbackError("bind/listen: \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        guard accepting else { return }
        let thread = Thread { [self] in
            while !stopped.load(ordering: .acquiring) {
                let client = accept(listener, nil, nil)
                if client < 0 {
                    if errno == EINTR { continue }
                    return
                }
                let worker = Thread {
                    let connection = LoopbackConnection(fd: client)
                    handler(connection)
                    connection.close()
                }
                worker.start()
            }
        }
        thread.start()
    }

    /// `http://127.0.0.1:<port>` + `path`.
    func url(_ path: String, host: String = "127.0.0.1") -> URL {
        URL(string: "http://\(host):\(port)\(path)")!
    }

    /// Stops accepting and closes the listening socket (call it: the accept thread keeps the server alive).
    func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }
}

/// A failure of the test server's own setup.
struct LoopbackError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One accepted connection: reads a request head, reads body bytes, writes answers.
final class LoopbackConnection {
    let fd: Int32
    private var buffered: [UInt8] = []
    private var isClosed = false

    init(fd: Int32) {
        self.fd = fd
    }

    /// The request line and headers (names lowercased); nil when the peer closed first.
    func readHead() -> (line: String, headers: [String: String])? {
        let marker = Array("\r\n\r\n".utf8)
        while true {
            if let end = buffered.firstRange(of: marker) {
                let text = String(decoding: buffered[..<end.lowerBound], as: UTF8.self)
                buffered.removeFirst(end.upperBound)
                var lines = text.components(separatedBy: "\r\n")
                let line = lines.removeFirst()
                var headers: [String: String] = [:]
                for header in lines {
                    guard let colon = header.firstIndex(of: ":") else { continue }
                    headers[header[..<colon].lowercased()] = header[header.index(after: colon)...]
                        .trimmingCharacters(in: .whitespaces)
                }
                return (line, headers)
            }
            guard fill() else { return nil }
        }
    }

    /// Reads exactly `count` body bytes, handing them over in blocks of up to 1 MiB; false when the peer closed.
    func readBody(count: Int, _ take: (UnsafeRawBufferPointer) -> Void) -> Bool {
        var left = count
        if !buffered.isEmpty {
            let now = min(left, buffered.count)
            buffered.withUnsafeBytes { take(UnsafeRawBufferPointer(rebasing: $0[..<now])) }
            buffered.removeFirst(now)
            left -= now
        }
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while left > 0 {
            let got = block.withUnsafeMutableBytes { recv(fd, $0.baseAddress, min(left, $0.count), 0) }
            if got <= 0 { return false }
            block.withUnsafeBytes { take(UnsafeRawBufferPointer(rebasing: $0[..<got])) }
            left -= got
        }
        return true
    }

    /// Writes all of `bytes`; false when the peer is gone.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let sent = send(fd, buffer.baseAddress! + done, buffer.count - done, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return false }
                done += sent
            }
            return true
        }
    }

    /// Writes text.
    @discardableResult
    func write(_ text: String) -> Bool {
        write(Array(text.utf8))
    }

    /// Writes a complete response with `Content-Length` and `Connection: close`.
    func respond(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        var head = "HTTP/1.1 \(status) X\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        write(Array((head + "\r\n").utf8) + body)
    }

    /// Waits until the peer closes (or `seconds` pass); true when it closed.
    func waitForClose(seconds: Double) -> Bool {
        var pollfd = Glibc.pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let deadline = Date().addingTimeInterval(seconds)
        var scratch = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline {
            guard poll(&pollfd, 1, 50) > 0 else { continue }
            let got = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if got <= 0 { return true }
        }
        return false
    }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        Glibc.close(fd)
    }

    private func fill() -> Bool {
        var block = [UInt8](repeating: 0, count: 65_536)
        let got = block.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard got > 0 else { return false }
        buffered += block[..<got]
        return true
    }
}

extension LoopbackServer {
    /// A server answering any request with `size` bytes of `byte` (`size` a multiple of 1 MiB), written 1 MiB at a
    /// time, for the tests that measure how much of a large body the client holds.
    static func body(of size: Int, filledWith byte: UInt8) throws -> LoopbackServer {
        try LoopbackServer { connection in
            guard connection.readHead() != nil else { return }
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: \(size)\r\n\r\n")
            let block = [UInt8](repeating: byte, count: 1 << 20)
            for _ in 0..<(size >> 20) where connection.write(block) {}
        }
    }
}
