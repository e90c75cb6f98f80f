#!/bin/sh
# GUI test: the map over an MBTiles basemap. Writes a test basemap (solid-colour tiles, zoom
# 0..2), imports the demo and then the basemap into a workspace, renders the Map panel with
# `liaison screenshot` under Xvfb (operator and wall themes) and checks that the tiles' colour
# fills the map, against a control picture taken before the basemap was registered.
# usage: gui_map.sh LIAISON MAKE_MBTILES PNG_CHECK SOURCE_DIR OUT_DIR
# Exit 77 (CTest SKIP_RETURN_CODE) when xvfb-run is not installed.
set -u
liaison=$1 make=$2 check=$3 src=$4 out=$5

if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "SKIP: xvfb-run is not installed (apt-get install xvfb)"
  exit 77
fi
mkdir -p "$out"
ws="$out/map.liaison"
tiles="$out/map-basemap.mbtiles"
rm -f "$ws" "$ws-wal" "$ws-shm"
"$liaison" import "$src/assets/demo" --into "$ws" || { echo "FAIL: import demo"; exit 1; }
"$make" "$tiles" || { echo "FAIL: writing the test basemap"; exit 1; }

shot() {
  xvfb-run -a -s "-screen 0 1920x1080x24" "$liaison" screenshot "$ws" --size 1920x1080 \
    --panel Map "$@"
}
shot --out "$out/map-nobasemap.png" || { echo "FAIL: screenshot without basemap"; exit 1; }
"$liaison" import "$tiles" --into "$ws" || { echo "FAIL: import basemap"; exit 1; }
shot --out "$out/map.png" || { echo "FAIL: screenshot"; exit 1; }
shot --out "$out/map-wall.png" --theme wall || { echo "FAIL: screenshot (wall)"; exit 1; }

# The demo (Pennsylvania, 77 W 41 N) lies in tile 2/1/1, whose colour is 210,70,70; the view
# is far deeper than zoom 2, so that one tile, scaled up, is the whole basemap.
"$check" "$out/map.png" "$out/map-nobasemap.png" 1920 1080 210,70,70 0.3 &&
  "$check" "$out/map-wall.png" "$out/map-nobasemap.png" 1920 1080 210,70,70 0.3
