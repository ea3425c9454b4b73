/* gen_images: deterministic, photo-like test images for the preprocessing benchmark.
 *
 * Each image is a sum of Gaussian-noise octaves (a 1/f-like "fractal" spectrum, like natural photos: large shapes,
 * textures and fine grain at every scale), with sharp-edged regions from a thresholded smooth field and correlated
 * colour channels. Same arguments, same pixels: every noise octave has its own seed.
 *
 *   gen_images jpeg OUT.jpg WIDTH HEIGHT SEED [ORIENTATION [PROFILE]]   JPEG quality 90; EXIF orientation 1-8;
 *                                                                     PROFILE: none, srgb or p3 (embedded ICC)
 *   gen_images png OUT.png WIDTH HEIGHT SEED                           RGBA PNG, alpha from another fractal
 *
 * Build: cc -O2 gen_images.c $(pkg-config --cflags --libs vips) -o gen_images
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vips/vips.h>

/* `bands` bands of 1/f-like noise, mean 0 and standard deviation about 1, exactly width x height. Band b's octave
 * k (2^k pixels across) has amplitude 2^(k * hurst[b]): higher hurst, smoother band. Built as a pyramid from the
 * coarsest level down (upsample the sum by 2, add that level's noise), so each level costs one pass at its size. */
static VipsImage *fractal(VipsObject *scope, int width, int height, int bands, int seed, const double *hurst,
                          int finest) {
    VipsImage **t = (VipsImage **) vips_object_local_array(scope, 128);
    int n = 0, levels = 0;
    while ((width >> levels) >= 4 && (height >> levels) >= 4 && levels < 12) levels++;
    VipsImage *sum = NULL;
    double variance[8] = {0};
    for (int k = levels - 1; k >= finest; k--) {
        int w = (width >> k) + 2, h = (height >> k) + 2;
        double weight[8];
        for (int b = 0; b < bands; b++) {
            weight[b] = pow(2.0, k * hurst[b]);
            variance[b] += weight[b] * weight[b];
        }
        VipsImage *noise[8];
        for (int b = 0; b < bands; b++) {
            if (vips_gaussnoise(&t[n], w, h, "sigma", 1.0, "mean", 0.0, "seed", seed * 997 + k * 13 + b, NULL))
                return NULL;
            noise[b] = t[n++];
        }
        VipsImage *layer = noise[0];
        if (bands > 1) {
            if (vips_bandjoin(noise, &t[n], bands, NULL)) return NULL;
            layer = t[n++];
        }
        if (vips_linear(layer, &t[n], weight, (double[8]) {0}, bands, NULL)) return NULL;
        layer = t[n++];
        if (sum) {
            if (vips_resize(sum, &t[n], 2.0, "kernel", VIPS_KERNEL_CUBIC, NULL)) return NULL;
            if (vips_crop(t[n], &t[n + 1], 0, 0, w, h, NULL)) return NULL;
            if (vips_add(t[n + 1], layer, &t[n + 2], NULL)) return NULL;
            sum = t[n + 2];
            n += 3;
        } else {
            sum = layer;
        }
    }
    /* Back to full size when the finest levels were skipped, then normalise each band. */
    if (finest > 0) {
        if (vips_resize(sum, &t[n], (double) (1 << finest), "kernel", VIPS_KERNEL_CUBIC, NULL)) return NULL;
        sum = t[n++];
    }
    if (vips_crop(sum, &t[n], 0, 0, width, height, NULL)) return NULL;
    double scale[8];
    for (int b = 0; b < bands; b++) scale[b] = 1.0 / sqrt(variance[b]);
    if (vips_linear(t[n], &t[n + 1], scale, (double[8]) {0}, bands, NULL)) return NULL;
    return t[n + 1];
}

/* The 3-band sRGB-like uchar image for `seed`. */
static VipsImage *photo(VipsObject *scope, int width, int height, int seed) {
    VipsImage **t = (VipsImage **) vips_object_local_array(scope, 16);
    /* Lightness with detail at every scale; two chroma bands, smoother. */
    VipsImage *lab = fractal(scope, width, height, 3, seed * 10 + 1, (double[]) {0.25, 0.6, 0.6}, 0);
    /* Smooth "shapes" (coarse levels only) whose sign gives sharp-edged regions. */
    VipsImage *shapes = fractal(scope, width, height, 1, seed * 10 + 4, (double[]) {1.6}, 4);
    if (!lab || !shapes) return NULL;
    if (vips_moreeq_const1(shapes, &t[0], 0.0, NULL)) return NULL;
    if (vips_linear1(t[0], &t[1], 0.9 / 255.0, -0.45, NULL)) return NULL;
    if (vips_extract_band(lab, &t[2], 0, NULL) || vips_extract_band(lab, &t[3], 1, "n", 2, NULL)) return NULL;
    if (vips_add(t[2], t[1], &t[4], NULL)) return NULL;
    if (vips_bandjoin2(t[4], t[3], &t[5], NULL)) return NULL;
    /* Correlated channels: R, G, B = L plus/minus chroma. Scale to about mean 120, sd 45. */
    double m[9] = {45, 14, 4, 45, -8, 8, 45, -6, -16};
    VipsImage *matrix = vips_image_new_from_memory_copy(m, sizeof(m), 3, 3, 1, VIPS_FORMAT_DOUBLE);
    vips_object_local(scope, matrix);
    if (vips_recomb(t[5], &t[6], matrix, NULL)) return NULL;
    if (vips_linear1(t[6], &t[7], 1.0, 120.0, NULL)) return NULL;
    if (vips_cast(t[7], &t[8], VIPS_FORMAT_UCHAR, NULL)) return NULL;
    if (vips_copy(t[8], &t[9], "interpretation", VIPS_INTERPRETATION_sRGB, NULL)) return NULL;
    return t[9];
}

static int write_jpeg(VipsObject *scope, const char *path, int w, int h, int seed, int orientation,
                      const char *profile) {
    VipsImage *image = photo(scope, w, h, seed);
    if (!image) return -1;
    VipsImage **t = (VipsImage **) vips_object_local_array(scope, 2);
    if (vips_copy(image, &t[0], NULL)) return -1;
    if (orientation > 1) vips_image_set_int(t[0], VIPS_META_ORIENTATION, orientation);
    if (profile && strcmp(profile, "none") != 0)
        return vips_jpegsave(t[0], path, "Q", 90, "profile", profile, NULL);
    return vips_jpegsave(t[0], path, "Q", 90, NULL);
}

static int write_png(VipsObject *scope, const char *path, int w, int h, int seed) {
    VipsImage *image = photo(scope, w, h, seed);
    VipsImage *mask = fractal(scope, w, h, 1, seed * 10 + 5, (double[]) {1.4}, 2);
    if (!image || !mask) return -1;
    VipsImage **t = (VipsImage **) vips_object_local_array(scope, 4);
    /* Alpha: opaque over most of the image, soft transparent holes and fully clear areas. */
    if (vips_linear1(mask, &t[0], 200.0, 300.0, NULL)) return -1;
    if (vips_cast(t[0], &t[1], VIPS_FORMAT_UCHAR, NULL)) return -1;
    if (vips_bandjoin2(image, t[1], &t[2], NULL)) return -1;
    return vips_pngsave(t[2], path, "compression", 6, NULL);
}

int main(int argc, char **argv) {
    if (VIPS_INIT(argv[0])) vips_error_exit(NULL);
    if (argc < 6) {
        fprintf(stderr, "usage: %s jpeg|png OUT WIDTH HEIGHT SEED [ORIENTATION [PROFILE]]\n", argv[0]);
        return 2;
    }
    const char *kind = argv[1], *path = argv[2];
    int w = atoi(argv[3]), h = atoi(argv[4]), seed = atoi(argv[5]);
    int orientation = argc > 6 ? atoi(argv[6]) : 1;
    const char *profile = argc > 7 ? argv[7] : "none";
    VipsObject *scope = VIPS_OBJECT(vips_image_new());
    int status = strcmp(kind, "png") == 0 ? write_png(scope, path, w, h, seed)
                                          : write_jpeg(scope, path, w, h, seed, orientation, profile);
    g_object_unref(scope);
    if (status) vips_error_exit("cannot write %s", path);
    vips_shutdown();
    return 0;
}
