package import CVips

/// Owns one libvips image reference and releases it when the Swift object goes away.
///
/// Operations return new images (libvips images are immutable and lazily evaluated); the pixels are computed
/// when an image is written or copied to memory. Not `Sendable`: each image belongs to the worker that made it.
package final class VipsImage {
    /// The libvips image; valid for the lifetime of `self`.
    package let pointer: UnsafeMutablePointer<CVips.VipsImage>

    /// Takes ownership of a reference returned by libvips.
    package init(owning pointer: UnsafeMutablePointer<CVips.VipsImage>) {
        self.pointer = pointer
    }

    deinit {
        g_object_unref(pointer)
    }

    /// Runs a libvips call that produces one image, wrapping the result or throwing libvips' message.
    package static func make(
        _ operation: String, _ call: (UnsafeMutablePointer<UnsafeMutablePointer<CVips.VipsImage>?>) -> Int32
    ) throws(VipsError) -> VipsImage {
        var output: UnsafeMutablePointer<CVips.VipsImage>?
        guard call(&output) == 0, let output else { throw VipsError.take(operation: operation) }
        return VipsImage(owning: output)
    }

    /// Opens `path` lazily for one sequential pass; only the header is read until pixels are needed.
    package static func open(_ path: String) throws(VipsError) -> VipsImage {
        guard let image = nemo_vips_open(path, VIPS_FAIL_ON_TRUNCATED) else { throw VipsError.take(operation: "load") }
        return VipsImage(owning: image)
    }

    /// Loads `path` upright, in sRGB, scaled so its width is `width` (libvips shrinks on load where it can).
    ///
    /// `height` bounds the height as well; pass a huge value to size by width only.
    package static func thumbnail(_ path: String, width: Int, height: Int, allowUpscale: Bool) throws(VipsError) -> VipsImage {
        try make("thumbnail") {
            nemo_vips_thumbnail(
                path, $0, Int32(width), Int32(height), allowUpscale ? VIPS_SIZE_BOTH : VIPS_SIZE_DOWN,
                VIPS_FAIL_ON_TRUNCATED)
        }
    }

    /// Width in pixels.
    package var width: Int { Int(vips_image_get_width(pointer)) }
    /// Height in pixels.
    package var height: Int { Int(vips_image_get_height(pointer)) }
    /// Number of bands (channels), alpha included.
    package var bands: Int { Int(vips_image_get_bands(pointer)) }
    /// The pixel format of each band.
    package var format: VipsBandFormat { vips_image_get_format(pointer) }
    /// How the bands should be interpreted (sRGB, CMYK, B_W, RGB16...).
    package var interpretation: VipsInterpretation { vips_image_get_interpretation(pointer) }
    /// The EXIF orientation tag (1-8), 1 when absent.
    package var orientation: Int { Int(vips_image_get_orientation(pointer)) }
    /// Whether the last band is alpha.
    package var hasAlpha: Bool { vips_image_hasalpha(pointer) != 0 }
    /// Whether the image carries an embedded ICC profile.
    package var hasICCProfile: Bool { vips_image_get_typeof(pointer, "icc-profile-data") != 0 }
    /// Number of pages or frames the file holds (GIF, WebP, TIFF), 1 when unknown.
    package var pageCount: Int { Int(vips_image_get_n_pages(pointer)) }

    /// The name of the loader that opened this image, e.g. "jpegload".
    package var loader: String? {
        var value: UnsafePointer<CChar>?
        guard vips_image_get_string(pointer, "vips-loader", &value) == 0, let value else {
            vips_error_clear()
            return nil
        }
        return String(cString: value)
    }
}
