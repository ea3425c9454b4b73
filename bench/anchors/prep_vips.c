/* prep_vips: nemo-prep's chain as a small C program on libvips, the practical ceiling for it.
 *
 * Per image: shrink-on-load thumbnail (upright, cover WIDTHxHEIGHT, attention crop), embedded ICC profile -> sRGB,
 * 8-bit sRGB, contrast on CIE L* (0.5th/99.5th percentile stretch, gain capped at 3, blended by STRENGTH: nemo-prep's
 * rule), PNG at the given zlib level and row filter, metadata stripped. One single-threaded pipeline per process and
 * one process per job, taking images from a shared counter (so a slow image does not idle the other core).
 *
 *   prep_vips [-j JOBS] [-o OUTDIR] [--until decode|resize|crop|contrast|png] [--compression N] [--filter none|all]
 *             [--contrast S] [--size WxH] [--shrink-on-load] FILE...
 *
 * --until stops the chain after a stage (its pixels are computed, nothing written), so the time of each stage is the
 * difference between two runs. Prints one JSON line: images, failures, wall seconds, each worker's peak RSS (KiB).
 * Build: cc -O2 prep_vips.c $(pkg-config --cflags --libs vips) -o prep_vips
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vips/vips.h>

enum stage { DECODE, RESIZE, CROP, CONTRAST, PNG };

static struct {
    int width, height, compression, jobs, shrink_on_load;
    VipsForeignPngFilter filter;
    double strength;
    enum stage until;
    const char *outdir;
} opt = {1920, 1080, 6, 1, 0, VIPS_FOREIGN_PNG_FILTER_NONE, 0.3, PNG, NULL};

/* --shrink-on-load: libvips 8.14's thumbnail keeps a factor of 2 for its own resize, so a 6000x4000 JPEG going to
 * 1920x1280 (factor 3.1) is decoded at full size. This loads JPEGs with the largest libjpeg shrink (2, 4 or 8) that
 * still covers the frame, like Pillow's draft() and ImageMagick's jpeg:size, then thumbnails that. */
static int load_shrunk(VipsObject *scope, const char *path, VipsImage **out) {
    VipsImage **t = (VipsImage **) vips_object_local_array(scope, 2);
    const char *loader = vips_foreign_find_load(path);
    if (!loader || strcmp(loader, "VipsForeignLoadJpegFile") != 0) {
        vips_error_clear();
        return 1;
    }
    if (!(t[0] = vips_image_new_from_file(path, NULL))) return -1;
    int w = t[0]->Xsize, h = t[0]->Ysize;
    if (vips_image_get_orientation_swap(t[0])) w = t[0]->Ysize, h = t[0]->Xsize;
    double scale = fmax((double) opt.width / w, (double) opt.height / h);
    int shrink = 1;
    while (shrink < 8 && scale * shrink * 2 <= 1.0) shrink *= 2;
    if (!(t[1] = vips_image_new_from_file(path, "shrink", shrink, "access", VIPS_ACCESS_SEQUENTIAL, NULL))) return -1;
    *out = t[1];
    return 0;
}

/* nemo-prep's contrast rule (Sources/NemoPrep/Processing/ContrastBoost.swift), on an 8-bit sRGB image. */
static int contrast(VipsObject *scope, VipsImage *in, VipsImage **out) {
    VipsImage **t = (VipsImage **) vips_object_local_array(scope, 16);
    int alpha = vips_image_hasalpha(in), colour_bands = alpha ? in->Bands - 1 : in->Bands;
    VipsImage *colour = in;
    if (alpha) {
        if (vips_extract_band(in, &t[0], 0, "n", colour_bands, NULL)) return -1;
        colour = t[0];
    }
    if (vips_colourspace(colour, &t[1], VIPS_INTERPRETATION_LAB, NULL) ||
        vips_extract_band(t[1], &t[2], 0, NULL) || vips_linear1(t[2], &t[3], 2.55, 0.0, "uchar", TRUE, NULL))
        return -1;
    int low_t, high_t;
    if (vips_percent(t[3], 0.5, &low_t, NULL) || vips_percent(t[3], 99.5, &high_t, NULL)) return -1;
    double low = low_t / 2.55, high = high_t / 2.55;
    double range = fmax(high - low, 1), stretch = fmin(3.0, 100 / range);
    if (stretch < 1.02) {
        *out = in;
        return 0;
    }
    double middle = (low + high) / 2, half = range * stretch / 2;
    double new_middle = fmin(fmax(middle, half), 100 - half);
    double gain = 1 + opt.strength * (stretch - 1), offset = opt.strength * (new_middle - stretch * middle);
    if (vips_linear1(t[2], &t[4], gain, offset, NULL) || vips_extract_band(t[1], &t[5], 1, "n", 2, NULL) ||
        vips_bandjoin2(t[4], t[5], &t[6], NULL) ||
        vips_copy(t[6], &t[7], "interpretation", VIPS_INTERPRETATION_LAB, NULL) ||
        vips_colourspace(t[7], &t[8], VIPS_INTERPRETATION_sRGB, NULL) ||
        vips_cast(t[8], &t[9], VIPS_FORMAT_UCHAR, NULL))
        return -1;
    if (!alpha) {
        *out = t[9];
        return 0;
    }
    if (vips_extract_band(in, &t[10], colour_bands, NULL) || vips_bandjoin2(t[9], t[10], &t[11], NULL)) return -1;
    *out = t[11];
    return 0;
}

static int process(VipsObject *scope, const char *path) {
    VipsImage **t = (VipsImage **) vips_object_local_array(scope, 12);
    if (opt.until == DECODE) {
        double mean;
        if (!(t[0] = vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL))) return -1;
        return vips_avg(t[0], &mean, NULL);
    }
    VipsInteresting crop = opt.until == RESIZE ? VIPS_INTERESTING_NONE : VIPS_INTERESTING_ATTENTION;
    int height = opt.until == RESIZE ? 10000000 : opt.height;
    VipsImage *shrunk = NULL;
    int loaded = opt.shrink_on_load ? load_shrunk(scope, path, &shrunk) : 1;
    if (loaded < 0) return -1;
    if (loaded == 0 ? vips_thumbnail_image(shrunk, &t[1], opt.width, "height", height, "crop", crop, "size",
                                           VIPS_SIZE_DOWN, NULL)
                    : vips_thumbnail(path, &t[1], opt.width, "height", height, "crop", crop, "size", VIPS_SIZE_DOWN,
                                     NULL))
        return -1;
    VipsImage *image = t[1];
    if (opt.until > RESIZE) {
        if (vips_image_get_typeof(image, VIPS_META_ICC_NAME)) {
            if (vips_icc_transform(image, &t[2], "srgb", "embedded", TRUE, NULL)) return -1;
            image = t[2];
        }
        if (image->Type != VIPS_INTERPRETATION_sRGB || image->BandFmt != VIPS_FORMAT_UCHAR) {
            if (vips_colourspace(image, &t[3], VIPS_INTERPRETATION_sRGB, NULL) ||
                vips_cast(t[3], &t[4], VIPS_FORMAT_UCHAR, NULL))
                return -1;
            image = t[4];
        }
    }
    if (!(t[5] = vips_image_copy_memory(image))) return -1;
    image = t[5];
    if (opt.until <= CROP) return 0;
    if (opt.strength > 0) {
        VipsImage *boosted; /* owned by `scope` through contrast()'s local array */
        if (contrast(scope, image, &boosted) || !(t[7] = vips_image_copy_memory(boosted))) return -1;
        image = t[7];
    }
    if (opt.until == CONTRAST) return 0;
    if (opt.outdir == NULL) {
        void *buffer;
        size_t length;
        if (vips_pngsave_buffer(image, &buffer, &length, "compression", opt.compression, "filter", opt.filter,
                                "strip", TRUE, NULL))
            return -1;
        g_free(buffer);
        return 0;
    }
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    char out[4096];
    snprintf(out, sizeof(out), "%s/%.*s.png", opt.outdir, (int) (strcspn(base, ".")), base);
    return vips_pngsave(image, out, "compression", opt.compression, "filter", opt.filter, "strip", TRUE, NULL);
}

/* One worker: takes image indices from the shared counter until none are left; returns its failure count. */
static int work(int count, char **files, int *next) {
    if (VIPS_INIT("prep_vips")) return count;
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    int failures = 0;
    for (;;) {
        int index = __atomic_fetch_add(next, 1, __ATOMIC_SEQ_CST);
        if (index >= count) break;
        VipsObject *scope = VIPS_OBJECT(vips_image_new());
        if (process(scope, files[index])) {
            fprintf(stderr, "prep_vips: %s: %s\n", files[index], vips_error_buffer());
            vips_error_clear();
            failures++;
        }
        g_object_unref(scope);
    }
    return failures;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    static const char *stages[] = {"decode", "resize", "crop", "contrast", "png"};
    int first = 1;
    for (; first < argc && argv[first][0] == '-'; first++) {
        const char *a = argv[first], *v = first + 1 < argc ? argv[first + 1] : "";
        if (!strcmp(a, "-j")) opt.jobs = atoi(v);
        else if (!strcmp(a, "-o")) opt.outdir = v;
        else if (!strcmp(a, "--compression")) opt.compression = atoi(v);
        else if (!strcmp(a, "--filter")) opt.filter = strcmp(v, "all") ? VIPS_FOREIGN_PNG_FILTER_NONE
                                                                        : VIPS_FOREIGN_PNG_FILTER_ALL;
        else if (!strcmp(a, "--contrast")) opt.strength = atof(v);
        else if (!strcmp(a, "--shrink-on-load")) { opt.shrink_on_load = 1; first--; }
        else if (!strcmp(a, "--size")) sscanf(v, "%dx%d", &opt.width, &opt.height);
        else if (!strcmp(a, "--until")) {
            int s = 0;
            while (s < 5 && strcmp(v, stages[s])) s++;
            if (s == 5) { fprintf(stderr, "prep_vips: unknown stage %s\n", v); return 2; }
            opt.until = (enum stage) s;
        } else { fprintf(stderr, "prep_vips: unknown option %s\n", a); return 2; }
        first++;
    }
    int count = argc - first;
    if (count <= 0 || opt.jobs < 1) {
        fprintf(stderr, "usage: prep_vips [-j N] [-o DIR] [--until STAGE] [--compression N] FILE...\n");
        return 2;
    }
    int *next = mmap(NULL, sizeof(int), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    *next = 0;
    double start = now();
    int failures = 0;
    long peaks[64] = {0};
    int workers = opt.jobs < 64 ? opt.jobs : 64;
    for (int w = 0; w < workers; w++) {
        if (fork() == 0) _exit(work(count, argv + first, next) ? 1 : 0);
    }
    for (int w = 0; w < workers; w++) {
        int status;
        struct rusage usage;
        if (wait4(-1, &status, 0, &usage) < 0) break;
        peaks[w] = usage.ru_maxrss;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) failures++;
    }
    printf("{\"images\": %d, \"failed_workers\": %d, \"seconds\": %.4f, \"stage\": \"%s\", \"worker_maxrss_kib\": [",
           count, failures, now() - start, stages[opt.until]);
    for (int w = 0; w < workers; w++) printf(w ? ", %ld" : "%ld", peaks[w]);
    printf("]}\n");
    return failures ? 1 : 0;
}
