import Foundation
import NemoSSE

// nemo-sse-bench FILE CHUNK [MIN_SECONDS [MAX_BYTES]]
//
// Feeds the stream in FILE (its first MAX_BYTES, if given) to NemoSSE.SSEParser in CHUNK-byte slices through the
// callback form `parse(_:_:)`, again and again until MIN_SECONDS (default 0.5) have passed, and prints one JSON line
// like the C and Python anchors: each pass's seconds, the events and their data bytes (UTF-8) of one pass.

let arguments = CommandLine.arguments
guard arguments.count >= 3, let chunk = Int(arguments[2]), chunk > 0 else {
    FileHandle.standardError.write(Data("usage: nemo-sse-bench FILE CHUNK [MIN_SECONDS [MAX_BYTES]]\n".utf8))
    exit(2)
}
let minimumSeconds = arguments.count > 3 ? Double(arguments[3]) ?? 0.5 : 0.5
guard let contents = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("nemo-sse-bench: cannot read \(arguments[1])\n".utf8))
    exit(2)
}
var stream = [UInt8](contents)
if arguments.count > 4, let limit = Int(arguments[4]), limit < stream.count {
    stream.removeLast(stream.count - limit)
}

/// One pass over the whole stream: the events dispatched and their data bytes.
func parseOnce(_ stream: [UInt8], chunk: Int) -> (events: Int, dataBytes: Int) {
    var parser = SSEParser()
    var events = 0
    var dataBytes = 0
    var start = 0
    while start < stream.count {
        let end = min(start + chunk, stream.count)
        parser.parse(stream[start..<end]) { item in
            if case .event(let event) = item {
                events += 1
                dataBytes += event.data.utf8.count
            }
        }
        start = end
    }
    parser.finish()
    return (events, dataBytes)
}

var seconds: [Double] = []
var result = (events: 0, dataBytes: 0)
let clock = ContinuousClock()
while seconds.isEmpty || seconds.reduce(0, +) < minimumSeconds {
    let elapsed = clock.measure { result = parseOnce(stream, chunk: chunk) }
    seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}
let times = seconds.map { String(format: "%.6f", $0) }.joined(separator: ", ")
print(
    "{\"parser\": \"nemo\", \"chunk\": \(chunk), \"bytes\": \(stream.count), \"seconds\": [\(times)], "
        + "\"events\": \(result.events), \"data_bytes\": \(result.dataBytes)}")
