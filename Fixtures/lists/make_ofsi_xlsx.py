#!/usr/bin/env python3
"""Writes ofsi-conlist.xlsx from ofsi-conlist.csv: the same invented rows as OFSI's XLSX export
(sheet "Data"), so a test can check that both exports give the same entries.

Exercises what real workbooks contain: shared strings (one as rich text with a phonetic run to
skip), an inline string, sparse rows (empty cells left out), and the "Listed On" column written
as date serial numbers with a dd/MM/yyyy style, as spreadsheet programs save typed dates.
Run from this folder: python3 make_ofsi_xlsx.py
"""
import csv, datetime, io, zipfile
from xml.sax.saxutils import escape

rows = list(csv.reader(io.open("ofsi-conlist.csv", encoding="cp1252", newline="")))
header = rows[1]
listed_on = header.index("Listed On")

strings, index = [], {}
def shared(text):
    if text not in index:
        index[text] = len(strings)
        strings.append(text)
    return index[text]

def column(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name

sheet_rows = []
for r, row in enumerate(rows, start=1):
    cells = []
    for c, value in enumerate(row):
        if value == "":
            continue
        ref = f"{column(c)}{r}"
        if r > 2 and c == listed_on:
            d = datetime.datetime.strptime(value, "%d/%m/%Y").date()
            serial = (d - datetime.date(1899, 12, 30)).days
            cells.append(f'<c r="{ref}" s="1"><v>{serial}</v></c>')
        elif r == 3 and c == header.index("Title"):
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
        else:
            cells.append(f'<c r="{ref}" t="s"><v>{shared(value)}</v></c>')
    sheet_rows.append(f'<row r="{r}">{"".join(cells)}</row>')

def si(text):
    if text == "VOLKOV":  # rich text in two runs, plus a phonetic run that is not part of the value
        return '<si><r><rPr><b/></rPr><t>VOL</t></r><r><t>KOV</t></r><rPh sb="0" eb="1"><t>ヴォルコフ</t></rPh></si>'
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<si><t{space}>{escape(text)}</t></si>"

main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<workbook xmlns:r="{rel}" xmlns="{main}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId3" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    "xl/styles.xml": f'<styleSheet xmlns="{main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/MM/yyyy"/></numFmts>'
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
    "xl/worksheets/sheet1.xml": '\ufeff<?xml version="1.0" encoding="utf-8"?>'
        f'<worksheet xmlns:r="{rel}" xmlns="{main}"><sheetData>{"".join(sheet_rows)}</sheetData></worksheet>',
}
parts["xl/sharedStrings.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}" count="{len(strings)}" uniqueCount="{len(strings)}">'
                                 + "".join(si(s) for s in strings) + "</sst>")

with zipfile.ZipFile("ofsi-conlist.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in parts.items():
        info = zipfile.ZipInfo(name, date_time=(2025, 4, 10, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, text.encode("utf-8"))
