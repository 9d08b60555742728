#!/usr/bin/env bash
# Draws kiwoomd's application icon (three rising volume bars on a disc, the glyph the tray icon
# uses) and writes src/app/resources/kiwoomd.ico (16-256 px) and kiwoomd.png. The outputs are
# committed; run this only to change the design. Needs ImageMagick's convert (Debian: imagemagick).
set -euo pipefail

out="$(cd "$(dirname "$0")/.." && pwd)/src/app/resources"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# On a 256 px canvas, one unit is 16 px: the same 16-unit grid as drawIcon() in TrayIcon.cpp.
convert -size 256x256 xc:none \
    -fill '#00695c' -stroke '#004d40' -strokewidth 8 -draw 'circle 128,128 128,6' \
    -fill white -stroke none \
    -draw 'rectangle 64,144 95,207' \
    -draw 'rectangle 112,96 143,207' \
    -draw 'rectangle 160,48 191,207' \
    -depth 8 "PNG32:$work/256.png"

sizes=(16 24 32 48 64 128)
layers=()
for size in "${sizes[@]}"; do
    convert "$work/256.png" -filter Lanczos -resize "${size}x${size}" -depth 8 "PNG32:$work/$size.png"
    layers+=("$work/$size.png")
done
layers+=("$work/256.png")

# Windows reads 8-bit-per-channel RGBA layers; the 256 px one is stored as PNG.
convert "${layers[@]}" -depth 8 "$out/kiwoomd.ico"
cp "$work/256.png" "$out/kiwoomd.png"
echo "wrote $out/kiwoomd.ico and $out/kiwoomd.png"
