#!/bin/sh
# GUI test: the wall (liaison screenshot --layout wall) in every layout at 1920x1080 and
# 3840x2160, each sized for 3 m and 8 m from a 55-inch panel, under Xvfb; each checked for
# text height in arc-minutes and content against another layout, and scaled down to one pixel
# per arc-minute (wall-LAYOUT-SIZE-Dm-eye.png) for a person to look at.
# usage: gui_wall.sh LIAISON PNG_CHECK SOURCE_DIR OUT_DIR; exit 77 when xvfb-run is missing.
set -u
liaison=$1 check=$2 src=$3 out=$4

if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "SKIP: xvfb-run is not installed (apt-get install xvfb)"
  exit 77
fi
mkdir -p "$out"
ws="$out/wall.liaison"
rm -f "$ws" "$ws-wal" "$ws-shm"
"$liaison" import "$src/assets/demo" --into "$ws" || { echo "FAIL: import the demo"; exit 1; }

status=0
for size in 1920x1080 3840x2160; do
  w=${size%x*} h=${size#*x}
  for d in 3 8; do
    for layout in quad focus rotate; do
      xvfb-run -a -s "-screen 0 1920x1080x24" "$liaison" screenshot "$ws" --layout wall \
        --wall-layout "$layout" --size "$size" --viewing-distance "$d" --diagonal 55 \
        --out "$out/wall-$layout-$size-${d}m.png" ||
        { echo "FAIL: screenshot $layout $size $d m"; status=1; }
    done
    p="$out/wall"
    "$check" "$p-quad-$size-${d}m.png" "$p-focus-$size-${d}m.png" "$w" "$h" "$d" 55 \
      "$p-quad-$size-${d}m-eye.png" || status=1
    "$check" "$p-focus-$size-${d}m.png" "$p-quad-$size-${d}m.png" "$w" "$h" "$d" 55 \
      "$p-focus-$size-${d}m-eye.png" || status=1
    "$check" "$p-rotate-$size-${d}m.png" "$p-quad-$size-${d}m.png" "$w" "$h" "$d" 55 \
      "$p-rotate-$size-${d}m-eye.png" || status=1
  done
done
exit $status
