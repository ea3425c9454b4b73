#!/usr/bin/env bash
# The ImageMagick anchor: nemo-prep's chain for ONE image with ImageMagick 6 (the real convert-im6.q16).
#   magick_prep.sh best|default IN OUT.png COMPRESSION FILTER SRGB.icc   (FILTER: png:compression-filter, or own)
# best:    `-define jpeg:size=1920x1080` (libjpeg scales on load, to no less than the frame), one thread per process
#          (MAGICK_THREAD_LIMIT=1; the caller runs one process per core).
# default: as usually run: no size hint, ImageMagick's own threads, one image at a time.
# Both: upright, resize to cover 1920x1080 and centre-crop (ImageMagick has no attention crop), an embedded profile
# -> sRGB (-profile), contrast as -contrast-stretch 0.5%x0.5% of L* in Lab blended 30% with the original (nemo-prep's
# percentiles and strength, without its gain cap), PNG at the given zlib level and row filter, metadata stripped.
set -euo pipefail
mode=$1 in=$2 out=$3 level=$4 filter=$5 icc=$6
convert=${MAGICK_CONVERT:-/usr/bin/convert-im6.q16}
hint=()
if [ "$mode" = best ]; then
    hint=(-define jpeg:size=1920x1080)
    export MAGICK_THREAD_LIMIT=1
fi
png=(-define png:compression-level="$level" -define png:compression-filter="$filter"
     -define png:compression-strategy=0)
if [ "$filter" = own ]; then png=(); fi  # ImageMagick's own PNG settings (zlib 7, adaptive filters)
"$convert" "${hint[@]}" "$in" -auto-orient -resize '1920x1080^' -gravity center -extent 1920x1080 \
    -profile "$icc" -colorspace Lab \( +clone -channel R -contrast-stretch 0.5%x0.5% +channel \) \
    -compose blend -define compose:args=30 -composite -colorspace sRGB -strip "${png[@]}" "$out"
