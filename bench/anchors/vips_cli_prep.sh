#!/usr/bin/env bash
# The "vipsthumbnail + vips" anchor: nemo-prep's chain for ONE image with the libvips command-line tools, as a
# shell script would do it (one process per step, .v intermediates in a scratch folder).
#   vips_cli_prep.sh IN OUT.png COMPRESSION FILTER(none|all)
# vipsthumbnail: shrink-on-load, upright, cover 1920x1080 with an attention crop, an embedded profile -> sRGB.
# Then nemo-prep's contrast rule on L* (percentiles with `vips percent`, gain and offset in awk) and pngsave.
set -euo pipefail
in=$1 out=$2 level=$3 filter=$4
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vipscli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export VIPS_CONCURRENCY=1
profile=()
if vipsheader -f icc-profile-data "$in" >/dev/null 2>&1; then profile=(--export-profile srgb); fi
vipsthumbnail "$in" --size 1920x1080 --smartcrop attention "${profile[@]}" -o "$tmp/a.v"
bands=$(vipsheader -f bands "$tmp/a.v")
rgb="$tmp/a.v"
if [ "$bands" = 4 ]; then vips extract_band "$tmp/a.v" "$tmp/rgb.v" 0 --n 3; rgb="$tmp/rgb.v"; fi
vips colourspace "$rgb" "$tmp/lab.v" lab
vips extract_band "$tmp/lab.v" "$tmp/l.v" 0
vips linear "$tmp/l.v" "$tmp/l8.v" 2.55 0 --uchar
low=$(vips percent "$tmp/l8.v" 0.5)
high=$(vips percent "$tmp/l8.v" 99.5)
read -r apply gain offset < <(awk -v lo="$low" -v hi="$high" -v s=0.3 'BEGIN {
    lo /= 2.55; hi /= 2.55; range = hi - lo; if (range < 1) range = 1
    st = 100 / range; if (st > 3) st = 3
    mid = (lo + hi) / 2; half = range * st / 2; nm = mid; if (nm < half) nm = half; if (nm > 100 - half) nm = 100 - half
    printf "%d %.6f %.6f\n", (st >= 1.02), 1 + s * (st - 1), s * (nm - st * mid) }')
final="$tmp/a.v"
if [ "$apply" = 1 ]; then
    vips linear "$tmp/l.v" "$tmp/l2.v" " $gain" " $offset"  # a leading space: not read as an option
    vips extract_band "$tmp/lab.v" "$tmp/ab.v" 1 --n 2
    vips bandjoin "$tmp/l2.v $tmp/ab.v" "$tmp/lab2.v"
    vips copy "$tmp/lab2.v" "$tmp/lab3.v" --interpretation lab
    vips colourspace "$tmp/lab3.v" "$tmp/s.v" srgb
    vips cast "$tmp/s.v" "$tmp/s8.v" uchar
    final="$tmp/s8.v"
    if [ "$bands" = 4 ]; then
        vips extract_band "$tmp/a.v" "$tmp/alpha.v" 3
        vips bandjoin "$tmp/s8.v $tmp/alpha.v" "$tmp/out.v"
        final="$tmp/out.v"
    fi
fi
vips pngsave "$final" "$out" --compression "$level" --filter "$filter" --strip
