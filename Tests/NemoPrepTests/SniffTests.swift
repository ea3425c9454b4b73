import Testing

@testable import NemoPrep

@Suite("Format detection from content")
struct SniffTests {
    @Test("accepted formats are recognised by their magic bytes", arguments: [
        ([0xFF, 0xD8, 0xFF, 0xE0], ImageFormat.jpeg),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], .png),
        (Array("RIFF\0\0\0\0WEBPVP8 ".utf8), .webp),
        (Array("GIF89a".utf8), .gif),
        (Array("BM".utf8) + [UInt8](repeating: 0, count: 20), .bmp),
        ([0x49, 0x49, 0x2A, 0x00], .tiff),
        ([0x4D, 0x4D, 0x00, 0x2A], .tiff),
        ([0, 0, 0, 0x18] + Array("ftypheic".utf8), .heic),
        ([0, 0, 0, 0x18] + Array("ftypmif1".utf8), .heic),
        ([0, 0, 0, 0x18] + Array("ftypavif".utf8), .avif),
    ] as [([UInt8], ImageFormat)])
    func recognised(bytes: [UInt8], format: ImageFormat) {
        #expect(SniffedContent.sniff(bytes) == .image(format))
    }

    @Test("other known types are named as unsupported")
    func unsupported() {
        #expect(SniffedContent.sniff(Array("%PDF-1.7".utf8)) == .unsupported("PDF document"))
        #expect(SniffedContent.sniff(Array("<svg xmlns".utf8)) == .unsupported("SVG or XML document"))
        #expect(SniffedContent.sniff([0, 0, 0, 0x18] + Array("ftypisom".utf8)) == .unsupported("ISO media file (isom)"))
    }

    @Test("text and noise are not images")
    func unknown() {
        #expect(SniffedContent.sniff(Array("hello, world".utf8)) == .unknown)
        #expect(SniffedContent.sniff([]) == .unknown)
    }
}
