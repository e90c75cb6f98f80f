#!/bin/sh
# GUI test: import a scenario, render the dashboard with `liaison screenshot` under Xvfb (Mesa
# software GL), and check the pictures. usage: gui_directory.sh LIAISON PNG_CHECK SOURCE_DIR OUT_DIR
# Exit 77 (CTest SKIP_RETURN_CODE) when xvfb-run is not installed.
set -u
liaison=$1 check=$2 src=$3 out=$4

if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "SKIP: xvfb-run is not installed (apt-get install xvfb)"
  exit 77
fi
mkdir -p "$out"
ws="$out/directory.liaison"

# The demo when it is there, else the shared valid fixture, else this test's own tiny one.
imported=""
for dir in "$src/assets/demo" "$src/tests/data/scenarios/valid" "$src/tests/data/app/directory"; do
  [ -f "$dir/agencies.csv" ] || continue
  rm -f "$ws" "$ws-wal" "$ws-shm"
  if "$liaison" import "$dir" --into "$ws"; then imported=$dir; break; fi
  echo "note: could not import $dir; trying the next fixture"
done
[ -n "$imported" ] || { echo "FAIL: no fixture could be imported"; exit 1; }
echo "workspace from $imported"

shot() {
  xvfb-run -a -s "-screen 0 1920x1080x24" "$liaison" screenshot "$ws" --size 1920x1080 \
    --panel Directory "$@"
}
shot --out "$out/directory.png" || { echo "FAIL: screenshot"; exit 1; }
# Control: a search that matches nobody must give a visibly different picture.
shot --out "$out/directory-nomatch.png" --filter "zz-no-such-entry-zz" || exit 1
shot --out "$out/directory-wall.png" --theme wall || exit 1

"$check" "$out/directory.png" "$out/directory-nomatch.png" 1920 1080 46,64,89 &&
  "$check" "$out/directory-wall.png" "$out/directory-nomatch.png" 1920 1080 0,51,102
