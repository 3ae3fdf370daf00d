#!/usr/bin/env python3
"""Prints the cells of an .xlsx workbook as JSON, read with nothing but the standard library
(zipfile and xml), so that tests check a workbook as a spreadsheet would open it and not as
the writer meant it:

  {"sheets": [{"name": "Ringkasan", "frozen_rows": 1,
               "rows": [[cell, ...], ...]}, ...]}

A cell is null (empty), {"text": "..."} or {"number": 12.5, "format": "0.00%"} (the number
format's code; "General" for none). A text cell that would be a formula is reported as
{"formula": "..."}. Exit 1 with a message on stderr when the file is not a workbook.
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%",
                   10: "0.00%", 14: "mm-dd-yy", 22: "m/d/yy h:mm"}


def column_index(reference):
    letters = re.match(r"[A-Z]+", reference).group(0)
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def main(path):
    with zipfile.ZipFile(path) as book:
        names = set(book.namelist())
        shared = []
        if "xl/sharedStrings.xml" in names:
            for item in ET.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in item.iter("{%s}t" % NS["m"])))
        styles = ET.fromstring(book.read("xl/styles.xml"))
        codes = dict(BUILTIN_FORMATS)
        for fmt in styles.findall("m:numFmts/m:numFmt", NS):
            codes[int(fmt.get("numFmtId"))] = fmt.get("formatCode")
        cell_formats = [codes.get(int(xf.get("numFmtId", "0")), "?")
                        for xf in styles.findall("m:cellXfs/m:xf", NS)]
        relations = {rel.get("Id"): rel.get("Target")
                     for rel in ET.fromstring(book.read("xl/_rels/workbook.xml.rels"))}
        sheets = []
        for sheet in ET.fromstring(book.read("xl/workbook.xml")).findall("m:sheets/m:sheet", NS):
            target = relations[sheet.get("{%s}id" % NS["r"])]
            xml = ET.fromstring(book.read("xl/" + target.lstrip("/").removeprefix("xl/")))
            rows = []
            for row in xml.findall("m:sheetData/m:row", NS):
                index = int(row.get("r")) - 1
                while len(rows) <= index:
                    rows.append([])
                cells = rows[index]
                for c in row.findall("m:c", NS):
                    at = column_index(c.get("r"))
                    while len(cells) <= at:
                        cells.append(None)
                    formula = c.find("m:f", NS)
                    value = c.find("m:v", NS)
                    if formula is not None:
                        cells[at] = {"formula": formula.text}
                    elif c.get("t") == "s":
                        cells[at] = {"text": shared[int(value.text)]}
                    elif c.get("t") == "inlineStr":
                        cells[at] = {"text": "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))}
                    elif value is not None:
                        cells[at] = {"number": float(value.text),
                                     "format": cell_formats[int(c.get("s", "0"))]}
            pane = xml.find("m:sheetViews/m:sheetView/m:pane", NS)
            frozen = int(float(pane.get("ySplit", "0"))) if pane is not None and pane.get("state") == "frozen" else 0
            sheets.append({"name": sheet.get("name"), "frozen_rows": frozen, "rows": rows})
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    try:
        main(sys.argv[1])
    except (zipfile.BadZipFile, KeyError, ET.ParseError) as error:
        sys.exit(f"not a workbook: {error}")
