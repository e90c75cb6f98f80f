#!/bin/sh
# GUI test: the wall (liaison screenshot --layout wall) in every layout at 1920x1080 and
# 3840x2160 under Xvfb, each checked for text height and content against another layout.
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
  for layout in quad focus rotate; do
    xvfb-run -a -s "-screen 0 1920x1080x24" "$liaison" screenshot "$ws" --layout wall \
      --wall-layout "$layout" --size "$size" --out "$out/wall-$layout-$size.png" ||
      { echo "FAIL: screenshot $layout $size"; status=1; }
  done
  "$check" "$out/wall-quad-$size.png" "$out/wall-focus-$size.png" "$w" "$h" || status=1
  "$check" "$out/wall-focus-$size.png" "$out/wall-quad-$size.png" "$w" "$h" || status=1
  "$check" "$out/wall-rotate-$size.png" "$out/wall-quad-$size.png" "$w" "$h" || status=1
done
exit $status
