import Foundation
import Testing

@testable import NemoAPI

extension TransportTests {
    /// The head parser skips interim and followed-redirect heads and keeps the final one.
    @Suite struct ResponseHeadParserTests {
        static let url = URL(string: "http://127.0.0.1/x")!

        static func parse(_ lines: [String], follows: Bool = true) -> [HTTPResponseHead] {
            var parser = ResponseHeadParser(followsRedirects: follows)
            var heads: [HTTPResponseHead] = []
            for line in lines {
                let bytes = Array(line.utf8)
                if let head = bytes.withUnsafeBytes({ parser.take(line: $0, url: url) }) { heads.append(head) }
            }
            return heads
        }

        @Test func finalHeadAfterContinueAndRedirect() {
            let heads = Self.parse([
                "HTTP/1.1 100 Continue\r\n", "\r\n",
                "HTTP/1.1 302 Found\r\n", "Location: /y\r\n", "\r\n",
                "HTTP/1.1 200 OK\r\n", "Content-Type: text/plain\r\n", "X-Long: a\r\n", "\tb\r\n", "\r\n",
                "X-Trailer: ignored\r\n", "\r\n",
            ])
            #expect(heads.count == 1)
            #expect(heads.first?.status == 200)
            #expect(heads.first?.reason == "OK")
            #expect(heads.first?.headers["content-type"] == "text/plain")
            #expect(heads.first?.headers["X-Long"] == "a b")
            #expect(heads.first?.headers["X-Trailer"] == nil)
        }

        @Test func redirectIsFinalWhenNotFollowed() {
            let heads = Self.parse(["HTTP/1.1 302 Found\r\n", "Location: /y\r\n", "\r\n"], follows: false)
            #expect(heads.map(\.status) == [302])
        }

        @Test(arguments: ["HTTP/2 204\r\n", "HTTP/1.0 204 No Content\n"])
        func statusLineForms(_ line: String) {
            let heads = Self.parse([line, "\r\n"])
            #expect(heads.map(\.status) == [204])
        }
    }
}
