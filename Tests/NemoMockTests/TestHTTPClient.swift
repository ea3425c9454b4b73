import Foundation
import NemoTestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A response as read off the socket by ``TestHTTPClient``.
struct TestResponse: Sendable {
    var status: Int
    /// Header names lowercased, in order.
    var headers: [(String, String)]
    /// The body (de-chunked).
    var body: [UInt8]
    /// The chunk payloads as they were framed on the wire (chunked bodies only).
    var chunks: [[UInt8]]
    /// Whether the connection closed before the body was complete.
    var truncated: Bool

    /// The first value of header `name`.
    func header(_ name: String) -> String? { headers.first { $0.0 == name.lowercased() }?.1 }

    /// The body as UTF-8 text.
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as JSON (fails the caller with a thrown error when it is not JSON).
    func json() throws -> JSONValueBox { JSONValueBox(try JSONSerialization.jsonObject(with: Data(body))) }
}

/// Loose access into `JSONSerialization` output for assertions.
struct JSONValueBox: @unchecked Sendable {
    // JSONSerialization returns Foundation containers: only read here, never mutated.
    let raw: Any?
    init(_ raw: Any?) { self.raw = raw }
    subscript(key: String) -> JSONValueBox { JSONValueBox((raw as? [String: Any])?[key]) }
    subscript(index: Int) -> JSONValueBox {
        guard let array = raw as? [Any], array.indices.contains(index) else { return JSONValueBox(nil) }
        return JSONValueBox(array[index])
    }
    var string: String? { raw as? String }
    var int: Int? { (raw as? NSNumber)?.intValue }
    var double: Double? { (raw as? NSNumber)?.doubleValue }
    var bool: Bool? { (raw as? NSNumber)?.boolValue }
    var array: [JSONValueBox] { (raw as? [Any])?.map(JSONValueBox.init) ?? [] }
    var isNull: Bool { raw == nil || raw is NSNull }
}

/// A minimal blocking HTTP/1.1 client over POSIX sockets, so tests see exactly what goes over
/// loopback: raw chunk framing, connections closed mid-body, stalls. Each call runs on its own
/// thread, never on Swift's cooperative pool.
struct TestHTTPClient: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let port: Int

    init(url: URL) { self.port = url.port ?? 80 }

    /// Sends one request on a new connection (`Connection: close`) and reads the whole response; a read waits at
    /// most `timeout` seconds (times `NEMO_TEST_SLOWDOWN`: under a sanitizer a slowed-down mock's pauses grow too).
    func send(
        _ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = [],
        timeout: Double = 30 * TestTiming.slowdown
    ) async throws -> TestResponse {
        let raw = Self.requestBytes(method: method, path: path, port: port, headers: headers, body: body)
        let port = self.port
        return try await Self.onThread {
            let socket = try Self.connect(port: port, timeout: timeout)
            defer { close(socket) }
            try Self.writeAll(socket, raw)
            return try Self.readResponse(socket, method: method)
        }
    }

    /// The bytes of a request.
    static func requestBytes(
        method: String, path: String, port: Int, headers: [(String, String)], body: [UInt8]
    ) -> [UInt8] {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        return Array((head + "\r\n").utf8) + body
    }

    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await OwnThread.run { Result { try work() } }.get()
    }

    static func connect(port: Int, timeout: Double) throws -> Int32 {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "connect to 127.0.0.1:\(port) failed")
        }
        return fd
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "write failed") }
            sent += n
        }
    }

    /// Reads a response; a connection closed early marks it truncated.
    static func readResponse(_ fd: Int32, method: String) throws -> TestResponse {
        var reader = SocketReader(fd: fd)
        var headText = try reader.readHead()
        while headText.hasPrefix("HTTP/1.1 1") { headText = try reader.readHead() }
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw Failure(description: "bad status line")
        }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var response = TestResponse(status: status, headers: headers, body: [], chunks: [], truncated: false)
        if method == "HEAD" || status == 204 || status == 304 { return response }
        if response.header("transfer-encoding")?.lowercased() == "chunked" {
            while true {
                guard let sizeLine = reader.readLine(), let size = Int(sizeLine.split(separator: ";")[0], radix: 16)
                else { response.truncated = true; return response }
                if size == 0 { _ = reader.readLine(); return response }
                guard let payload = reader.read(size), reader.readLine() != nil else {
                    response.truncated = true
                    return response
                }
                response.chunks.append(payload)
                response.body += payload
            }
        }
        if let length = response.header("content-length").flatMap(Int.init) {
            let payload = reader.readAvailable(upTo: length)
            response.body = payload
            response.truncated = payload.count < length
            return response
        }
        response.body = reader.readAvailable(upTo: Int.max)
        return response
    }
}

/// Buffered reads from a socket.
struct SocketReader {
    let fd: Int32
    var buffer: [UInt8] = []
    var closed = false

    init(fd: Int32) { self.fd = fd }

    mutating func fill() -> Bool {
        guard !closed else { return false }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { closed = true; return false }
        buffer += chunk[0..<n]
        return true
    }

    mutating func readHead() throws -> String {
        while true {
            if let end = find([13, 10, 13, 10]) {
                let head = String(decoding: buffer[0..<end], as: UTF8.self)
                buffer.removeFirst(end + 4)
                return head
            }
            guard fill() else { throw TestHTTPClient.Failure(description: "connection closed before the head") }
        }
    }

    mutating func readLine() -> String? {
        while true {
            if let end = find([13, 10]) {
                let line = String(decoding: buffer[0..<end], as: UTF8.self)
                buffer.removeFirst(end + 2)
                return line
            }
            guard fill() else { return nil }
        }
    }

    mutating func read(_ count: Int) -> [UInt8]? {
        while buffer.count < count { guard fill() else { return nil } }
        defer { buffer.removeFirst(count) }
        return Array(buffer[0..<count])
    }

    mutating func readAvailable(upTo limit: Int) -> [UInt8] {
        while buffer.count < limit, fill() {}
        let taken = Array(buffer.prefix(limit))
        buffer.removeFirst(taken.count)
        return taken
    }

    private func find(_ needle: [UInt8]) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        for index in 0...(buffer.count - needle.count) where buffer[index] == needle[0] {
            if Array(buffer[index..<index + needle.count]) == needle { return index }
        }
        return nil
    }
}
