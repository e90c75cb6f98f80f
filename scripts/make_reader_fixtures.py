#!/usr/bin/python3
"""Writes the reader fixtures that other programs make: files Liaison refused or misread before
(issue 14), made with the real programs so the tests read what those programs write.

  tests/data/graphml/  NetworkX (python3-networkx): an attribute holding ints and floats (two
                       keys of one name, long and double), the same with named_key_ids=True
                       (one key id declared per type), UTF-16 without a byte-order mark, and
                       windows-1252.
  tests/data/geojson/  GDAL's ogr2ogr (gdal-bin): a layer in NAD83, ETRS89 and UTM 18N (the
                       2008 "crs" member), with a null geometry, a GeometryCollection and a
                       "kind" property that is not Liaison's; an ogr2ogr DXF export (every
                       feature has a "Layer").

  tests/data/mbtiles/  MBTiles as MapProxy writes them (its schema: tiles and an empty metadata
                       table, so the tile format must be read from the tile bytes), with tiles
                       encoded by GDAL (gdal-bin): PNG from GDAL's MBTiles driver, WEBP from its
                       WEBP driver (lossless), and that WEBP tile on its own.

yEd and osmium are not Debian packages: the yEd group file and the top-level Feature are written
by hand in tests (tests/core/formats/test_graphml_files.cpp, test_geojson.cpp), following the
formats as those programs document and write them.

Run with /usr/bin/python3 from the repository root; the output is committed.
"""
import os
import subprocess
import tempfile

import networkx as nx

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
GRAPHML = os.path.join(ROOT, "tests", "data", "graphml")
GEOJSON = os.path.join(ROOT, "tests", "data", "geojson")


def networkx_files():
    g = nx.Graph()
    # "staff" holds ints for some nodes and floats for others: NetworkX writes one key per
    # Python type (long and double), both with attr.name="staff".
    g.add_node("eoc", name="EOC", staff=12)
    g.add_node("fire", name="Fire", staff=7.5)
    g.add_node("police", name="Police", staff=9)
    g.add_node("ems", name="EMS")
    g.add_edge("eoc", "fire", latency=1, medium="radio")
    g.add_edge("eoc", "police", latency=2.5, medium="phone")
    g.add_edge("fire", "ems", latency=0.5, medium="radio")
    nx.write_graphml(g, os.path.join(GRAPHML, "networkx_mixed_types.graphml"))
    nx.write_graphml(g, os.path.join(GRAPHML, "networkx_named_keys.graphml"), named_key_ids=True)

    h = nx.DiGraph()
    h.add_node("a", name="Caf\u00e9 \u201cRiverside\u201d \u2013 \u20ac5")
    h.add_node("b", name="Stra\u00dfe")
    h.add_edge("a", "b", weight=1.5)
    # UTF-16 little-endian without a byte-order mark ("<\0?\0x\0m\0l\0").
    nx.write_graphml(h, os.path.join(GRAPHML, "networkx_utf16le_nobom.graphml"),
                     encoding="utf-16-le")
    nx.write_graphml(h, os.path.join(GRAPHML, "networkx_cp1252.graphml"), encoding="windows-1252")


def ogr2ogr(*args):
    subprocess.run(["ogr2ogr", *args], check=True)


def geojson_files():
    with tempfile.TemporaryDirectory() as tmp:
        csv = os.path.join(tmp, "sites.csv")
        with open(csv, "w", encoding="utf-8") as f:
            f.write("WKT,name,kind\n"
                    '"POINT (-77.19 41.20)",Station 1,residential\n'
                    '"",Headquarters (no address),office\n'
                    '"GEOMETRYCOLLECTION (POINT (-77.15 41.30),LINESTRING (-77.15 41.30,'
                    '-77.10 41.32))",Rail yard,industrial\n')
        for name, srs in (("sites_nad83", "EPSG:4269"), ("sites_etrs89", "EPSG:4258"),
                          ("sites_utm18n", "EPSG:32618")):
            out = os.path.join(GEOJSON, name + ".geojson")
            if os.path.exists(out):
                os.remove(out)
            ogr2ogr("-f", "GeoJSON", "-lco", "RFC7946=NO", "-s_srs", "EPSG:4326", "-t_srs", srs,
                    out, csv)
        # A DXF drawing read back as GeoJSON: every feature gets "Layer", "SubClasses", ...
        lines = os.path.join(tmp, "plan.csv")
        with open(lines, "w", encoding="utf-8") as f:
            f.write("WKT,name\n"
                    '"LINESTRING (-77.16 41.30,-77.15 41.31)",Fence\n'
                    '"POINT (-77.155 41.305)",Gate\n')
        dxf = os.path.join(tmp, "plan.dxf")
        ogr2ogr("-f", "DXF", "-skipfailures", dxf, lines)
        out = os.path.join(GEOJSON, "site_plan_dxf.geojson")
        if os.path.exists(out):
            os.remove(out)
        ogr2ogr("-f", "GeoJSON", out, dxf)


def mbtiles_files():
    import sqlite3
    out_dir = os.path.join(ROOT, "tests", "data", "mbtiles")
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tif = os.path.join(tmp, "river-city.tif")
        subprocess.run(["gdal_create", "-q", "-of", "GTiff", "-outsize", "256", "256", "-bands",
                        "3", "-ot", "Byte", "-burn", "200", "-burn", "40", "-burn", "160",
                        "-a_srs", "EPSG:3857", "-a_ullr", "-8600000", "5060000", "-8590000",
                        "5050000", tif], check=True)
        gdal = os.path.join(tmp, "gdal.mbtiles")
        subprocess.run(["gdal_translate", "-q", "-of", "MBTILES", "-co", "TILE_FORMAT=PNG", tif,
                        gdal], check=True)
        webp = os.path.join(out_dir, "gdal_256.webp")
        subprocess.run(["gdal_translate", "-q", "-of", "WEBP", "-co", "LOSSLESS=True", tif, webp],
                       check=True)
        for f in os.listdir(out_dir):
            if f.endswith(".aux.xml"):
                os.remove(os.path.join(out_dir, f))
        src = sqlite3.connect(gdal)
        tiles = src.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles").fetchall()
        src.close()
        webp_bytes = open(webp, "rb").read()
        for name, use_webp in (("mapproxy_png.mbtiles", False), ("mapproxy_webp.mbtiles", True)):
            path = os.path.join(out_dir, name)
            if os.path.exists(path):
                os.remove(path)
            db = sqlite3.connect(path)
            # MapProxy's schema (mapproxy/cache/mbtiles.py); it writes no metadata rows.
            db.execute("CREATE TABLE tiles (zoom_level integer, tile_column integer, "
                       "tile_row integer, tile_data blob)")
            db.execute("CREATE TABLE metadata (name text, value text)")
            db.execute("CREATE UNIQUE INDEX idx_tile on tiles (zoom_level, tile_column, tile_row)")
            for z, x, y, data in tiles:
                db.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                           (z, x, y, webp_bytes if use_webp else data))
            db.commit()
            db.close()


def main():
    os.makedirs(GRAPHML, exist_ok=True)
    os.makedirs(GEOJSON, exist_ok=True)
    networkx_files()
    geojson_files()
    mbtiles_files()


if __name__ == "__main__":
    main()
