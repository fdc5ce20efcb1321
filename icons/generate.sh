#!/usr/bin/env bash
# Regenerates every raster icon from the one source artwork, icons/support-desk.svg.
#
#   icons/png/support-desk-{16,24,32,48,64,128,256,512,1024}.png   plain renders, one per size
#   icons/support-desk.png                                          256 px (Linux launcher / .deb)
#   icons/support-desk.ico                                          Windows: 16-256 px in one file
#   icons/support-desk.icns                                         macOS: 16-1024 px (+ Retina), on Apple's icon grid
#   src/main/resources/icons/support-desk-{16,32,48,64,128,256}.png window/taskbar icons (Stage.getIcons)
#
# The outputs are committed: the Maven build never runs this script. Run it after editing the SVG.
# Tools (Debian): rsvg-convert (librsvg2-bin), icotool (icoutils), png2icns (icnsutils). Missing ones
# are installed with apt-get when running as root; otherwise the script says which package to install.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
svg="$here/support-desk.svg"
png_dir="$here/png"
res_dir="$repo/src/main/resources/icons"

need() { # need <command> <debian package>
    command -v "$1" >/dev/null 2>&1 && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "generate.sh: installing $2 (for $1)" >&2
        { apt-get install -y -q "$2" || { apt-get update -q && apt-get install -y -q "$2"; }; } >/dev/null
    fi
    command -v "$1" >/dev/null 2>&1 || { echo "generate.sh: '$1' not found; install the Debian package '$2'" >&2; exit 1; }
}
need rsvg-convert librsvg2-bin
need icotool icoutils
need png2icns icnsutils

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. Plain renders. Each size is rendered from the vector source (never scaled down from a big PNG),
#    so 16 and 24 px stay as sharp as the artwork allows.
mkdir -p "$png_dir" "$res_dir"
for size in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert --width "$size" --height "$size" --format png --output "$png_dir/support-desk-$size.png" "$svg"
done
cp "$png_dir/support-desk-256.png" "$here/support-desk.png"

# 2. Windows .ico: BMP entries up to 64 px (what the shell and old loaders expect), a PNG entry for
#    256 px (Vista+ format, keeps the file small).
icotool --create --output "$here/support-desk.ico" \
    "$png_dir/support-desk-16.png" "$png_dir/support-desk-24.png" "$png_dir/support-desk-32.png" \
    "$png_dir/support-desk-48.png" "$png_dir/support-desk-64.png" \
    --raw="$png_dir/support-desk-256.png"

# 3. macOS .icns, laid out like Apple's iconutil writes it: PNG elements ic07-ic10 (128-1024 px) and
#    their Retina twins ic11-ic14, plus the classic is32/il32 bitmaps with masks from png2icns for
#    16 and 32 px (what older Finder list views draw). Apple's icon grid puts
#    the tile body at 824/1024 of the canvas with a transparent margin, so the same artwork is
#    rendered smaller on a transparent page of each size.
mac_png() { # mac_png <size> -> path of the render
    local size=$1 body offset out="$work/mac-$1.png"
    body=$(( (size * 824 + 512) / 1024 ))
    offset=$(( (size - body) / 2 ))
    [ -f "$out" ] || rsvg-convert --width "$body" --height "$body" --page-width "$size" \
        --page-height "$size" --left "$offset" --top "$offset" --format png --output "$out" "$svg"
    echo "$out"
}
be32() { # big-endian 32-bit length, as raw bytes
    printf "\\x$(printf %02x $(( ($1 >> 24) & 255 )))\\x$(printf %02x $(( ($1 >> 16) & 255 )))"
    printf "\\x$(printf %02x $(( ($1 >> 8) & 255 )))\\x$(printf %02x $(( $1 & 255 )))"
}
png2icns "$work/legacy.icns" "$(mac_png 16)" "$(mac_png 32)" >/dev/null
tail -c +9 "$work/legacy.icns" > "$work/body"              # is32 s8mk il32 l8mk, without the header
for element in ic07:128 ic08:256 ic09:512 ic10:1024 ic11:32 ic12:64 ic13:256 ic14:512; do
    png="$(mac_png "${element#*:}")"
    { printf '%s' "${element%%:*}"; be32 $(( $(stat -c %s "$png") + 8 )); cat "$png"; } >> "$work/body"
done
{ printf 'icns'; be32 $(( $(stat -c %s "$work/body") + 8 )); cat "$work/body"; } > "$here/support-desk.icns"

# 4. Runtime window icons, loaded from the classpath by the JavaFX stage.
for size in 16 32 48 64 128 256; do
    cp "$png_dir/support-desk-$size.png" "$res_dir/support-desk-$size.png"
done

echo "generate.sh: icons written to $here and $res_dir"
