import CVips
import NemoVips

/// Raises contrast on lightness only, so hues never shift.
///
/// Method: convert to CIE L*a*b*, find the lightness at the 0.5th and 99.5th percentiles (robust to a few
/// specular highlights or dead pixels), and compute the linear stretch that maps that range onto 0-100 (its gain
/// capped at ``maximumGain`` so flat, noisy images are not blown up, and its range kept inside 0-100 around the
/// original mid-lightness). The applied change is that stretch blended with the original by `strength`:
/// `L' = L + strength * (stretch(L) - L)`. a* and b* are untouched. An image that already spans the full range
/// (gain under 1.02) is left exactly as it is.
struct ContrastBoost {
    /// Blend of the stretch with the original, 0-1.
    let strength: Double
    /// Percentiles that define the range to stretch.
    static let lowPercentile = 0.5
    static let highPercentile = 99.5
    /// Largest stretch factor.
    static let maximumGain = 3.0

    /// Returns the boosted image (sRGB, 8-bit, alpha kept) and what was done.
    func apply(to image: VipsImage) throws(VipsError) -> (VipsImage, ContrastRecord) {
        var record = ContrastRecord(strength: strength, applied: false)
        guard strength > 0 else {
            record.reason = "strength 0"
            return (image, record)
        }
        let colourBands = image.hasAlpha ? image.bands - 1 : image.bands
        let colour = image.hasAlpha ? try image.extractBands(0, count: colourBands) : image
        let lab = try colour.colourspace(VIPS_INTERPRETATION_LAB)
        let lightness = try lab.extractBands(0)
        let histogramInput = try lightness.linear(2.55, 0, uchar: true)
        let low = Double(try histogramInput.percentile(Self.lowPercentile)) / 2.55
        let high = Double(try histogramInput.percentile(Self.highPercentile)) / 2.55
        record.low = Self.rounded(low)
        record.high = Self.rounded(high)

        let range = max(high - low, 1)
        let stretch = min(Self.maximumGain, 100 / range)
        guard stretch >= 1.02 else {
            record.reason = "already spans the full lightness range"
            return (image, record)
        }
        // stretch(L) = stretch * L + shift, with [low, high] mapped inside [0, 100] around the original middle.
        let middle = (low + high) / 2
        let halfWidth = range * stretch / 2
        let newMiddle = min(max(middle, halfWidth), 100 - halfWidth)
        let shift = newMiddle - stretch * middle
        let gain = 1 + strength * (stretch - 1)
        let offset = strength * shift
        record.gain = Self.rounded(gain)
        record.offset = Self.rounded(offset)
        record.applied = true

        let boosted = try lightness.linear(gain, offset).joiningBands(try lab.extractBands(1, count: 2))
        var result = try boosted.tagged(as: VIPS_INTERPRETATION_LAB).colourspace(VIPS_INTERPRETATION_sRGB)
        if result.format != VIPS_FORMAT_UCHAR { result = try result.cast(VIPS_FORMAT_UCHAR) }
        if image.hasAlpha { result = try result.joiningBands(try image.extractBands(colourBands)) }
        return (result, record)
    }

    private static func rounded(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
