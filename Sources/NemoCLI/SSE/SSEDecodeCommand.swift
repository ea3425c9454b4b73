public import ArgumentParser
import Glibc
import NemoAPI
import NemoSSE

/// `nemo sse decode [FILE] [--agent]`: one JSON object per dispatched event, for people debugging a transcript and
/// for tools outside Swift. Reads standard input when no file is given, and prints events as they arrive.
public struct SSEDecodeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Print each event of an SSE stream as one line of JSON.",
        discussion: """
            Each line is {"type":...,"data":...,"id":...,"retry":...}: type is the event name ("message" by \
            default), id the last event id in effect (omitted while empty), retry the reconnection time in effect \
            (omitted until a valid retry field was seen). With --agent, prints the typed agent events instead \
            (text, tool_call, tool_result, state_delta, heartbeat, error, unknown). Parsing follows the WHATWG \
            rules: an unfinished event at the end of the stream is not dispatched.
            """)

    @Argument(help: "A captured stream (the body of a text/event-stream response); standard input when omitted.")
    var file: String?

    @Flag(help: "Print the typed agent events decoded from each event's data instead of the raw events.")
    var agent = false

    public init() {}

    public func run() throws {
        let fd: Int32
        if let file {
            fd = open(file, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                throw ValidationError("Cannot read \(file): \(String(cString: strerror(errno))).")
            }
        } else {
            fd = STDIN_FILENO
        }
        defer { if file != nil { close(fd) } }

        var parser = SSEParser()
        let decoder = AgentEventDecoder()
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw ValidationError("Read failed: \(String(cString: strerror(errno))).") }
            if count == 0 { break }
            parser.parse(buffer[0..<count]) { item in
                guard case .event(let event) = item else { return }
                if agent {
                    for agentEvent in decoder.decode(event).events {
                        agentEvent.jsonValue.append(to: &output)
                        output.append(0x0A)
                    }
                } else {
                    SSEEventJSON.append(event, to: &output)
                    output.append(0x0A)
                }
            }
            Terminal.out(bytes: output)
            output.removeAll(keepingCapacity: true)
        }
        parser.finish()
    }
}
