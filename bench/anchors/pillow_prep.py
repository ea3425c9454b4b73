#!/usr/bin/env python3
"""The Pillow anchor: nemo-prep's chain with Pillow, one image after another in this process.

    pillow_prep.py OUTDIR COMPRESSION FILTER FILE...      FILTER: none (zlib on unfiltered rows) or pillow

Per image: draft() (JPEG shrink-on-load to the smallest scale that still covers the frame), EXIF orientation
(exif_transpose), an embedded ICC profile converted to sRGB (ImageCms), cover-resize to 1920x1080 with LANCZOS and a
centre crop (Pillow has no attention crop), contrast on L* of CIE L*a*b* with nemo-prep's rule (0.5th/99.5th
percentile stretch, gain capped at 3, blended by 0.3; alpha kept), PNG at zlib level COMPRESSION.

Pillow's PNG encoder always picks a filter per row (adaptive); it has no option for "none". FILTER=none writes the
same pixels with zlib at the same level on unfiltered rows (what libvips and nemo-prep write), so every tool runs at
the same level and filter; FILTER=pillow uses Pillow's own encoder (its adaptive filters).
"""
import io
import struct
import sys
import zlib
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

WIDTH, HEIGHT, STRENGTH = 1920, 1080, 0.3
SRGB = ImageCms.createProfile("sRGB")
LAB = ImageCms.createProfile("LAB")
TO_LAB = {}
FROM_LAB = ImageCms.buildTransform(LAB, SRGB, "LAB", "RGB")


def percentile(histogram, percent):
    """The lightness (0-255) below which `percent` % of the pixels lie, like libvips' vips_percent."""
    total = sum(histogram)
    limit = total * percent / 100
    running = 0
    for value, count in enumerate(histogram):
        running += count
        if running >= limit:
            return value
    return 255


def contrast(image):
    """nemo-prep's lightness stretch (see Sources/NemoPrep/Processing/ContrastBoost.swift)."""
    alpha = image.getchannel("A") if image.mode == "RGBA" else None
    rgb = image.convert("RGB") if alpha else image
    if "RGB" not in TO_LAB:
        TO_LAB["RGB"] = ImageCms.buildTransform(SRGB, LAB, "RGB", "LAB")
    lab = ImageCms.applyTransform(rgb, TO_LAB["RGB"])
    lightness, a, b = lab.split()  # L is 0-255 for 0-100
    histogram = lightness.histogram()
    low = percentile(histogram, 0.5) / 2.55
    high = percentile(histogram, 99.5) / 2.55
    spread = max(high - low, 1)
    stretch = min(3.0, 100 / spread)
    if stretch < 1.02:
        return image
    middle = (low + high) / 2
    half = spread * stretch / 2
    new_middle = min(max(middle, half), 100 - half)
    gain = 1 + STRENGTH * (stretch - 1)
    offset = STRENGTH * (new_middle - stretch * middle) * 2.55
    lightness = lightness.point(lambda v: max(0, min(255, round(v * gain + offset))))
    out = ImageCms.applyTransform(Image.merge("LAB", (lightness, a, b)), FROM_LAB)
    if alpha:
        out.putalpha(alpha)
    return out


def prepare(path):
    image = Image.open(path)
    if image.format == "JPEG":
        # draft() picks the smallest JPEG scale (1/2, 1/4, 1/8) that still covers the frame.
        image.draft("RGB", (WIDTH, HEIGHT))
    icc = image.info.get("icc_profile")
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    scale = max(WIDTH / image.width, HEIGHT / image.height)
    size = (max(WIDTH, round(image.width * scale)), max(HEIGHT, round(image.height * scale)))
    image = image.resize(size, Image.LANCZOS)
    left, top = (size[0] - WIDTH) // 2, (size[1] - HEIGHT) // 2
    image = image.crop((left, top, left + WIDTH, top + HEIGHT))
    if icc:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if image.mode == "RGBA":
            alpha = image.getchannel("A")
            image = ImageCms.profileToProfile(image.convert("RGB"), source, SRGB, outputMode="RGB")
            image.putalpha(alpha)
        else:
            image = ImageCms.profileToProfile(image, source, SRGB, outputMode="RGB")
    return contrast(image)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_unfiltered(image, level):
    """A PNG of `image` (RGB or RGBA, 8-bit) with filter type 0 on every row and zlib at `level`."""
    raw = image.tobytes()
    stride = len(raw) // image.height
    rows = bytearray(image.height * (stride + 1))
    view = memoryview(raw)
    for y in range(image.height):
        at = y * (stride + 1)
        rows[at + 1:at + 1 + stride] = view[y * stride:(y + 1) * stride]
    colour_type = 6 if image.mode == "RGBA" else 2
    header = struct.pack(">IIBBBBB", image.width, image.height, 8, colour_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), level))
            + chunk(b"IEND", b""))


def main():
    outdir, level, filter_mode, files = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4:]
    outdir.mkdir(parents=True, exist_ok=True)
    failures = 0
    for path in files:
        try:
            image = prepare(path)
            target = outdir / (Path(path).stem + ".png")
            if filter_mode == "none":
                target.write_bytes(png_unfiltered(image, level))
            else:
                image.save(target, "PNG", compress_level=level)
        except Exception as error:  # one bad image fails alone, as in the other tools
            print(f"pillow_prep: {path}: {error}", file=sys.stderr)
            failures += 1
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
