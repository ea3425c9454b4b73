import CVips

/// Moving packed 8-bit pixels between Swift memory and libvips.
extension VipsImage {
    /// An image over a copy of `pixels`: `width * height * bands` bytes, packed, rows without padding.
    package static func fromMemory(_ pixels: [UInt8], width: Int, height: Int, bands: Int) throws(VipsError)
        -> VipsImage
    {
        precondition(pixels.count == width * height * bands, "pixel count does not match the size")
        let image = pixels.withUnsafeBytes { raw in
            nemo_vips_new_from_memory_copy(raw.baseAddress, raw.count, Int32(width), Int32(height), Int32(bands))
        }
        guard let image else { throw VipsError.take(operation: "new_from_memory") }
        return VipsImage(owning: image)
    }

    /// Computes the pixels and returns them packed (`width * height * bands` values of the band format).
    package func pixelBytes() throws(VipsError) -> [UInt8] {
        var length = 0
        guard let buffer = nemo_vips_write_to_memory(pointer, &length) else {
            throw VipsError.take(operation: "write_to_memory")
        }
        defer { g_free(buffer) }
        return Array(UnsafeRawBufferPointer(start: buffer, count: length))
    }

    /// Computes the pixels straight into `destination`, which must hold exactly `width * height * bands` bytes
    /// of an 8-bit image; returns false (and writes nothing) when the sizes differ.
    package func copyPixels(into destination: UnsafeMutableRawBufferPointer) throws(VipsError) -> Bool {
        var length = 0
        guard let buffer = nemo_vips_write_to_memory(pointer, &length) else {
            throw VipsError.take(operation: "write_to_memory")
        }
        defer { g_free(buffer) }
        guard length == destination.count, let base = destination.baseAddress else { return false }
        base.copyMemory(from: buffer, byteCount: length)
        return true
    }
}
