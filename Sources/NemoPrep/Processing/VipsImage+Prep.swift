import CVips
import NemoVips

/// The Swift image wrapper; the name would otherwise be ambiguous with libvips' C struct in files importing CVips.
typealias VipsImage = NemoVips.VipsImage

/// The libvips calls that take nemo-prep's own types.
extension VipsImage {
    /// Cuts out `box`.
    func extractArea(_ box: PixelBox) throws(VipsError) -> VipsImage {
        try extractArea(left: box.left, top: box.top, width: box.width, height: box.height)
    }

    /// Encodes PNG with the given zlib level and row filter, metadata stripped (deterministic bytes).
    func pngData(compression: Int, filter: PNGFilter) throws(VipsError) -> [UInt8] {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard nemo_vips_pngsave_buffer(pointer, &buffer, &length, Int32(compression), filter.vipsValue) == 0,
            let buffer
        else { throw VipsError.take(operation: "pngsave") }
        defer { g_free(buffer) }
        return Array(UnsafeRawBufferPointer(start: buffer, count: length))
    }
}
