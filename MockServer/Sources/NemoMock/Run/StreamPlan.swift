/// What one run does, step by step, after templates, shape conversion and faults are applied.
struct StreamPlan: Sendable {
    /// One step of the plan.
    enum Item: Sendable, Equatable {
        /// Bytes the client receives at `at` seconds.
        case chunk(at: Double, bytes: [UInt8])
        /// A state change at `at` seconds.
        case state(at: Double, key: String, value: JSONValue)
        /// A value appended to the array at a dotted state path at `at` seconds.
        case append(at: Double, path: [String], value: JSONValue)
        /// A pause in real seconds, whatever the time scale (the `real` stall fault).
        case realPause(seconds: Double)
        /// The connection to the client is dropped here; the run goes on.
        case drop
        /// The run ends at `at` seconds.
        case end(at: Double)
    }

    var items: [Item]

    /// The bytes a client that stays connected receives.
    var clientBytes: [UInt8] {
        var out: [UInt8] = []
        for item in items {
            if case .drop = item { break }
            if case .chunk(_, let bytes) = item { out += bytes }
        }
        return out
    }

    /// Builds the plan of `transcript` for one run.
    static func build(
        transcript: Transcript, context: inout TemplateContext, events: Transcript.EventShape, faults: [Fault]
    ) throws(APIFailure) -> StreamPlan {
        var items: [Item] = []
        for (index, step) in transcript.steps.enumerated() {
            guard case .state(_, let key, let json) = step, key == "draft" else { continue }
            let text = transcript.template ? context.expand(json, at: step.at, index: index) : json
            context.drafts.append((index, text))
        }
        for (index, step) in transcript.steps.enumerated() {
            switch step {
            case .chunk(let at, let bytes):
                guard transcript.template else { items.append(.chunk(at: at, bytes: bytes)); continue }
                items.append(.chunk(at: at, bytes: context.expand(bytes: bytes, at: at, index: index)))
            case .state(let at, let key, let json):
                let text =
                    key == "draft"
                    ? (context.drafts.first { $0.index == index }?.json ?? json)
                    : (transcript.template ? context.expand(json, at: at, index: index) : json)
                do {
                    items.append(.state(at: at, key: key, value: try JSONParser.parse(text)))
                } catch {
                    throw APIFailure(
                        envelope: .http(500), message: "Transcript '\(transcript.name)' has a bad state value: \(error)"
                    )
                }
            case .append(let at, let path, let json):
                let text = transcript.template ? context.expand(json, at: at, index: index) : json
                do {
                    let value = try JSONParser.parse(text)
                    items.append(.append(at: at, path: path.split(separator: ".").map(String.init), value: value))
                } catch {
                    throw APIFailure(
                        envelope: .http(500),
                        message: "Transcript '\(transcript.name)' has a bad append value: \(error)")
                }
            case .end(let at):
                items.append(.end(at: at))
            }
        }
        var plan = StreamPlan(items: items)
        if events == .simple, transcript.shape == .adk { plan.convertToSimple() }
        for fault in faults { plan.apply(fault) }
        return plan
    }

    /// Rewrites ADK chunks as simplified events, one chunk per event at the time it completed.
    mutating func convertToSimple() {
        var converter = SimpleShapeConverter()
        var pending: [UInt8] = []
        var output: [Item] = []
        for item in items {
            guard case .chunk(let at, let bytes) = item else { output.append(item); continue }
            pending += bytes
            var consumed = 0
            for end in EventBlocks.ends(pending) {
                for event in converter.convert(EventBlocks.lines(pending[consumed..<end])) {
                    output.append(.chunk(at: at, bytes: SimpleShapeConverter.bytes(event)))
                }
                consumed = end
            }
            pending.removeFirst(consumed)
        }
        items = output
    }

    /// Injects a stream fault after the k-th event the client sees.
    mutating func apply(_ fault: Fault) {
        switch fault {
        case .dropAfter(let k):
            items.insert(.drop, at: splitAfterEvent(k))
        case .stall(let seconds, let k, let real):
            let position = splitAfterEvent(k)
            if real {
                items.insert(.realPause(seconds: seconds), at: position)
            } else {
                for index in position..<items.count { items[index] = items[index].delayed(by: seconds) }
            }
        case .malformed(let k):
            let position = splitAfterEvent(k)
            let at = position > 0 ? items[..<position].compactMap(\.time).last ?? 0 : 0
            let broken = Array("data: {\"content\":{\"parts\":[{\"text\":\"unterminated\n\n".utf8)
            items.insert(.chunk(at: at, bytes: broken), at: position)
        case .status, .cutDownload, .request:
            break
        }
    }

    /// Splits chunks so that an item boundary falls right after event `k`; returns that position.
    private mutating func splitAfterEvent(_ k: Int) -> Int {
        guard k > 0 else { return 0 }
        var bytesSoFar: [UInt8] = []
        for (index, item) in items.enumerated() {
            guard case .chunk(let at, let bytes) = item else { continue }
            let before = bytesSoFar.count
            bytesSoFar += bytes
            let ends = EventBlocks.ends(bytesSoFar)
            guard ends.count >= k else { continue }
            let cut = ends[k - 1] - before
            if cut >= bytes.count { return index + 1 }
            items[index] = .chunk(at: at, bytes: Array(bytes[..<cut]))
            items.insert(.chunk(at: at, bytes: Array(bytes[cut...])), at: index + 1)
            return index + 1
        }
        return items.lastIndex { if case .end = $0 { true } else { false } } ?? items.count
    }
}

extension StreamPlan.Item {
    /// The item's time, if it has one.
    var time: Double? {
        switch self {
        case .chunk(let at, _), .state(let at, _, _), .append(let at, _, _), .end(let at): return at
        case .realPause, .drop: return nil
        }
    }

    /// The same item `seconds` later.
    func delayed(by seconds: Double) -> StreamPlan.Item {
        switch self {
        case .chunk(let at, let bytes): return .chunk(at: at + seconds, bytes: bytes)
        case .state(let at, let key, let value): return .state(at: at + seconds, key: key, value: value)
        case .append(let at, let path, let value): return .append(at: at + seconds, path: path, value: value)
        case .end(let at): return .end(at: at + seconds)
        case .realPause, .drop: return self
        }
    }
}
