import CVips

/// Geometric resampling with an explicit output area.
extension VipsImage {
    /// Maps the image through the matrix [a b; c d] plus the offset (`dx`, `dy`), computing only the
    /// `width` x `height` output area whose top-left corner is (`left`, `top`); edges are extended, not black.
    ///
    /// `interpolator` names a libvips interpolator: "nearest", "bilinear", "bicubic", "lbb", "nohalo", "vsqbs".
    package func affine(
        _ a: Double, _ b: Double, _ c: Double, _ d: Double, dx: Double, dy: Double,
        left: Int, top: Int, width: Int, height: Int, interpolator: String = "bilinear"
    ) throws(VipsError) -> VipsImage {
        try Self.make("affine") {
            nemo_vips_affine_area(
                pointer, $0, a, b, c, d, dx, dy, Int32(left), Int32(top), Int32(width), Int32(height), interpolator)
        }
    }
}
