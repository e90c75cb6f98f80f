#!/bin/sh
# GUI test: the demo's network view with a need selected (its path drawn hop by hop) under
# Xvfb, checked for the overlay colours against a capture without the selection.
# usage: gui_network_path.sh LIAISON CHECK SOURCE_DIR OUT_DIR
# Exit 77 (CTest SKIP_RETURN_CODE) when xvfb-run is not installed.
set -u
liaison=$1 check=$2 src=$3 out=$4

if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "SKIP: xvfb-run is not installed (apt-get install xvfb)"
  exit 77
fi
mkdir -p "$out"
ws="$out/network-path.liaison"
rm -f "$ws" "$ws-wal" "$ws-shm"
"$liaison" import "$src/assets/demo" --into "$ws" || { echo "FAIL: import the demo"; exit 1; }
# The need with the longest fastest path (hops), read from the engine's JSON.
need=$("$liaison" analyze "$ws" --json | /usr/bin/env python3 -c '
import json, sys
needs = json.load(sys.stdin)["needs"]
best = max(needs, key=lambda n: len((n.get("fastest") or {}).get("nodes", [])))
print(best["id"])') || { echo "FAIL: analyze"; exit 1; }
echo "need $need"

shot() {
  xvfb-run -a -s "-screen 0 1920x1080x24" "$liaison" screenshot "$ws" --size 1920x1080 \
    --panel Network "$@"
}
shot --out "$out/network-path.png" --select "need:$need" || { echo "FAIL: screenshot"; exit 1; }
shot --out "$out/network-nopath.png" || { echo "FAIL: control screenshot"; exit 1; }

# Path: the operator theme's accent (88,166,255), drawn 3 px wide over several hops.
# Single points of failure: danger (240,90,90). Bridges: warn (240,180,60).
"$check" "$out/network-path.png" "$out/network-nopath.png" \
  88,166,255:1200 240,90,90:40 240,180,60:100
