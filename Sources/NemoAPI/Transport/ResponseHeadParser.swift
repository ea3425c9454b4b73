import Foundation

/// Builds the final response head from the header lines curl hands over, one line per call.
///
/// Interim heads (`1xx`) and the heads of redirects that curl follows are skipped; lines after the final head
/// (trailers) are ignored.
struct ResponseHeadParser {
    /// Whether curl follows redirects for this request (so a 3xx with `Location` is not final).
    var followsRedirects: Bool
    private var status = 0
    private var reason = ""
    private var version = ""
    private var fields: [HTTPHeaders.Field] = []
    private(set) var isComplete = false

    init(followsRedirects: Bool) {
        self.followsRedirects = followsRedirects
    }

    /// Takes one header line (with its line end); returns the head when this line completed the final one.
    mutating func take(line bytes: UnsafeRawBufferPointer, url: URL) -> HTTPResponseHead? {
        guard !isComplete else { return nil }
        var line = Substring(String(decoding: bytes, as: UTF8.self))
        while let last = line.last, last.isNewline { line = line.dropLast() }
        if line.hasPrefix("HTTP/") {
            startHead(statusLine: line)
        } else if line.isEmpty {
            return endHead(url: url)
        } else if let first = line.first, first == " " || first == "\t", !fields.isEmpty {
            fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            fields.append(HTTPHeaders.Field(name: name, value: value))
        }
        return nil
    }

    private mutating func startHead(statusLine: Substring) {
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        version = parts.first.map(String.init) ?? ""
        status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        reason = parts.count > 2 ? String(parts[2]) : ""
        fields = []
    }

    private mutating func endHead(url: URL) -> HTTPResponseHead? {
        guard status >= 200 else { return nil }
        let headers = HTTPHeaders(fields)
        if followsRedirects, [301, 302, 303, 307, 308].contains(status), headers.contains("Location") {
            return nil
        }
        isComplete = true
        return HTTPResponseHead(status: status, reason: reason, version: version, headers: headers, url: url)
    }
}
