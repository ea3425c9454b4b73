import EventSource
import Foundation

// eventsource-bench FILE CHUNK [MIN_SECONDS [MAX_BYTES]]
//
// Feeds the stream to EventSource.Parser (mattt/EventSource) the way its AsyncSequence does, byte by byte, draining
// the events after each chunk; repeats until MIN_SECONDS have passed and prints one JSON line like the other anchors.

let arguments = CommandLine.arguments
guard arguments.count >= 3, let chunk = Int(arguments[2]), chunk > 0,
    let contents = FileManager.default.contents(atPath: arguments[1])
else {
    print("usage: eventsource-bench FILE CHUNK [MIN_SECONDS [MAX_BYTES]]")
    exit(2)
}
let minimumSeconds = arguments.count > 3 ? Double(arguments[3]) ?? 0.5 : 0.5
var stream = [UInt8](contents)
if arguments.count > 4, let limit = Int(arguments[4]), limit < stream.count {
    stream.removeLast(stream.count - limit)
}

func parseOnce(_ stream: [UInt8], chunk: Int) async -> (events: Int, dataBytes: Int) {
    let parser = EventSource.Parser()
    var events = 0
    var dataBytes = 0
    var start = 0
    while start < stream.count {
        let end = min(start + chunk, stream.count)
        for byte in stream[start..<end] {
            await parser.consume(byte)
        }
        while let event = await parser.getNextEvent() {
            events += 1
            dataBytes += event.data.utf8.count
        }
        start = end
    }
    await parser.finish()
    return (events, dataBytes)
}

var seconds: [Double] = []
var result = (events: 0, dataBytes: 0)
let clock = ContinuousClock()
while seconds.isEmpty || seconds.reduce(0, +) < minimumSeconds {
    let begin = clock.now
    result = await parseOnce(stream, chunk: chunk)
    let elapsed = clock.now - begin
    seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}
let times = seconds.map { String(format: "%.6f", $0) }.joined(separator: ", ")
print(
    "{\"parser\": \"eventsource\", \"chunk\": \(chunk), \"bytes\": \(stream.count), \"seconds\": [\(times)], "
        + "\"events\": \(result.events), \"data_bytes\": \(result.dataBytes)}")
