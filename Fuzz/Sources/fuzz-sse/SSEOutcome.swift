import NemoSSE
import NemoSSEReference

/// Everything a parser produced for one whole stream: items (events and comments) and the final state.
struct SSEOutcome: Equatable, CustomStringConvertible {
    /// Events and comments, in stream order.
    var items: [SSEItem]
    /// The last event ID at the end of the stream.
    var lastEventID: String
    /// The reconnection time at the end of the stream.
    var reconnectionTime: Int?

    /// A readable dump for the crash report.
    var description: String {
        "items \(items), lastEventID \(lastEventID.debugDescription), retry \(String(describing: reconnectionTime))"
    }

    /// The reference parser's outcome for `stream`.
    init(reference stream: [UInt8]) {
        let reference = ReferenceSSEParser(stream: stream)
        self.init(items: reference.items, lastEventID: reference.lastEventID, reconnectionTime: reference.reconnectionTime)
    }

    /// ``SSEParser``'s outcome for `stream` fed in chunks cut at the ascending offsets `boundaries`, then finished.
    ///
    /// Each chunk is its own array, so the parser cannot read past a chunk's end without ASan noticing.
    init(parsing stream: [UInt8], splitAt boundaries: [Int]) {
        var parser = SSEParser(reportsComments: true)
        var items: [SSEItem] = []
        var start = 0
        for end in boundaries + [stream.count] {
            parser.parse(Array(stream[start..<end])) { items.append($0) }
            start = end
        }
        parser.finish()
        self.init(items: items, lastEventID: parser.lastEventID, reconnectionTime: parser.reconnectionTime)
    }

    /// Creates an outcome from its parts.
    init(items: [SSEItem], lastEventID: String, reconnectionTime: Int?) {
        self.items = items
        self.lastEventID = lastEventID
        self.reconnectionTime = reconnectionTime
    }
}

/// SplitMix64 seeded from the input: reproducible split points.
struct SplitMix64 {
    private var state: UInt64

    /// Creates a generator.
    init(seed: UInt64) {
        state = seed
    }

    /// The next number.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// FNV-1a hash of `bytes`.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}
