"""Hostile workbooks for test_untrusted.py, built by the test itself: what a sender could put in a workbook to learn
where it is processed, to make the machine send requests, to copy local files into the outputs or to run code.

A Listener on 127.0.0.1 logs every connection; Secrets are local files whose marker must never reach an output.
The office of the test builds what it can build through its API (Basic macro bound to every document and sheet
event, formulas, external references, area link, linked sheet, DDE) against decoy files, so that the cached values
in the file are harmless; the file is then patched to point at the secret files and the listener, and to add what
the API cannot make without fetching it (linked pictures and OLE objects, a Python script, XLSX external
relationships)."""
from __future__ import annotations

import pathlib
import re
import shutil
import socket
import struct
import threading
import time
import zipfile
import zlib

import support  # noqa: F401  (puts tools/ on the path)
import uno
from office import props

MARKER = "MARQUEUR-SECRET-7f3a"  # text of every secret file
SECRET_NUMBER = 424242.42        # value of the secret workbook's cells
DECOY_NUMBER = 11                # value of the decoy workbook's cells: what the hostile files keep in cache


class Listener:
    """A TCP server on 127.0.0.1 that records the first line of each connection (an HTTP request line) and answers
    404. Bounded: each connection is read for 2 s at most; stop() ends it."""

    def __init__(self):
        self.requests: list[str] = []
        self._server = socket.socket()
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(64)
        self._server.settimeout(0.2)
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def _serve(self):
        while not self._stop.is_set():
            try:
                connection, _ = self._server.accept()
            except OSError:
                continue
            with connection:
                connection.settimeout(2)
                try:
                    line = connection.recv(4096).split(b"\r\n", 1)[0].decode("latin-1")
                    connection.sendall(b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    line = "(connexion sans requête)"
                self.requests.append(line or "(connexion sans requête)")

    def clear(self):
        self.requests.clear()

    def stop(self):
        self._stop.set()
        self._thread.join(timeout=5)
        self._server.close()


def png(width: int = 8, height: int = 8, text: str = "") -> bytes:
    """A small red PNG; `text` goes into a tEXt chunk (found byte for byte if the file is copied)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    body = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    if text:
        body += chunk(b"tEXt", b"Comment\x00" + text.encode())
    return b"\x89PNG\r\n\x1a\n" + body + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


class Secrets:
    """Local files a hostile workbook points at: secret.svg (the marker as text), secret.png (the marker in a tEXt
    chunk), secret.ods / secret.xlsx (the marker and SECRET_NUMBER in Feuille1.A1:A2); and decoys of the same names
    in another folder, which the office of the test reads while building the hostile files."""

    def __init__(self, office, folder: pathlib.Path):
        self.folder = folder / "secret"
        self.decoys = folder / "decoy"
        for target, number, text in ((self.folder, SECRET_NUMBER, MARKER), (self.decoys, DECOY_NUMBER, "leurre")):
            target.mkdir(parents=True)
            (target / "secret.svg").write_text(
                '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60"><text x="5" y="40" '
                f'font-size="30">{text}</text></svg>', encoding="utf-8")
            (target / "secret.png").write_bytes(png(text=text))
            doc = office.new_spreadsheet()
            try:
                sheet = doc.Sheets.getByIndex(0)
                sheet.Name = "Feuille1"
                sheet.getCellRangeByName("A1").setValue(number)
                sheet.getCellRangeByName("A2").setString(text)
                sheet.getCellRangeByName("B1").setValue(number)
                office.store(doc, target / "secret.ods", "calc8")
                office.store(doc, target / "secret.xlsx", "Calc MS Excel 2007 XML")
            finally:
                doc.close(True)

    def url(self, name: str) -> str:
        return (self.folder / name).as_uri()

    def decoy_url(self, name: str) -> str:
        return (self.decoys / name).as_uri()


MACRO = ('Sub Main\n  Open "{marker}" For Output As #1\n  Print #1, "macro"\n  Close #1\n'
         '  Shell "/bin/sh -c ""echo shell > {marker}-shell"""\nEnd Sub\n')
PYTHON_SCRIPT = 'def main(*args):\n    open("{marker}-python", "w").write("python")\n'
SCRIPT_URL = "vnd.sun.star.script:Standard.Module1.Main?language=Basic&location=document"


def _bind_every_event(events, url: str) -> None:
    for name in events.getElementNames():
        try:
            uno.invoke(events, "replaceByName",
                       (name, uno.Any("[]com.sun.star.beans.PropertyValue", props(EventType="Script", Script=url))))
        except Exception:
            pass  # application-wide events (OnStartApp…) cannot be bound to a document


def _active_document(office, secrets: Secrets, listener: Listener, marker: pathlib.Path):
    """The office of the test builds what its API can: macro, every event bound, the formulas and links (against
    the decoys)."""
    doc = office.new_spreadsheet()
    doc.BasicLibraries.createLibrary("Standard") if not doc.BasicLibraries.hasByName("Standard") else None
    doc.BasicLibraries.getByName("Standard").insertByName("Module1", MACRO.format(marker=marker))
    _bind_every_event(doc.Events, SCRIPT_URL)
    sheet = doc.Sheets.getByIndex(0)
    sheet.Name = "Feuille1"
    _bind_every_event(sheet.Events, SCRIPT_URL)
    cell = sheet.getCellRangeByName
    cell("A1").setString("Classeur reçu")
    cell("A2").setValue(100)
    decoy_ods = secrets.decoy_url("secret.ods")
    formulas = {
        "B1": f'=WEBSERVICE("{listener.url("webservice")}")',
        "B2": f'=FILTERXML(WEBSERVICE("{listener.url("filterxml")}");"//a")',
        "B3": f"='{decoy_ods}'#$Feuille1.A1",                     # external reference, local file
        "B4": f"='{listener.url('externe.ods')}'#$Feuille1.A1",   # external reference, http
        "B5": f'=DDE("soffice";"{decoy_ods}";"Feuille1.A1")',
        "B6": f'=INDIRECT("\'{decoy_ods}\'#$Feuille1.A2")',      # a reference made at run time
    }
    for address, formula in formulas.items():
        cell(address).setFormula(formula)
    from com.sun.star.table import CellAddress
    doc.AreaLinks.insertAtPosition(CellAddress(0, 3, 0), decoy_ods, "Feuille1.A1:A2", "calc8", "")
    linked = doc.Sheets.insertNewByName("Liée", 1) or doc.Sheets.getByName("Liée")
    from com.sun.star.sheet.SheetLinkMode import NORMAL
    doc.Sheets.getByName("Liée").link(decoy_ods, "Feuille1", "calc8", "", NORMAL)
    doc.calculateAll()
    return doc


def _patch_zip(path: pathlib.Path, edit) -> None:
    """Rewrites the package: edit(name, bytes) returns the new bytes (None drops the member); `mimetype` stays
    first and stored."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(tmp, "w") as target:
        for info in source.infolist():
            data = edit(info.filename, source.read(info))
            if data is None:
                continue
            target.writestr(info, data, compress_type=info.compress_type)
        for name, data in edit.extra.items() if hasattr(edit, "extra") else ():
            target.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    tmp.replace(path)


def _point_at_secrets(text: str, secrets: Secrets) -> str:
    return text.replace(secrets.decoys.as_uri(), secrets.folder.as_uri())


ODS_SHAPES = """<table:shapes>{frames}</table:shapes>"""
ODS_FRAME = ('<draw:frame draw:z-index="{z}" draw:name="{name}" svg:width="3cm" svg:height="2cm" svg:x="{x}cm" '
             'svg:y="4cm"><{kind} xlink:href="{url}" xlink:type="simple" xlink:show="embed" '
             'xlink:actuate="onLoad"/></draw:frame>')


def hostile_ods(office, path: pathlib.Path, secrets: Secrets, listener: Listener, marker: pathlib.Path,
                links: bool = True) -> None:
    """Every vector in one ODS: macro on every document and sheet event, a Python script in the package,
    WEBSERVICE, FILTERXML, external references (file and http), DDE, INDIRECT of an external reference, an area
    link, a linked sheet; with `links`, linked pictures and a linked OLE object (http), linked SVG and PNG (file)."""
    doc = _active_document(office, secrets, listener, marker)
    try:
        office.store(doc, path, "calc8")
    finally:
        doc.close(True)
    frames = [("draw:image", listener.url("image.png")), ("draw:object", listener.url("objet-ole.ods")),
              ("draw:image", secrets.url("secret.svg")), ("draw:image", secrets.url("secret.png"))]
    shapes = ODS_SHAPES.format(frames="".join(
        ODS_FRAME.format(z=i, name=f"lien{i}", x=1 + 4 * i, kind=kind, url=url) for i, (kind, url) in enumerate(frames)))

    def edit(name, data):
        if name == "content.xml":
            text = _point_at_secrets(data.decode("utf-8"), secrets)
            if links:
                text = re.sub(r'(<table:table table:name="Feuille1"[^>]*>)', lambda m: m.group(1) + shapes, text,
                              count=1)
            return text.encode("utf-8")
        if name == "META-INF/manifest.xml":
            entry = ('<manifest:file-entry manifest:full-path="Scripts/python/hostile.py" '
                     'manifest:media-type=""/></manifest:manifest>')
            return data.decode("utf-8").replace("</manifest:manifest>", entry).encode("utf-8")
        if name.endswith(".xml"):
            return _point_at_secrets(data.decode("utf-8"), secrets).encode("utf-8")
        return data
    edit.extra = {"Scripts/python/hostile.py": PYTHON_SCRIPT.format(marker=marker).encode()}
    _patch_zip(path, edit)


def hostile_xlsx(office, path: pathlib.Path, secrets: Secrets, listener: Listener, marker: pathlib.Path) -> None:
    """The same formulas and links saved as XLSX by the office (external workbook links, WEBSERVICE, DDE), plus
    pictures linked with `r:link` (http, file SVG, file PNG) and a linked OLE object."""
    doc = _active_document(office, secrets, listener, marker)
    try:
        sheet = doc.Sheets.getByIndex(0)
        for i in range(3):  # embedded pictures (distinct, or the export shares one), turned into linked ones below
            image = secrets.decoys / f"image{i}.png"
            image.write_bytes(png(width=8 + i))
            shape = doc.createInstance("com.sun.star.drawing.GraphicObjectShape")
            sheet.DrawPage.add(shape)
            provider = office.service("com.sun.star.graphic.GraphicProvider")
            shape.Graphic = provider.queryGraphic(props(URL=image.as_uri()))
            from com.sun.star.awt import Point, Size
            shape.Position, shape.Size = Point(1000 + 4000 * i, 4000), Size(3000, 2000)
        office.store(doc, path, "Calc MS Excel 2007 XML")
    finally:
        doc.close(True)
    targets = [listener.url("image-xlsx.png"), secrets.url("secret.svg"), secrets.url("secret.png")]

    def edit(name, data):
        text = data.decode("utf-8") if name.endswith((".xml", ".rels")) else None
        if text is None:
            return data
        text = _point_at_secrets(text, secrets)
        if name.startswith("xl/drawings/_rels/"):
            for i, target in enumerate(targets):
                text = re.sub(r'Target="\.\./media/image%d\.png"' % (i + 1),
                              f'Target="{target}" TargetMode="External"', text)
        elif name.startswith("xl/drawings/drawing"):
            text = text.replace("r:embed=", "r:link=")
        return text.encode("utf-8")
    _patch_zip(path, edit)
    _add_linked_ole_object(path, listener.url("objet-ole.xlsx"))


def _add_linked_ole_object(path: pathlib.Path, url: str) -> None:
    """A linked OLE object as Excel writes one: <oleObject link="[N]!''"> in the sheet, the target in an external
    link part (oleLink) whose relationship is external."""
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        workbook = z.read("xl/workbook.xml").decode()
        types = z.read("[Content_Types].xml").decode()
    index = 1 + sum(1 for n in names if re.fullmatch(r"xl/externalLinks/externalLink\d+\.xml", n))
    link_part = f"xl/externalLinks/externalLink{index}.xml"
    link_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink '
                'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<oleLink r:id="rId1" progId="Excel.Sheet.12"><oleItems><oleItem name="\'" advise="1" '
                'preferPic="1"/></oleItems></oleLink></externalLink>')
    link_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
                 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
                 'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" '
                 f'Target="{url}" TargetMode="External"/></Relationships>')
    rid = "rIdOle1"
    rels = rels.replace("</Relationships>",
                        f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        f'relationships/externalLink" Target="externalLinks/externalLink{index}.xml"/></Relationships>')
    if "<externalReferences>" in workbook:
        workbook = workbook.replace("</externalReferences>", f'<externalReference r:id="{rid}"/></externalReferences>')
    else:
        workbook = re.sub(r"(<definedNames|<calcPr)", f'<externalReferences><externalReference r:id="{rid}"/>'
                          r"</externalReferences>\1", workbook, count=1)
    types = types.replace("</Types>", f'<Override PartName="/{link_part}" ContentType="application/'
                          'vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>')
    ole = (f'<oleObjects><oleObject progId="Excel.Sheet.12" link="[{index}]!\'\'" oleUpdate="OLEUPDATE_ALWAYS" '
           'shapeId="1025"/></oleObjects>')
    sheet = re.sub(r"(<tableParts|<extLst|</worksheet>)", ole + r"\1", sheet, count=1)
    replaced = {"xl/worksheets/sheet1.xml": sheet, "xl/_rels/workbook.xml.rels": rels, "xl/workbook.xml": workbook,
                "[Content_Types].xml": types}

    def edit(name, data):
        return replaced[name].encode("utf-8") if name in replaced else data
    edit.extra = {link_part: link_xml.encode(), f"xl/externalLinks/_rels/externalLink{index}.xml.rels": link_rels.encode()}
    _patch_zip(path, edit)
