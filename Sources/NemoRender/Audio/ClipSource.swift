/// The samples of one clip's file from its start; when the clip loops, the file repeats with a short linear
/// crossfade at each seam (the end of one pass blends into the start of the next, so there is no click).
///
/// The last `crossfadeFrames` decoded frames are held back until the decoder says whether the pass goes on or ends:
/// at the end they are blended with the next pass's head. Memory is bounded by one read plus the crossfade.
final class ClipSource {
    /// The file.
    let path: String
    /// The output settings.
    private let format: AudioFormat
    /// Whether the file repeats.
    private let loops: Bool
    /// Where each pass begins in the file, in seconds.
    private let sourceStart: Double
    /// Whether the file's first picture is time zero (see ``AudioClip/isVideoSound``).
    private let alignedToPicture: Bool
    /// The seam crossfade, in sample frames (0 when not looping).
    private let crossfadeFrames: Int
    /// The current pass's decoder.
    private var decoder: AudioDecoder
    /// Frames decoded in the current pass (to stop on a file that decodes to nothing).
    private var passFrames = 0
    /// Interleaved samples ready to be read.
    private var ready: [Float] = []
    /// Interleaved samples held back for the next seam.
    private var held: [Float] = []
    /// Decode scratch.
    private var scratch: [Float]
    /// Whether the source has nothing more to give.
    private(set) var ended = false

    /// Decoded frames per step.
    private static let chunkFrames = 4_096
    /// The seam crossfade length: 10 ms.
    static let crossfadeSeconds = 0.010

    /// Opens the file for a clip, each pass beginning `sourceStart` seconds into it.
    init(
        path: String, format: AudioFormat, loops: Bool, sourceStart: Double = 0, alignedToPicture: Bool = false
    ) throws(RenderError) {
        self.path = path
        self.format = format
        self.loops = loops
        self.sourceStart = sourceStart
        self.alignedToPicture = alignedToPicture
        crossfadeFrames = loops ? Int((Self.crossfadeSeconds * Double(format.sampleRate)).rounded()) : 0
        decoder = try AudioDecoder(
            path: path, format: format, skipping: sourceStart, alignedToPicture: alignedToPicture)
        scratch = [Float](repeating: 0, count: Self.chunkFrames * format.channels)
    }

    /// Reads up to `frames` sample frames into `buffer` (interleaved); fewer only when a non-looping file ended.
    func read(into buffer: UnsafeMutablePointer<Float>, frames: Int) throws(RenderError) -> Int {
        let channels = format.channels
        while ready.count < frames * channels, !ended {
            try produce()
        }
        let count = min(frames * channels, ready.count)
        ready.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: count) }
        ready.removeFirst(count)
        return count / channels
    }

    /// Decodes one chunk into `ready` (keeping the crossfade tail in `held`), or handles the end of a pass.
    private func produce() throws(RenderError) {
        let channels = format.channels
        let decoded = try scratch.withUnsafeMutableBufferPointer { (buffer) throws(RenderError) in
            try decoder.read(into: buffer.baseAddress!, frames: Self.chunkFrames)
        }
        if decoded > 0 {
            passFrames += decoded
            held.append(contentsOf: scratch[0..<decoded * channels])
            let excess = held.count - crossfadeFrames * channels
            if excess > 0 {
                ready.append(contentsOf: held[0..<excess])
                held.removeFirst(excess)
            }
            return
        }
        guard loops, passFrames > 0 else {
            ready.append(contentsOf: held)
            held.removeAll()
            ended = true
            return
        }
        try startNextPass()
    }

    /// Reopens the file and blends the held tail of the last pass into the head of the new one.
    private func startNextPass() throws(RenderError) {
        let channels = format.channels
        decoder = try AudioDecoder(
            path: path, format: format, skipping: sourceStart, alignedToPicture: alignedToPicture)
        passFrames = 0
        let tailFrames = held.count / channels
        var head = [Float](repeating: 0, count: held.count)
        var headFrames = 0
        while headFrames < tailFrames {
            let count = try head.withUnsafeMutableBufferPointer { (buffer) throws(RenderError) in
                try decoder.read(into: buffer.baseAddress! + headFrames * channels, frames: tailFrames - headFrames)
            }
            if count == 0 { break }
            headFrames += count
        }
        passFrames = headFrames
        for frame in 0..<headFrames {
            let weight = Float(frame + 1) / Float(headFrames + 1)
            for channel in 0..<channels {
                let index = frame * channels + channel
                held[index] = held[index] * (1 - weight) + head[index] * weight
            }
        }
        ready.append(contentsOf: held)
        held.removeAll()
        guard headFrames > 0 else {
            ended = true
            return
        }
    }
}
