#ifndef NEMO_CVIPS_SHIM_H
#define NEMO_CVIPS_SHIM_H

// Non-variadic wrappers for the libvips calls nemo uses: Swift cannot call C varargs.
// Each wrapper returns 0 on success and -1 on failure (the message is in vips_error_buffer()).
#include <vips/vips.h>

/// Opens an image lazily for sequential reading, failing on truncated data.
static inline VipsImage *nemo_vips_open(const char *path, VipsFailOn fail_on) {
    return vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on", fail_on, NULL);
}

/// Opens an image with random access (used for small images and tests).
static inline VipsImage *nemo_vips_open_random(const char *path) {
    return vips_image_new_from_file(path, "access", VIPS_ACCESS_RANDOM, NULL);
}

/// Shrink-on-load thumbnail: orients upright (CMYK is imported to sRGB), then scales so the width is `width` (height
/// constrained by `height`). An embedded RGB profile is kept, not applied: convert with nemo_vips_icc_transform.
/// (Passing export_profile would also transform profile-less images, shifting their colours.)
static inline int nemo_vips_thumbnail(const char *path, VipsImage **out, int width, int height, VipsSize size,
                                      VipsFailOn fail_on) {
    return vips_thumbnail(path, out, width, "height", height, "size", size, "fail_on", fail_on, NULL);
}

static inline int nemo_vips_colourspace(VipsImage *in, VipsImage **out, VipsInterpretation space) {
    return vips_colourspace(in, out, space, NULL);
}

static inline int nemo_vips_icc_transform(VipsImage *in, VipsImage **out, const char *profile) {
    return vips_icc_transform(in, out, profile, "embedded", TRUE, NULL);
}

static inline int nemo_vips_icc_export(VipsImage *in, VipsImage **out, const char *profile) {
    return vips_icc_transform(in, out, profile, NULL);
}

static inline int nemo_vips_cast(VipsImage *in, VipsImage **out, VipsBandFormat format) {
    return vips_cast(in, out, format, NULL);
}

static inline int nemo_vips_extract_area(VipsImage *in, VipsImage **out, int left, int top, int width, int height) {
    return vips_extract_area(in, out, left, top, width, height, NULL);
}

static inline int nemo_vips_extract_band(VipsImage *in, VipsImage **out, int band, int n) {
    return vips_extract_band(in, out, band, "n", n, NULL);
}

static inline int nemo_vips_bandjoin2(VipsImage *a, VipsImage *b, VipsImage **out) {
    return vips_bandjoin2(a, b, out, NULL);
}

/// Attention-based smart crop; reports the attention centre the crop was placed on.
static inline int nemo_vips_smartcrop(VipsImage *in, VipsImage **out, int width, int height, int *attention_x,
                                      int *attention_y) {
    return vips_smartcrop(in, out, width, height, "interesting", VIPS_INTERESTING_ATTENTION, "attention_x",
                          attention_x, "attention_y", attention_y, NULL);
}

/// Places `in` at (x, y) on a width x height canvas of a solid colour with `n` bands.
static inline int nemo_vips_embed(VipsImage *in, VipsImage **out, int x, int y, int width, int height,
                                  const double *background, int n) {
    VipsArrayDouble *array = vips_array_double_new(background, n);
    int result = vips_embed(in, out, x, y, width, height, "extend", VIPS_EXTEND_BACKGROUND, "background", array,
                            NULL);
    vips_area_unref(VIPS_AREA(array));
    return result;
}

static inline int nemo_vips_resize(VipsImage *in, VipsImage **out, double hscale, double vscale) {
    return vips_resize(in, out, hscale, "vscale", vscale, NULL);
}

static inline int nemo_vips_gaussblur(VipsImage *in, VipsImage **out, double sigma) {
    return vips_gaussblur(in, out, sigma, NULL);
}

static inline int nemo_vips_insert(VipsImage *main, VipsImage *sub, VipsImage **out, int x, int y) {
    return vips_insert(main, sub, out, x, y, NULL);
}

/// out = in * a + b on every band, optionally cast back to 8 bits.
static inline int nemo_vips_linear1(VipsImage *in, VipsImage **out, double a, double b, gboolean uchar) {
    return vips_linear1(in, out, a, b, "uchar", uchar, NULL);
}

static inline int nemo_vips_percent(VipsImage *in, double percent, int *threshold) {
    return vips_percent(in, percent, threshold, NULL);
}

static inline int nemo_vips_deviate(VipsImage *in, double *out) {
    return vips_deviate(in, out, NULL);
}

static inline int nemo_vips_copy_memory(VipsImage *in, VipsImage **out) {
    *out = vips_image_copy_memory(in);
    return *out ? 0 : -1;
}

/// Encodes PNG into a g_malloc'd buffer (free with g_free). `filter` is a VipsForeignPngFilter bit set.
static inline int nemo_vips_pngsave_buffer(VipsImage *in, void **buffer, size_t *length, int compression,
                                           int filter) {
    return vips_pngsave_buffer(in, buffer, length, "compression", compression, "filter", filter, "strip", TRUE,
                               NULL);
}

/// Joins `n` images into a grid `across` wide with `shim` pixels between them.
static inline int nemo_vips_arrayjoin(VipsImage **in, int n, VipsImage **out, int across, int shim,
                                      const double *background, int bands) {
    VipsArrayDouble *array = vips_array_double_new(background, bands);
    int result = vips_arrayjoin(in, out, n, "across", across, "shim", shim, "background", array, "halign",
                                VIPS_ALIGN_CENTRE, "valign", VIPS_ALIGN_CENTRE, NULL);
    vips_area_unref(VIPS_AREA(array));
    return result;
}

/// Renders `text` with Pango into a one-band mask.
static inline int nemo_vips_text(VipsImage **out, const char *text, const char *font, int width) {
    return vips_text(out, text, "font", font, "width", width, NULL);
}

static inline int nemo_vips_flatten(VipsImage *in, VipsImage **out) {
    return vips_flatten(in, out, NULL);
}

/// Writes an image to a file, format chosen by the suffix (used by tests and fixtures).
static inline int nemo_vips_write_to_file(VipsImage *in, const char *path) {
    return vips_image_write_to_file(in, path, NULL);
}

/// Creates a width x height image of one constant value per band (uchar).
static inline int nemo_vips_black(VipsImage **out, int width, int height, int bands) {
    return vips_black(out, width, height, "bands", bands, NULL);
}

static inline int nemo_vips_copy_set_interpretation(VipsImage *in, VipsImage **out, VipsInterpretation space) {
    return vips_copy(in, out, "interpretation", space, NULL);
}

/// Gaussian noise, one float band (test and benchmark fixtures).
static inline int nemo_vips_gaussnoise(VipsImage **out, int width, int height, double mean, double sigma, int seed) {
    return vips_gaussnoise(out, width, height, "mean", mean, "sigma", sigma, "seed", seed, NULL);
}

/// A horizontal ramp from 0 to 255, one uchar band.
static inline int nemo_vips_grey(VipsImage **out, int width, int height) {
    return vips_grey(out, width, height, "uchar", TRUE, NULL);
}

/// A copy of `in` carrying an EXIF orientation tag.
static inline int nemo_vips_with_orientation(VipsImage *in, VipsImage **out, int orientation) {
    if (vips_copy(in, out, NULL)) return -1;
    vips_image_set_int(*out, VIPS_META_ORIENTATION, orientation);
    return 0;
}

static inline int nemo_vips_jpegsave(VipsImage *in, const char *path, int quality) {
    return vips_jpegsave(in, path, "Q", quality, NULL);
}

/// Value of one pixel; `values` must hold at least as many doubles as the image has bands.
static inline int nemo_vips_getpoint(VipsImage *in, double *values, int max, int x, int y) {
    double *vector = NULL;
    int n = 0;
    if (vips_getpoint(in, &vector, &n, x, y, NULL)) return -1;
    for (int i = 0; i < n && i < max; i++) values[i] = vector[i];
    g_free(vector);
    return n;
}

/// An image over a copy of `size` bytes of packed 8-bit pixels (`bands` per pixel, rows without padding).
static inline VipsImage *nemo_vips_new_from_memory_copy(const void *data, size_t size, int width, int height,
                                                         int bands) {
    return vips_image_new_from_memory_copy(data, size, width, height, bands, VIPS_FORMAT_UCHAR);
}

/// Computes the pixels into a g_malloc'd buffer of packed pixels (free with g_free); NULL on failure.
static inline void *nemo_vips_write_to_memory(VipsImage *in, size_t *length) {
    return vips_image_write_to_memory(in, length);
}

/// Affine transform [a b; c d] with output offset (odx, ody), computing only the output area (ox, oy, ow, oh).
/// `interpolator` names a VipsInterpolate ("bilinear", "bicubic", "nohalo"...); edges extend by copying.
static inline int nemo_vips_affine_area(VipsImage *in, VipsImage **out, double a, double b, double c, double d,
                                        double odx, double ody, int ox, int oy, int ow, int oh,
                                        const char *interpolator) {
    VipsInterpolate *interpolate = vips_interpolate_new(interpolator);
    if (!interpolate) return -1;
    int area[4] = {ox, oy, ow, oh};
    VipsArrayInt *oarea = vips_array_int_new(area, 4);
    int result = vips_affine(in, out, a, b, c, d, "interpolate", interpolate, "oarea", oarea, "odx", odx, "ody", ody,
                             "extend", VIPS_EXTEND_COPY, NULL);
    vips_area_unref(VIPS_AREA(oarea));
    g_object_unref(interpolate);
    return result;
}

/// Renders `text` (Pango markup) into a one-band mask at `dpi`, wrapped to `width` pixels, lines aligned by `align`.
static inline int nemo_vips_text_aligned(VipsImage **out, const char *text, const char *font, int width, int dpi,
                                         VipsAlign align) {
    return vips_text(out, text, "font", font, "width", width, "dpi", dpi, "align", align, NULL);
}

/// Flattens alpha onto a solid background colour (`n` values).
static inline int nemo_vips_flatten_background(VipsImage *in, VipsImage **out, const double *background, int n) {
    VipsArrayDouble *array = vips_array_double_new(background, n);
    int result = vips_flatten(in, out, "background", array, NULL);
    vips_area_unref(VIPS_AREA(array));
    return result;
}

#endif
