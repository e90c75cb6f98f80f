#!/usr/bin/python3
"""Writes the seed corpora of the fuzz targets (tests/fuzz/<target>/): small files Liaison reads,
copied from the test fixtures (made by real programs: NetworkX, igraph, ogr2ogr, GDAL, a
spreadsheet's MSEL) or written here by hand, and a workspace written by Liaison itself.

Run from the repository root after a build: scripts/make_fuzz_seeds.py [path/to/liaison].
The output is committed; the fuzzers add what they find to build-fuzz/corpus/, not here.
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FUZZ = os.path.join(ROOT, "tests", "fuzz")
DATA = os.path.join(ROOT, "tests", "data")
BASE = os.path.join(DATA, "e2e", "base")
SCENARIO_FILES = ["agencies.csv", "incidents.csv", "periods.csv", "representatives.csv",
                  "contacts.csv", "channels.csv", "needs.csv", "events.csv", "tasks.csv",
                  "infrastructure.csv", "features.geojson"]


def seeds(target, files):
    out = os.path.join(FUZZ, target)
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


def read(*parts):
    with open(os.path.join(*parts), "rb") as f:
        return f.read()


def main():
    liaison = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "app", "liaison")
    seeds("csv", {n: read(BASE, n) for n in ("agencies.csv", "channels.csv", "events.csv")} |
          {"quoted.csv": b'id,name\r\n1,"a, ""quoted""\nline"\r\n\xef\xbb\xbf2,x\r\n'})
    folder = b"\0".join(read(BASE, n) if os.path.exists(os.path.join(BASE, n))
                        else b"id,name,kind\n" for n in SCENARIO_FILES)
    seeds("scenario", {"base": folder})
    geo = os.path.join(DATA, "geojson")
    seeds("geojson", {"base.geojson": read(BASE, "features.geojson"),
                      "utm18n.geojson": read(geo, "sites_utm18n.geojson"),
                      "dxf.geojson": read(geo, "site_plan_dxf.geojson"),
                      "feature.geojson": b'{"type": "Feature", "id": 5, "geometry": {"type": '
                                         b'"Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]},'
                                         b' "properties": {"kind": "zone", "liaison": [1, {"a": '
                                         b'null}]}}',
                      "marker.geojson": b'{"type": "FeatureCollection", "liaison": {"format": '
                                        b'"features", "version": 1}, "crs": {"type": "EPSG", '
                                        b'"properties": {"code": 4258}}, "features": []}'})
    gml = os.path.join(DATA, "graphml")
    seeds("graphml", {
        "mixed": b"0" + read(gml, "networkx_mixed_types.graphml"),
        "named": b"0" + read(gml, "networkx_named_keys.graphml"),
        "utf16": b"0" + read(gml, "networkx_utf16le_nobom.graphml"),
        "cp1252": b"0" + read(gml, "networkx_cp1252.graphml"),
        "nan": b"0" + read(gml, "nan_weight.graphml"),
        "yed_groups": b"1" + b'<?xml version="1.0"?>\n<graphml xmlns:y="y"><key for="node" '
                      b'id="d6" yfiles.type="nodegraphics"/><graph edgedefault="directed">'
                      b'<node id="n0"><data key="d6"><y:GroupNode><y:NodeLabel>Fire'
                      b'</y:NodeLabel></y:GroupNode></data><graph id="n0:"><node id="n0::n0"/>'
                      b'<node id="n0::n1"><port name="p"/></node></graph></node><node id="n1"/>'
                      b'<edge source="n0::n0" target="n0::n1"/><edge source="n1" target="n0"/>'
                      b'<hyperedge><endpoint node="n1"/></hyperedge></graph></graphml>\n'})
    mb = os.path.join(DATA, "mbtiles")
    seeds("mbtiles", {"mapproxy_png.mbtiles": read(mb, "mapproxy_png.mbtiles"),
                      "mapproxy_webp.mbtiles": read(mb, "mapproxy_webp.mbtiles")})
    with tempfile.TemporaryDirectory() as tmp:
        db = sqlite3.connect(os.path.join(mb, "mapproxy_png.mbtiles"))
        png = db.execute("SELECT tile_data FROM tiles LIMIT 1").fetchone()[0]
        db.close()
        tif = os.path.join(tmp, "t.tif")
        subprocess.run(["gdal_create", "-q", "-of", "GTiff", "-outsize", "16", "16", "-bands", "3",
                        "-burn", "10", "-burn", "200", "-burn", "30", tif], check=True)
        jpg = os.path.join(tmp, "t.jpg")
        subprocess.run(["gdal_translate", "-q", "-of", "JPEG", tif, jpg], check=True)
        seeds("tile_image", {"gdal.png": png, "gdal.jpg": read(jpg),
                             "gdal.webp": read(mb, "gdal_256.webp")})
        seeds("msel", {"chlorine-drill.csv": read(ROOT, "assets", "msel", "chlorine-drill.csv"),
                       "unknown_column.csv": read(DATA, "msel", "unknown_column.csv")})
        # A workspace as Liaison writes it, made small: 512-byte pages, no WAL.
        ws = os.path.join(tmp, "base.liaison")
        subprocess.run([liaison, "import", BASE, "--into", ws], check=True,
                       stdout=subprocess.DEVNULL)
        db = sqlite3.connect(ws)
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA page_size=512")
        db.execute("VACUUM")
        db.close()
        seeds("workspace", {"base_workspace": read(ws)})


if __name__ == "__main__":
    main()
