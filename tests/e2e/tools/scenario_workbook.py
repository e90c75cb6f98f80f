#!/usr/bin/python3
"""Writes a scenario folder as one workbook, the way a spreadsheet saves it: every CSV file a
sheet named after it, numbers as numbers, TRUE/FALSE as booleans, text as text.

  scenario_workbook.py FOLDER OUT.xlsx   (openpyxl, python3-openpyxl)
  scenario_workbook.py FOLDER OUT.ods    (OpenDocument written directly: zip + content.xml)
"""
import csv
import os
import re
import sys
import zipfile
from xml.sax.saxutils import escape

NUMBER = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")


def typed(text):
    if text in ("true", "false", "TRUE", "FALSE"):
        return text.lower() == "true"
    if NUMBER.match(text) and len(text) < 15:
        return float(text) if "." in text else int(text)
    return text


def sheets(folder):
    for name in sorted(os.listdir(folder)):
        if name.endswith(".csv"):
            with open(os.path.join(folder, name), newline="", encoding="utf-8-sig") as f:
                yield name[:-4], [row for row in csv.reader(f)]


def write_xlsx(folder, out):
    import openpyxl
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets(folder):
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append([typed(c) if c != "" else None for c in r])
    wb.create_sheet("Notes").append(["kept by the liaison; not a scenario file"])
    wb.save(out)


def ods_cell(v):
    if v is None or v == "":
        return "<table:table-cell/>"
    if isinstance(v, bool):
        b = "true" if v else "false"
        return (f'<table:table-cell office:value-type="boolean" office:boolean-value="{b}">'
                f"<text:p>{b.upper()}</text:p></table:table-cell>")
    if isinstance(v, (int, float)):
        return (f'<table:table-cell office:value-type="float" office:value="{v}">'
                f"<text:p>{v}</text:p></table:table-cell>")
    paras = "".join(f"<text:p>{escape(p)}</text:p>" for p in v.split("\n"))
    return f'<table:table-cell office:value-type="string">{paras}</table:table-cell>'


def write_ods(folder, out):
    body = []
    for name, rows in sheets(folder):
        body.append(f'<table:table table:name="{escape(name)}">')
        for r in rows:
            body.append("<table:table-row>" +
                        "".join(ods_cell(typed(c) if c != "" else None) for c in r) +
                        "</table:table-row>")
        body.append("</table:table>")
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               "<office:body><office:spreadsheet>" + "".join(body) +
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    folder, out = sys.argv[1], sys.argv[2]
    (write_ods if out.endswith(".ods") else write_xlsx)(folder, out)
