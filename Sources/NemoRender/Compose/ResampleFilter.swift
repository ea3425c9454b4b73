/// The interpolation used to resample pictures each frame.
enum ResampleFilter: Sendable, CaseIterable {
    /// Two taps per axis: fastest, slightly soft, its sharpness varies a little with the sub-pixel phase.
    case bilinear
    /// Catmull-Rom, four taps per axis: sharper and steadier in motion.
    case bicubic

    /// Taps before the sample's whole position (the first tap is `tap - before`).
    var before: Int { self == .bilinear ? 0 : 1 }
    /// Taps after the sample's whole position.
    var after: Int { self == .bilinear ? 1 : 2 }

    /// Fixed-point weights (sum 256) of the four Catmull-Rom taps at -1, 0, 1, 2 for each phase 0/256 ... 255/256.
    static let cubicWeights: [SIMD4<Int32>] = (0..<256).map { step in
        let f = Double(step) / 256
        let f2 = f * f
        let f3 = f2 * f
        let w0 = Int32(((-f3 + 2 * f2 - f) / 2 * 256).rounded())
        let w2 = Int32(((-3 * f3 + 4 * f2 + f) / 2 * 256).rounded())
        let w3 = Int32(((f3 - f2) / 2 * 256).rounded())
        return SIMD4(w0, 256 - w0 - w2 - w3, w2, w3)
    }
}
