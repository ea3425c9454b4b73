import NemoSSE
import NemoSSEReference

/// What a parser produced for a whole stream.
struct ParseOutcome: Equatable, CustomStringConvertible {
    var items: [SSEItem]
    var lastEventID: String
    var reconnectionTime: Int?

    var description: String {
        "items: \(items), lastEventID: \(lastEventID.debugDescription), retry: \(String(describing: reconnectionTime))"
    }
}

/// Helpers that feed streams to ``SSEParser`` and to the reference parser.
enum ChunkedParsing {
    /// Parses `input` with ``SSEParser`` in chunks of `size` bytes (the last may be shorter), then finishes.
    static func parse(_ input: [UInt8], chunkSize size: Int, reportsComments: Bool = true) -> ParseOutcome {
        var boundaries: [Int] = []
        var offset = size
        while offset < input.count {
            boundaries.append(offset)
            offset += size
        }
        return parse(input, splitAt: boundaries, reportsComments: reportsComments)
    }

    /// Parses `input` with ``SSEParser`` split at the given ascending offsets, then finishes.
    ///
    /// Each chunk is its own `Array`, so no chunk can see bytes beyond its end.
    static func parse(_ input: [UInt8], splitAt boundaries: [Int], reportsComments: Bool = true) -> ParseOutcome {
        var parser = SSEParser(reportsComments: reportsComments)
        var items: [SSEItem] = []
        var start = 0
        for end in boundaries + [input.count] {
            parser.parse(Array(input[start..<end])) { items.append($0) }
            start = end
        }
        parser.finish()
        return ParseOutcome(items: items, lastEventID: parser.lastEventID, reconnectionTime: parser.reconnectionTime)
    }

    /// Parses `input` with the reference parser.
    static func reference(_ input: [UInt8], reportsComments: Bool = true) -> ParseOutcome {
        let reference = ReferenceSSEParser(stream: input)
        let items = reference.items.filter { item in
            if case .comment = item { return reportsComments }
            return true
        }
        return ParseOutcome(
            items: items, lastEventID: reference.lastEventID, reconnectionTime: reference.reconnectionTime)
    }
}
