#!/bin/sh
# GUI test: the demo's timeline and task board under Xvfb, checked for content against the same
# panels of a workspace with the demo's agencies but no events and no tasks.
# usage: gui_timeline_board.sh LIAISON CHECK SOURCE_DIR OUT_DIR
# Exit 77 (CTest SKIP_RETURN_CODE) when xvfb-run is not installed.
set -u
liaison=$1 check=$2 src=$3 out=$4

command -v xvfb-run >/dev/null 2>&1 || { echo "SKIP: xvfb-run is not installed"; exit 77; }
dir="$out/timeline-board"
rm -rf "$dir"
mkdir -p "$dir/empty"
"$liaison" import "$src/assets/demo" --into "$dir/demo.liaison" >/dev/null ||
  { echo "FAIL: import the demo"; exit 1; }
for f in agencies incidents periods infrastructure representatives contacts; do
  cp "$src/assets/demo/$f.csv" "$dir/empty/"
done
"$liaison" import "$dir/empty" --into "$dir/empty.liaison" >/dev/null ||
  { echo "FAIL: import the control"; exit 1; }

shot() {  # WORKSPACE PANEL OUT
  xvfb-run -a -s "-screen 0 1920x1080x24" "$liaison" screenshot "$1" --size 1920x1080 \
    --panel "$2" --out "$3" || { echo "FAIL: screenshot $2"; exit 1; }
}
shot "$dir/demo.liaison" Timeline "$dir/timeline.png"
shot "$dir/empty.liaison" Timeline "$dir/timeline-empty.png"
shot "$dir/demo.liaison" "Task board" "$dir/board.png"
shot "$dir/empty.liaison" "Task board" "$dir/board-empty.png"

# Timeline: event markers in the kind colours (reports in the accent blue 88,166,255, and the
# significant events' white outlines 226,232,240). Board: the cards' critical-priority stripes
# and overdue times in red (240,90,90) and the involved agencies in the accent blue.
"$check" "$dir/timeline.png" "$dir/timeline-empty.png" 88,166,255:2000 226,232,240:300 &&
  "$check" "$dir/board.png" "$dir/board-empty.png" 240,90,90:500 88,166,255:300
