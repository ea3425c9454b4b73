/// Where each output pixel along one axis samples the source: `sourceIndex(i) = origin + i * step`, in source
/// pixel-index coordinates (pixel centres at whole numbers).
struct AxisMapping: Sendable, Equatable {
    /// Source index coordinate sampled by output pixel 0.
    var origin: Double
    /// Source pixels per output pixel (1 / scale).
    var step: Double

    /// The mapping for a viewport centred on `centre` (continuous source coordinate) at `scale`, on an output axis
    /// of `length` pixels whose content is displaced by `shift` output pixels (positive moves the content back).
    init(centre: Double, scale: Double, length: Int, shift: Double) {
        step = 1 / scale
        origin = centre + (0.5 + shift - Double(length) / 2) / scale - 0.5
    }

    /// The source index coordinate for output pixel `index`, clamped to the picture `0...(size - 1)`, split into a
    /// whole tap and a fixed-point phase 0..<256 past it (a phase that rounds to 256 moves to the next tap).
    @inline(__always)
    func tap(_ index: Int, size: Int) -> (tap: Int, phase: Int) {
        let position = min(Double(size - 1), max(0, origin + Double(index) * step))
        var tap = Int(position)
        var phase = Int(((position - Double(tap)) * 256).rounded())
        if phase == 256 {
            tap += 1
            phase = 0
        }
        return (tap, phase)
    }
}
