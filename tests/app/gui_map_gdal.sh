#!/bin/sh
# GUI test: an MBTiles basemap written by another program (GDAL: gdal_create, gdal_translate
# -of MBTILES, gdaladdo) over the demo. Liaison must report the zoom range and tile count the
# file holds, and draw it under the features.
# usage: gui_map_gdal.sh LIAISON PNG_CHECK SOURCE_DIR OUT_DIR
# Exit 77 (CTest SKIP_RETURN_CODE) when xvfb-run or GDAL (gdal-bin) is not installed.
set -u
liaison=$1 check=$2 src=$3 out=$4

for tool in xvfb-run gdal_create gdal_translate gdaladdo python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
dir="$out/gdal"
rm -rf "$dir"
mkdir -p "$dir"
ws="$dir/ws.liaison"
"$liaison" import "$src/assets/demo" --into "$ws" >/dev/null || { echo "FAIL: import the demo"; exit 1; }

# A raster over River City in one colour (200,40,160), as a GIS user would make one.
gdal_create -q -of GTiff -outsize 512 512 -bands 3 -ot Byte -burn 200 -burn 40 -burn 160 \
  -a_srs EPSG:4326 -a_ullr -77.40 41.40 -76.90 41.15 "$dir/river-city.tif" ||
  { echo "FAIL: gdal_create"; exit 1; }
gdal_translate -q -of MBTILES -co TILE_FORMAT=PNG "$dir/river-city.tif" "$dir/river-city.mbtiles" ||
  { echo "FAIL: gdal_translate"; exit 1; }
gdaladdo -q -r nearest "$dir/river-city.mbtiles" 2 4 || { echo "FAIL: gdaladdo"; exit 1; }

# What the file says, read with Python's sqlite3 (not Liaison's reader).
expect=$(python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
meta = dict(db.execute("SELECT name, value FROM metadata"))
levels = [z for (z,) in db.execute("SELECT DISTINCT zoom_level FROM tiles ORDER BY 1")]
count = db.execute("SELECT count(*) FROM tiles").fetchone()[0]
print("(%s, zoom %d to %d, %d tiles)" % (meta["format"], min(levels), max(levels), count))
' "$dir/river-city.mbtiles") || { echo "FAIL: reading the file with sqlite3"; exit 1; }
said=$("$liaison" import "$dir/river-city.mbtiles" --into "$ws") || { echo "FAIL: import"; exit 1; }
echo "file: $expect"
echo "liaison: $said"
case "$said" in
  *"$expect"*) ;;
  *) echo "FAIL: liaison's summary does not match the file"; exit 1 ;;
esac

shot() {
  xvfb-run -a -s "-screen 0 1920x1080x24" "$liaison" screenshot "$ws" --size 1920x1080 \
    --panel Map "$@"
}
shot --out "$dir/map-gdal.png" || { echo "FAIL: screenshot"; exit 1; }
# The control: the demo alone (no basemap registered).
ctl="$dir/ctl.liaison"
"$liaison" import "$src/assets/demo" --into "$ctl" >/dev/null || exit 1
xvfb-run -a -s "-screen 0 1920x1080x24" "$liaison" screenshot "$ctl" --size 1920x1080 \
  --panel Map --out "$dir/map-nobasemap.png" || { echo "FAIL: control screenshot"; exit 1; }
"$check" "$dir/map-gdal.png" "$dir/map-nobasemap.png" 1920 1080 200,40,160 0.3
