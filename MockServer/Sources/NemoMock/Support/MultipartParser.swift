#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One part of a `multipart/form-data` body.
struct MultipartPart {
    /// The form field name.
    var name: String
    /// The file name the client gave, if any.
    var filename: String?
    /// The part's declared content type, if any.
    var contentType: String?
    /// The part's bytes.
    var range: Range<Int>
}

/// Splits a `multipart/form-data` body (RFC 7578) into parts without copying their contents.
enum MultipartParser {
    /// Why a body is not valid multipart.
    struct Failure: Error { var reason: String }

    /// The boundary parameter of a `multipart/form-data` content type, or nil.
    static func boundary(contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingSpaces }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            var value = part.dropFirst("boundary=".count)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            return value.isEmpty || value.count > 70 ? nil : String(value)
        }
        return nil
    }

    /// The parts of `body` delimited by `boundary`.
    static func parse(_ body: [UInt8], boundary: String) throws(Failure) -> [MultipartPart] {
        let dashBoundary = Array("--\(boundary)".utf8)
        let delimiter = [0x0D, 0x0A] + dashBoundary
        guard var cursor = find(dashBoundary, in: body, from: 0) else { throw Failure(reason: "no boundary found") }
        cursor += dashBoundary.count
        var parts: [MultipartPart] = []
        while true {
            if body.count >= cursor + 2, body[cursor] == 0x2D, body[cursor + 1] == 0x2D { return parts }
            guard let lineEnd = find([0x0D, 0x0A], in: body, from: cursor) else { throw Failure(reason: "truncated") }
            guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: lineEnd) else {
                throw Failure(reason: "part headers not terminated")
            }
            // A part without headers has its blank line right after the boundary line (headerEnd == lineEnd).
            let headerText = String(decoding: body[min(lineEnd + 2, headerEnd)..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let contentEnd = find(delimiter, in: body, from: contentStart) else {
                throw Failure(reason: "closing boundary missing")
            }
            var part = MultipartPart(name: "", filename: nil, contentType: nil, range: contentStart..<contentEnd)
            for line in headerText.split(separator: "\r\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let name = line[..<colon].lowercased()
                let value = String(line[line.index(after: colon)...].trimmingSpaces)
                if name == "content-disposition" {
                    part.name = parameter("name", in: value) ?? ""
                    part.filename = parameter("filename", in: value)
                } else if name == "content-type" {
                    part.contentType = value
                }
            }
            guard parts.count < 1000 else { throw Failure(reason: "too many parts") }
            parts.append(part)
            cursor = contentEnd + delimiter.count
        }
    }

    /// A quoted or bare parameter of a header value.
    static func parameter(_ key: String, in value: String) -> String? {
        var rest = Substring(value)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].trimmingSpaces
            guard rest.lowercased().hasPrefix(key + "=") else { continue }
            let raw = rest.dropFirst(key.count + 1)
            if raw.hasPrefix("\"") {
                var out = ""
                var escaped = false
                for character in raw.dropFirst() {
                    if escaped { out.append(character); escaped = false; continue }
                    if character == "\\" { escaped = true; continue }
                    if character == "\"" { return out }
                    out.append(character)
                }
                return out
            }
            return String(raw.prefix { $0 != ";" }.trimmingSpaces)
        }
        return nil
    }

    /// The offset of `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count - start >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { hay -> Int? in
            needle.withUnsafeBufferPointer { pin -> Int? in
                var index = start
                let last = hay.count - pin.count
                while index <= last {
                    guard let hit = memchr(hay.baseAddress! + index, Int32(pin[0]), last - index + 1) else {
                        return nil
                    }
                    let offset = hay.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(hay.baseAddress! + offset, pin.baseAddress!, pin.count) == 0 { return offset }
                    index = offset + 1
                }
                return nil
            }
        }
    }
}
