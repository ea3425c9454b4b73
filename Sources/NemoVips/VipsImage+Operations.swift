package import CVips

/// Image operations, one libvips call each.
extension VipsImage {
    /// Converts to another colour space (e.g. sRGB, LAB); 16-bit sRGB becomes 8-bit on the way.
    package func colourspace(_ space: VipsInterpretation) throws(VipsError) -> VipsImage {
        try Self.make("colourspace") { nemo_vips_colourspace(pointer, $0, space) }
    }

    /// Imports with the embedded ICC profile and exports to `profile` ("srgb" or a file).
    package func iccTransform(to profile: String) throws(VipsError) -> VipsImage {
        try Self.make("icc_transform") { nemo_vips_icc_transform(pointer, $0, profile) }
    }

    /// Converts the band format, clipping values to the new range.
    package func cast(_ format: VipsBandFormat) throws(VipsError) -> VipsImage {
        try Self.make("cast") { nemo_vips_cast(pointer, $0, format) }
    }

    /// Cuts out the `width` x `height` rectangle whose top-left corner is (`left`, `top`).
    package func extractArea(left: Int, top: Int, width: Int, height: Int) throws(VipsError) -> VipsImage {
        try Self.make("extract_area") {
            nemo_vips_extract_area(pointer, $0, Int32(left), Int32(top), Int32(width), Int32(height))
        }
    }

    /// Takes `count` bands starting at `band`.
    package func extractBands(_ band: Int, count: Int = 1) throws(VipsError) -> VipsImage {
        try Self.make("extract_band") { nemo_vips_extract_band(pointer, $0, Int32(band), Int32(count)) }
    }

    /// Appends the bands of `other` after this image's bands.
    package func joiningBands(_ other: VipsImage) throws(VipsError) -> VipsImage {
        try Self.make("bandjoin") { nemo_vips_bandjoin2(pointer, other.pointer, $0) }
    }

    /// Finds the most interesting `width` x `height` area by libvips' attention measure and returns its centre.
    package func attentionCentre(width: Int, height: Int) throws(VipsError) -> (x: Int, y: Int) {
        var x: Int32 = 0
        var y: Int32 = 0
        _ = try Self.make("smartcrop") { nemo_vips_smartcrop(pointer, $0, Int32(width), Int32(height), &x, &y) }
        return (Int(x), Int(y))
    }

    /// Places this image at (x, y) on a `width` x `height` canvas filled with `background` (one value per band).
    package func embed(x: Int, y: Int, width: Int, height: Int, background: [Double]) throws(VipsError) -> VipsImage {
        try Self.make("embed") {
            nemo_vips_embed(
                pointer, $0, Int32(x), Int32(y), Int32(width), Int32(height), background, Int32(background.count))
        }
    }

    /// Resamples by the given horizontal and vertical factors (lanczos3 down, bicubic up).
    package func resize(horizontal: Double, vertical: Double) throws(VipsError) -> VipsImage {
        try Self.make("resize") { nemo_vips_resize(pointer, $0, horizontal, vertical) }
    }

    /// Resamples to exactly `width` x `height`.
    package func resize(toWidth width: Int, height: Int) throws(VipsError) -> VipsImage {
        let resized = try resize(
            horizontal: Double(width) / Double(self.width), vertical: Double(height) / Double(self.height))
        if resized.width == width && resized.height == height { return resized }
        // libvips rounds the output size; pad or trim the last row or column so the size is exact.
        let padded = try resized.embed(
            x: 0, y: 0, width: max(width, resized.width), height: max(height, resized.height),
            background: Array(repeating: 0, count: resized.bands))
        return try padded.extractArea(left: 0, top: 0, width: width, height: height)
    }

    /// Gaussian blur with standard deviation `sigma` pixels.
    package func gaussianBlur(sigma: Double) throws(VipsError) -> VipsImage {
        try Self.make("gaussblur") { nemo_vips_gaussblur(pointer, $0, sigma) }
    }

    /// Pastes `image` over this one with its top-left corner at (x, y).
    package func inserting(_ image: VipsImage, x: Int, y: Int) throws(VipsError) -> VipsImage {
        try Self.make("insert") { nemo_vips_insert(pointer, image.pointer, $0, Int32(x), Int32(y)) }
    }

    /// `self * a + b` on every band; `uchar` casts the result back to 8 bits with clipping.
    package func linear(_ a: Double, _ b: Double, uchar: Bool = false) throws(VipsError) -> VipsImage {
        try Self.make("linear") { nemo_vips_linear1(pointer, $0, a, b, uchar ? 1 : 0) }
    }

    /// The value below which `percent` % of the pixels of this one-band 8-bit image lie.
    package func percentile(_ percent: Double) throws(VipsError) -> Int {
        var threshold: Int32 = 0
        guard nemo_vips_percent(pointer, percent, &threshold) == 0 else { throw VipsError.take(operation: "percent") }
        return Int(threshold)
    }

    /// The standard deviation of all band values.
    package func standardDeviation() throws(VipsError) -> Double {
        var value = 0.0
        guard nemo_vips_deviate(pointer, &value) == 0 else { throw VipsError.take(operation: "deviate") }
        return value
    }

    /// Computes the pixels now and keeps them in memory, so later steps can read them more than once.
    package func copiedToMemory() throws(VipsError) -> VipsImage {
        try Self.make("copy_memory") { nemo_vips_copy_memory(pointer, $0) }
    }

    /// Tags the image with another interpretation without touching pixels.
    package func tagged(as space: VipsInterpretation) throws(VipsError) -> VipsImage {
        try Self.make("copy") { nemo_vips_copy_set_interpretation(pointer, $0, space) }
    }

    /// Writes the image to `path` in the format its suffix names.
    package func write(to path: String) throws(VipsError) {
        guard nemo_vips_write_to_file(pointer, path) == 0 else { throw VipsError.take(operation: "save") }
    }

    /// Lays `images` out in a grid `across` wide, `spacing` pixels apart, on a `background` colour.
    package static func grid(_ images: [VipsImage], across: Int, spacing: Int, background: [Double]) throws(VipsError)
        -> VipsImage
    {
        var pointers: [UnsafeMutablePointer<CVips.VipsImage>?] = images.map { $0.pointer }
        let result = try make("arrayjoin") { output in
            nemo_vips_arrayjoin(
                &pointers, Int32(pointers.count), output, Int32(across), Int32(spacing), background,
                Int32(background.count))
        }
        withExtendedLifetime(images) {}
        return result
    }

    /// Renders `text` as a one-band 8-bit mask with Pango.
    package static func text(_ text: String, font: String, width: Int) throws(VipsError) -> VipsImage {
        try make("text") { nemo_vips_text($0, text, font, Int32(width)) }
    }
}
