import CFuzzerDriver

@testable import NemoMock

/// Fuzz target: the mock's request-body readers (its JSON parser and its multipart parser) on arbitrary bytes must
/// throw or succeed, never crash. The input's first line is the Content-Type the multipart parser reads its boundary
/// from; the rest is the body. The whole input is also parsed as JSON, and as multipart with a fixed boundary.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? JSONParser.parse(bytes)
    _ = try? MultipartParser.parse(bytes, boundary: "nemo-fuzz-boundary")
    if let newline = bytes.firstIndex(of: 0x0A) {
        let contentType = String(decoding: bytes[..<newline], as: UTF8.self)
        if let boundary = MultipartParser.boundary(contentType: contentType) {
            _ = try? MultipartParser.parse(Array(bytes[(newline + 1)...]), boundary: boundary)
        }
    }
    return 0
}

/// SwiftPM's renamed entry point for this executable: hands control to libFuzzer (see CFuzzerDriver.h).
@_cdecl("fuzz_mock_request_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    nemo_fuzz_run(argc, argv) { data, size in fuzz(data!, size) }
}
