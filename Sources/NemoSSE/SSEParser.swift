/// An incremental parser for `text/event-stream` bodies, following the WHATWG HTML "server-sent
/// events" parsing rules exactly.
///
/// Feed it the body's bytes in chunks as they arrive, split anywhere (inside a CRLF pair, inside a
/// UTF-8 character), then call ``finish()`` when the stream ends:
///
/// ```swift
/// var parser = SSEParser()
/// for chunk in chunks {
///     parser.parse(chunk) { item in
///         if case .event(let event) = item { handle(event) }
///     }
/// }
/// parser.finish()  // an unfinished event is discarded, as the spec says
/// ```
///
/// The callback form ``parse(_:_:)`` allocates nothing per chunk; ``parse(_:)`` is a convenience
/// that collects the chunk's events into an array.
///
/// Rules implemented: a UTF-8 byte order mark is skipped at the start of the stream only; lines end
/// with CRLF, LF or CR (a CR ending one chunk and an LF starting the next are one line end); lines
/// starting with `:` are comments; a line splits into field and value at its first `:` and one
/// leading space is removed from the value; `event` sets the event type, `data` appends its value
/// and an LF, `id` sets the last event ID unless the value contains U+0000, `retry` sets the
/// reconnection time if its value is ASCII digits only (values that do not fit in `Int` are ignored
/// too); other fields are ignored; a blank line dispatches the event unless its data is empty; an
/// unfinished event at the end of the stream is never dispatched. Text is decoded as UTF-8 with
/// invalid sequences replaced by U+FFFD, per whole field, never per chunk.
///
/// - Complexity: O(n) in the bytes fed. Each byte is searched once for line breaks (16 bytes at a
///   time); only an unfinished line is carried over between chunks; one `String` is built per
///   dispatched event's data, per `event` type in use, per `id` field and per reported comment.
public struct SSEParser: Sendable {
    /// Whether comment lines are reported as ``SSEItem/comment(_:)`` (otherwise they are skipped unbuilt).
    public let reportsComments: Bool

    /// The bytes of a line whose end has not arrived yet.
    @usableFromInline var pendingLine: [UInt8] = []
    /// The previous chunk ended with CR: an LF at the start of the next chunk belongs to that line end.
    @usableFromInline var skipsLeadingLineFeed = false
    /// No line has been completed yet, so the next line may start with a byte order mark.
    @usableFromInline var atStreamStart = true
    /// The data buffer, as bytes: each `data` value followed by LF.
    @usableFromInline var dataBuffer: [UInt8] = []
    /// The event type buffer, as bytes.
    @usableFromInline var eventTypeBuffer: [UInt8] = []
    /// The last event ID buffer.
    @usableFromInline var lastEventIDBuffer = ""

    /// The event source's last event ID: the last event ID buffer as of the latest blank line.
    ///
    /// This is what a client sends back as `Last-Event-ID` when it reconnects.
    public internal(set) var lastEventID = ""
    /// The reconnection time in milliseconds set by the latest valid `retry` field, or `nil`.
    public internal(set) var reconnectionTime: Int?

    /// Creates a parser at the start of a stream.
    ///
    /// - Parameter reportsComments: report comment lines (heartbeats) as ``SSEItem/comment(_:)``.
    public init(reportsComments: Bool = false) {
        self.reportsComments = reportsComments
    }

    /// Parses the next chunk of the stream, calling `body` for each event dispatched (and each
    /// comment, when ``reportsComments`` is set) in stream order.
    ///
    /// Contiguous chunks (`[UInt8]`, `ArraySlice`, `Data`, NIO's `ByteBufferView`, ...) are read in
    /// place; other sequences are copied once. If `body` throws, parsing stops and the rest of the
    /// chunk is dropped.
    @inlinable
    public mutating func parse<Bytes: Sequence<UInt8>>(
        _ chunk: Bytes,
        _ body: (SSEItem) throws -> Void
    ) rethrows {
        let done: Void? = try chunk.withContiguousStorageIfAvailable { buffer in
            try self.parseBytes(UnsafeRawBufferPointer(buffer), body)
        }
        if done == nil {
            let copy = Array(chunk)
            try copy.withUnsafeBytes { try self.parseBytes($0, body) }
        }
    }

    /// Parses the next chunk of the stream and returns the events it completes (comments are not returned).
    @inlinable
    public mutating func parse<Bytes: Sequence<UInt8>>(_ chunk: Bytes) -> [SSEEvent] {
        var events: [SSEEvent] = []
        parse(chunk) { item in
            if case .event(let event) = item {
                events.append(event)
            }
        }
        return events
    }

    /// Bytes held for the event being assembled (its unfinished line, data, type): what an endless line or an
    /// endless event would grow. A client reading an untrusted stream checks it against its own limit.
    public var bufferedByteCount: Int {
        pendingLine.count + dataBuffer.count + eventTypeBuffer.count
    }

    /// Ends the stream: discards an unfinished line and an undispatched event, as the spec requires.
    ///
    /// The parser is then ready for the next connection's stream (a byte order mark is allowed
    /// again); ``lastEventID`` and ``reconnectionTime`` carry over, as they do for an `EventSource`.
    public mutating func finish() {
        pendingLine.removeAll(keepingCapacity: true)
        skipsLeadingLineFeed = false
        atStreamStart = true
        dataBuffer.removeAll(keepingCapacity: true)
        eventTypeBuffer.removeAll(keepingCapacity: true)
    }
}
