/// Draws a scaled and translated picture into a rectangle of a frame: a separable fixed-point resample
/// (bilinear or Catmull-Rom bicubic) at sub-pixel positions (1/256 pixel), edges extended, optionally blended
/// over the frame.
///
/// Each output row is made in two passes: the source rows it needs are blended vertically into a scratch row
/// (contiguous, vectorised by the compiler), then each output pixel blends its taps from that row horizontally.
/// Column taps and weights are computed once per draw. Scratch memory is kept between draws, so drawing allocates
/// nothing once warmed up. Not thread-safe: one resampler per thread.
final class Resampler {
    /// The interpolation.
    let filter: ResampleFilter

    private var tapOffsets: UnsafeMutablePointer<Int>
    private var tapWeights: UnsafeMutablePointer<SIMD4<Int32>>
    private var columnCapacity = 0
    /// Bilinear scratch row: values * 256, exact in 16 bits.
    private var shortRow: UnsafeMutablePointer<UInt16>
    /// Bicubic scratch row: values * 256, may be negative or above 255 * 256 (ringing).
    private var wideRow: UnsafeMutablePointer<Int32>
    private var rowCapacity = 0

    /// A resampler using `filter`.
    init(filter: ResampleFilter) {
        self.filter = filter
        tapOffsets = .allocate(capacity: 1)
        tapWeights = .allocate(capacity: 1)
        shortRow = .allocate(capacity: 1)
        wideRow = .allocate(capacity: 1)
    }

    deinit {
        tapOffsets.deallocate()
        tapWeights.deallocate()
        shortRow.deallocate()
        wideRow.deallocate()
    }

    /// Draws `plane` into `rect` of a frame `frameWidth` pixels wide (packed RGB): output pixel (x, y) shows the
    /// source at (`columns.origin + x * columns.step`, `rows.origin + y * rows.step`).
    ///
    /// `opacity` is 0...256: 256 overwrites, less blends the picture over what the frame holds, 0 draws nothing.
    func draw(
        _ plane: PixelPlane, columns: AxisMapping, rows: AxisMapping, rect: PixelRect, opacity: Int,
        into frame: UnsafeMutablePointer<UInt8>, frameWidth: Int
    ) {
        guard !rect.isEmpty, opacity > 0 else { return }
        let before = filter == .bilinear ? 0 : 1
        let after = filter == .bilinear ? 1 : 2
        let spanStart = columns.tap(rect.x, size: plane.width).tap - before
        let spanCount = columns.tap(rect.x + rect.width - 1, size: plane.width).tap + after - spanStart + 1
        reserve(columns: rect.width, rowValues: spanCount * 3)
        for index in 0..<rect.width {
            let (tap, phase) = columns.tap(rect.x + index, size: plane.width)
            tapOffsets[index] = (tap - before - spanStart) * 3
            tapWeights[index] =
                filter == .bilinear
                ? SIMD4(Int32(256 - phase), Int32(phase), 0, 0) : ResampleFilter.cubicWeights[phase]
        }
        let span = Span(start: spanStart, count: spanCount, low: max(spanStart, 0),
                        high: min(spanStart + spanCount - 1, plane.width - 1))
        plane.bytes.withUnsafeBufferPointer { source in
            let source = source.baseAddress!
            for y in rect.y..<(rect.y + rect.height) {
                let (tap, phase) = rows.tap(y, size: plane.height)
                let output = frame + (y * frameWidth + rect.x) * 3
                if filter == .bilinear {
                    verticalBilinear(source, plane, tap: tap, phase: phase, span: span)
                    if opacity == 256 {
                        horizontalBilinear(output, count: rect.width)
                    } else {
                        horizontalBilinear(output, count: rect.width, opacity: UInt32(opacity))
                    }
                } else {
                    verticalCubic(source, plane, tap: tap, phase: phase, span: span)
                    if opacity == 256 {
                        horizontalCubic(output, count: rect.width)
                    } else {
                        horizontalCubic(output, count: rect.width, opacity: Int32(opacity))
                    }
                }
            }
        }
    }

    /// The source columns a row pass covers: `count` columns from `start`, of which `low...high` exist in the
    /// picture (the others repeat its edge pixels).
    private struct Span {
        var start: Int
        var count: Int
        var low: Int
        var high: Int
    }

    /// Grows the scratch buffers when needed (never shrinks them).
    private func reserve(columns: Int, rowValues: Int) {
        if columns > columnCapacity {
            tapOffsets.deallocate()
            tapWeights.deallocate()
            tapOffsets = .allocate(capacity: columns)
            tapWeights = .allocate(capacity: columns)
            columnCapacity = columns
        }
        if rowValues > rowCapacity {
            shortRow.deallocate()
            wideRow.deallocate()
            shortRow = .allocate(capacity: rowValues)
            wideRow = .allocate(capacity: rowValues)
            rowCapacity = rowValues
        }
    }

    /// Repeats the edge pixels of the scratch row over the span's columns outside the picture.
    @inline(__always)
    private static func extendEdges<Value>(_ row: UnsafeMutablePointer<Value>, _ span: Span) {
        let first = (span.low - span.start) * 3
        for index in 0..<first { row[index] = row[first + index % 3] }
        let last = (span.high - span.start) * 3
        for index in (last + 3)..<(span.count * 3) { row[index] = row[last + index % 3] }
    }

    /// shortRow = source row `tap` * (256 - phase) + row `tap + 1` * phase.
    private func verticalBilinear(
        _ source: UnsafePointer<UInt8>, _ plane: PixelPlane, tap: Int, phase: Int, span: Span
    ) {
        let stride = plane.width * 3
        let top = source + tap * stride + span.low * 3
        let bottom = source + min(tap + 1, plane.height - 1) * stride + span.low * 3
        let output = shortRow + (span.low - span.start) * 3
        let weight = UInt16(phase)
        let inverse = 256 - weight
        for index in 0..<((span.high - span.low + 1) * 3) {
            output[index] = UInt16(top[index]) &* inverse &+ UInt16(bottom[index]) &* weight
        }
        Self.extendEdges(shortRow, span)
    }

    /// wideRow = the four Catmull-Rom taps around source row `tap`, weighted for `phase`.
    private func verticalCubic(
        _ source: UnsafePointer<UInt8>, _ plane: PixelPlane, tap: Int, phase: Int, span: Span
    ) {
        let stride = plane.width * 3
        let lastRow = plane.height - 1
        let r0 = source + max(tap - 1, 0) * stride + span.low * 3
        let r1 = source + tap * stride + span.low * 3
        let r2 = source + min(tap + 1, lastRow) * stride + span.low * 3
        let r3 = source + min(tap + 2, lastRow) * stride + span.low * 3
        let weights = ResampleFilter.cubicWeights[phase]
        let (w0, w1, w2, w3) = (weights[0], weights[1], weights[2], weights[3])
        let output = wideRow + (span.low - span.start) * 3
        for index in 0..<((span.high - span.low + 1) * 3) {
            output[index] =
                Int32(r0[index]) &* w0 &+ Int32(r1[index]) &* w1 &+ Int32(r2[index]) &* w2 &+ Int32(r3[index]) &* w3
        }
        Self.extendEdges(wideRow, span)
    }

    /// Output pixels from two taps of the scratch row.
    private func horizontalBilinear(_ output: UnsafeMutablePointer<UInt8>, count: Int) {
        for index in 0..<count {
            let taps = shortRow + tapOffsets[index]
            let weight = UInt32(truncatingIfNeeded: tapWeights[index][1])
            let inverse = 256 &- weight
            let out = output + index * 3
            out[0] = UInt8(truncatingIfNeeded: (UInt32(taps[0]) &* inverse &+ UInt32(taps[3]) &* weight &+ 32768) >> 16)
            out[1] = UInt8(truncatingIfNeeded: (UInt32(taps[1]) &* inverse &+ UInt32(taps[4]) &* weight &+ 32768) >> 16)
            out[2] = UInt8(truncatingIfNeeded: (UInt32(taps[2]) &* inverse &+ UInt32(taps[5]) &* weight &+ 32768) >> 16)
        }
    }

    /// Output pixels from two taps of the scratch row, blended over the frame at `opacity` 1...255.
    private func horizontalBilinear(_ output: UnsafeMutablePointer<UInt8>, count: Int, opacity: UInt32) {
        let keep = 256 - opacity
        for index in 0..<count {
            let taps = shortRow + tapOffsets[index]
            let weight = UInt32(truncatingIfNeeded: tapWeights[index][1])
            let inverse = 256 &- weight
            let out = output + index * 3
            for channel in 0..<3 {
                let value = (UInt32(taps[channel]) &* inverse &+ UInt32(taps[channel + 3]) &* weight &+ 32768) >> 16
                out[channel] = UInt8(truncatingIfNeeded: (UInt32(out[channel]) &* keep &+ value &* opacity &+ 128) >> 8)
            }
        }
    }

    /// One output value from four taps of the scratch row, rounded and clamped to 0...255.
    @inline(__always)
    private static func cubic(_ taps: UnsafeMutablePointer<Int32>, _ weights: SIMD4<Int32>) -> Int32 {
        let sum = taps[0] &* weights[0] &+ taps[3] &* weights[1] &+ taps[6] &* weights[2] &+ taps[9] &* weights[3]
        return min(255, max(0, (sum &+ 32768) >> 16))
    }

    /// Output pixels from four taps of the scratch row.
    private func horizontalCubic(_ output: UnsafeMutablePointer<UInt8>, count: Int) {
        for index in 0..<count {
            let taps = wideRow + tapOffsets[index]
            let weights = tapWeights[index]
            let out = output + index * 3
            out[0] = UInt8(truncatingIfNeeded: Self.cubic(taps, weights))
            out[1] = UInt8(truncatingIfNeeded: Self.cubic(taps + 1, weights))
            out[2] = UInt8(truncatingIfNeeded: Self.cubic(taps + 2, weights))
        }
    }

    /// Output pixels from four taps of the scratch row, blended over the frame at `opacity` 1...255.
    private func horizontalCubic(_ output: UnsafeMutablePointer<UInt8>, count: Int, opacity: Int32) {
        let keep = 256 - opacity
        for index in 0..<count {
            let taps = wideRow + tapOffsets[index]
            let weights = tapWeights[index]
            let out = output + index * 3
            for channel in 0..<3 {
                let value = Self.cubic(taps + channel, weights)
                out[channel] = UInt8(truncatingIfNeeded: (Int32(out[channel]) &* keep &+ value &* opacity &+ 128) >> 8)
            }
        }
    }
}
