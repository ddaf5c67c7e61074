#!/usr/bin/env python3
"""Writes a text file as a Word (.docx) or OpenDocument (.odt) file, as office programs lay them out, for the tests.

Standard library only (zipfile), deterministic (fixed timestamps), so the tests need
no office suite. Each line of the text becomes a paragraph; Word paragraphs are cut
into several runs mid-word (as Word does after edits), a running header part is
added that must not be read as body text, and the properties carry a title and a
creation date. `--encrypted` writes what Office writes for a password-protected
file (an OLE container, not a ZIP); `--truncated` cuts the archive in half.

usage: office_fixtures.py TEXT OUT.(docx|odt) [--title T] [--created YYYY-MM-DD] [--encrypted | --truncated]
"""

import argparse
import io
import re
import zipfile
from xml.sax.saxutils import escape

STAMP = (2024, 1, 1, 0, 0, 0)

WORD_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


def word_runs(line):
    """A line as Word writes it after edits: runs of a few words, cut mid-word, some bold."""
    if not line:
        return ""
    runs, start, k = [], 0, 0
    while start < len(line):
        end = min(len(line), start + 7 + (k * 5) % 11)
        piece = escape(line[start:end])
        bold = "<w:rPr><w:b/></w:rPr>" if k % 3 == 1 else ""
        runs.append(f'<w:r>{bold}<w:t xml:space="preserve">{piece}</w:t></w:r>')
        start, k = end, k + 1
    return "".join(runs)


def docx_parts(lines, title, created):
    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="Normal"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>{word_runs(l)}</w:p>'
        for l in lines
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:document {WORD_NS}><w:body>{body}"
        '<w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr></w:body></w:document>'
    )
    header = f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {WORD_NS}><w:p><w:r><w:t>CONFIDENTIAL DRAFT Page Header</w:t></w:r></w:p></w:hdr>'
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        + (f"<dc:title>{escape(title)}</dc:title>" if title else "")
        + (f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}T09:00:00Z</dcterms:created>' if created else "")
        + "</cp:coreProperties>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    return [
        ("[Content_Types].xml", content_types),
        ("word/document.xml", document),
        ("word/header1.xml", header),
        ("docProps/core.xml", core),
    ]


def odt_parts(lines, title, created):
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"'
    )

    def paragraph(line):
        # OpenDocument collapses white space in text: tabs and runs of spaces are elements.
        inner = re.sub(r" {2,}", lambda m: f' <text:s text:c="{len(m.group()) - 1}"/>', escape(line).replace("\t", "<text:tab/>"))
        return f'<text:p text:style-name="P1">{inner}</text:p>'

    body = "".join(paragraph(l) for l in lines)
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.3">'
        '<office:automatic-styles><style:style style:name="P1" style:family="paragraph"/></office:automatic-styles>'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ns} office:version="1.3"><office:meta>'
        + (f"<dc:title>{escape(title)}</dc:title>" if title else "")
        + (f"<meta:creation-date>{created}T09:00:00</meta:creation-date>" if created else "")
        + "</office:meta></office:document-meta>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    return [
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", content),
        ("meta.xml", meta),
        ("META-INF/manifest.xml", manifest),
    ]


def archive(parts):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, STAMP)
            # OpenDocument keeps its mimetype first and stored; the rest deflated.
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return out.getvalue()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("text")
    ap.add_argument("out")
    ap.add_argument("--title")
    ap.add_argument("--created")
    ap.add_argument("--encrypted", action="store_true")
    ap.add_argument("--truncated", action="store_true")
    args = ap.parse_args()
    if args.encrypted:
        # The OLE compound-file signature Office writes for an encrypted package.
        data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    else:
        with open(args.text, encoding="utf-8") as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        make = docx_parts if args.out.endswith(".docx") else odt_parts
        data = archive(make(lines, args.title, args.created))
        if args.truncated:
            data = data[: len(data) // 2]
    with open(args.out, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
