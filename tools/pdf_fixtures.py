#!/usr/bin/env python3
"""Writes PDF files as a real producer (ReportLab) lays them out, each beside the text it holds, for the tests.

Run with the pinned ReportLab that tools/setup.sh installs in tools/.venv. Two uses:

  pdf_fixtures.py text TEXT OUT.pdf [--title T] [--created YYYY-MM-DD]
      a text file as a PDF: lines wrapped to the page, blank lines between
      paragraphs, as many pages as it takes (Helvetica, one of the standard fonts).
  pdf_fixtures.py cases DIR
      the hard cases, text written here (none taken from the samples): two columns,
      hyphenated line ends, ligatures, running headers and footers, a rotated page,
      Cyrillic and Greek, a hundred pages, pages printed by Chromium (CSS columns,
      justified; a three-page report with a menu and a table); and what cannot be read: a scanned page (an image only), an
      encrypted file, a truncated file, a damaged operator. Each readable case
      NAME.pdf comes with NAME.txt, the text a reader should get: pages separated
      by a form feed (or the whole text, where the producer chose the breaks), each paragraph on one line (what was hyphenated at a line's
      end joined).

Deterministic: fixed creation dates and document ids (`invariant=1`), so a fixture's
bytes are the same on every run (Chromium's page aside: it stamps its own date).
"""

import argparse
import calendar
import html
import io
import os
import subprocess
import sys
import tempfile

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

WIDTH, HEIGHT = A4
MARGIN = 56
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

PARAGRAPHS = [
    "The committee met in Geneva on Tuesday to review the findings of the audit, "
    "which covered the accounts of the regional offices between 2019 and 2023.",
    "Maria Lindqvist, who chaired the session, said the report would be published "
    "in full before the end of March, together with the replies of the offices concerned.",
    "Delegates from Kenya, Chile and Vietnam asked for a second reading; the secretariat "
    "agreed to circulate a revised draft by 14 February 2025.",
    "The board of Northwind Logistics confirmed that its office in Rotterdam would close, "
    "moving forty staff to Antwerp and to the headquarters in Hamburg.",
    "Observers from the International Labour Organization attended as guests and took "
    "no part in the vote, which was carried by eleven votes to three.",
    "A further meeting is planned for the autumn in Nairobi, where the offices of the "
    "eastern region will present their own accounts for the first time.",
]


def new_canvas(path, title="", created="2025-01-15", **kwargs):
    # ReportLab stamps CreationDate from SOURCE_DATE_EPOCH (reproducible builds).
    y, m, d = (int(p) for p in created.split("-"))
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm((y, m, d, 12, 0, 0)))
    c = canvas.Canvas(path, pagesize=A4, invariant=1, **kwargs)
    if title:
        c.setTitle(title)
    c.setCreator("Dossier test fixtures")
    return c


def wrap(text, font, size, width):
    """Greedy line breaking on spaces, as a simple producer does."""
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if pdfmetrics.stringWidth(trial, font, size) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def flow(c, paragraphs, font="Helvetica", size=11, left=MARGIN, width=WIDTH - 2 * MARGIN,
         top=HEIGHT - MARGIN, bottom=MARGIN, on_page=None):
    """Writes paragraphs down the page and onto new pages; returns the text per page."""
    pages, page, y = [], [], top
    leading = size * 1.35

    def new_page():
        nonlocal y, page
        pages.append(page)
        c.showPage()
        if on_page:
            on_page(c, len(pages) + 1)
        page, y = [], top

    if on_page:
        on_page(c, 1)
    for paragraph in paragraphs:
        if not paragraph.strip():
            continue
        lines = wrap(paragraph, font, size, width)
        if y - leading * len(lines[:2]) < bottom and page:
            new_page()
        written = []
        for line in lines:
            if y < bottom:
                page.append(" ".join(written))
                written = []
                new_page()
            c.setFont(font, size)
            c.drawString(left, y, line)
            written.append(line)
            y -= leading
        page.append(" ".join(written))
        y -= leading * 0.6
    pages.append(page)
    c.showPage()
    return ["\n".join(p) for p in pages]


def write_expected(path, pages):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\f".join(pages) + "\n")


def text_pdf(args):
    with open(args.text, encoding="utf-8") as f:
        paragraphs = f.read().split("\n")
    c = new_canvas(args.out, title=args.title, created=args.created)
    flow(c, paragraphs)
    c.save()


def columns(out):
    """Two columns drawn line by line across the page (left line, right line, next
    row), as some producers write them: reading order must come from positions."""
    c = new_canvas(out + ".pdf", title="Two columns")
    gap = 24
    width = (WIDTH - 2 * MARGIN - gap) / 2
    pages = []
    for page_no in range(2):
        columns_lines, text = [], []
        for column in range(2):
            start = (page_no * 2 + column) % 6
            paragraphs = (PARAGRAPHS[start:] + PARAGRAPHS[:start])[:3]
            lines = []
            for paragraph in paragraphs:
                lines.extend(wrap(paragraph, "Helvetica", 10, width))
                lines.append("")
                text.append(paragraph)
            columns_lines.append(lines)
        c.setFont("Helvetica", 14)
        c.drawString(MARGIN, HEIGHT - MARGIN + 20, f"Minutes of the committee, part {page_no + 1}")
        for row in range(max(len(l) for l in columns_lines)):
            y = HEIGHT - MARGIN - 10 - row * 13.5
            for column, lines in enumerate(columns_lines):
                if row < len(lines) and lines[row]:
                    c.setFont("Helvetica", 10)
                    c.drawString(MARGIN + column * (width + gap), y, lines[row])
        c.showPage()
        pages.append(f"Minutes of the committee, part {page_no + 1}\n" + "\n".join(text))
    c.save()
    write_expected(out + ".txt", pages)


def hyphenated(out):
    """Words cut at a line's end with a hyphen, as justified text is set."""
    c = new_canvas(out + ".pdf", title="Hyphenated")
    lines = [
        "The ministry said the inter-",
        "national observers would arrive on Mon-",
        "day and stay until the results were certi-",
        "fied by the electoral commission in Tbilisi.",
        "A well-known analyst called the vote free-",
        "and-fair, a judgement the opposition disputed.",
    ]
    y = HEIGHT - MARGIN
    for line in lines:
        c.setFont("Helvetica", 11)
        c.drawString(MARGIN, y, line)
        y -= 15
    c.showPage()
    c.save()
    write_expected(out + ".txt", [
        "The ministry said the international observers would arrive on Monday and stay until "
        "the results were certified by the electoral commission in Tbilisi. A well-known analyst "
        "called the vote free-and-fair, a judgement the opposition disputed."
    ])


def ligatures(out):
    """Ligature characters as typesetting programs emit them (ﬁ, ﬂ, ﬀ, ﬃ)."""
    pdfmetrics.registerFont(TTFont("DejaVu", DEJAVU))
    c = new_canvas(out + ".pdf", title="Ligatures")
    typeset = ("The ﬁnal ﬁgures were conﬁrmed by the oﬃce in Sheﬃeld; "
               "the ﬂoods aﬀected ﬁfty ﬁrms along the river.")
    plain = ("The final figures were confirmed by the office in Sheffield; "
             "the floods affected fifty firms along the river.")
    pages = flow(c, [typeset], font="DejaVu")
    assert len(pages) == 1
    c.save()
    write_expected(out + ".txt", [plain])


def running_heads(out):
    """Three pages with the same header and a numbered footer, which are not body text."""
    def heads(c, number):
        c.setFont("Helvetica", 8)
        c.drawString(MARGIN, HEIGHT - 30, "Northwind Logistics - Annual Report 2024")
        c.drawRightString(WIDTH - MARGIN, 24, f"Page {number}")

    c = new_canvas(out + ".pdf", title="Annual report")
    pages = flow(c, PARAGRAPHS * 10, top=HEIGHT - MARGIN - 10, on_page=heads)
    c.save()
    assert len(pages) >= 3, pages
    write_expected(out + ".txt", pages)


def rotated(out):
    """A landscape page stored as portrait with /Rotate 90."""
    c = new_canvas(out + ".pdf", title="Rotated")
    c.setPageRotation(90)
    # ReportLab swaps the media box of a turned page: the text is set in its
    # landscape box, where a viewer shows it.
    pages = flow(c, PARAGRAPHS[:2], width=HEIGHT - 2 * MARGIN, top=WIDTH - MARGIN)
    c.save()
    write_expected(out + ".txt", pages)


def scripts(out):
    """Cyrillic and Greek in an embedded TrueType font (subset, with its ToUnicode map)."""
    pdfmetrics.registerFont(TTFont("DejaVu", DEJAVU))
    c = new_canvas(out + ".pdf", title="Scripts")
    paragraphs = [
        "Министр иностранных дел Армении Арарат Мирзоян прибыл в Алматы во вторник.",
        "Ο υπουργός Εξωτερικών συναντήθηκε με τον πρέσβη στην Αθήνα την Τετάρτη.",
    ]
    pages = flow(c, paragraphs, font="DejaVu")
    c.save()
    write_expected(out + ".txt", pages)


def hundred_pages(out):
    c = new_canvas(out + ".pdf", title="A hundred pages")
    paragraphs = []
    while True:
        paragraphs.extend(PARAGRAPHS)
        if len(paragraphs) >= 6 * 330:
            break
    pages = flow(c, paragraphs)
    c.save()
    write_expected(out + ".txt", pages)
    print(f"{out}.pdf: {len(pages)} pages", file=sys.stderr)


def scanned(out):
    """A page that is only an image, as a scanner writes it: no text layer."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (400, 200), 255)
    draw = ImageDraw.Draw(image)
    for k in range(8):
        draw.rectangle((20, 20 + k * 22, 380 - (k * 37) % 120, 32 + k * 22), fill=40)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    from reportlab.lib.utils import ImageReader

    c = new_canvas(out + ".pdf", title="")
    c.drawImage(ImageReader(buffer), MARGIN, HEIGHT - MARGIN - 300, width=480, height=240)
    c.showPage()
    c.save()


def encrypted(out):
    from reportlab.lib import pdfencrypt

    lock = pdfencrypt.StandardEncryption("secret", canPrint=0)
    c = new_canvas(out + ".pdf", title="Locked", encrypt=lock)
    flow(c, PARAGRAPHS[:2])
    c.save()


def truncated(out):
    c = new_canvas(out + ".whole.pdf", title="Cut")
    flow(c, PARAGRAPHS * 3)
    c.save()
    with open(out + ".whole.pdf", "rb") as f:
        data = f.read()
    os.remove(out + ".whole.pdf")
    with open(out + ".pdf", "wb") as f:
        f.write(data[: len(data) // 2])


def print_with_chromium(page, out_pdf):
    """Prints an HTML page to PDF with headless Chromium (CHROMIUM overrides its
    path), without the browser's own header and footer: they carry the time."""
    browser = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "page.html")
        with open(source, "w", encoding="utf-8") as f:
            f.write(page)
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer",
             f"--print-to-pdf={os.path.abspath(out_pdf)}", f"file://{source}"],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120,
        )


def browser_columns(out):
    """A page printed by Chromium (Skia's PDF writer, subset TrueType fonts with
    ToUnicode maps): CSS columns, justified, hyphenated where the browser can."""
    paragraphs = PARAGRAPHS * 2
    page = (
        "<!doctype html><html lang=en><meta charset=utf-8><title>Committee minutes</title>"
        "<style>body{font:11pt 'DejaVu Serif',serif} h1{font-size:16pt}"
        ".cols{columns:2;column-gap:2em;text-align:justify;hyphens:auto}</style>"
        "<h1>Minutes of the committee</h1><div class=cols>"
        + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        + "</div>"
    )
    print_with_chromium(page, out + ".pdf")
    write_expected(out + ".txt", ["Minutes of the committee\n" + "\n".join(paragraphs)])


def bad_operator(out):
    """A page whose content stream gives the `cm` operator four operands, not six:
    damage some readers assert against (pdf-extract panics on it)."""
    c = new_canvas(out + ".pdf", title="Damaged", pageCompression=0)
    flow(c, PARAGRAPHS[:1])
    c.save()
    with open(out + ".pdf", "rb") as f:
        data = f.read()
    whole, cut = b"1 0 0 1 0 0 cm", b"1 0 0 1 cm    "
    assert whole in data, "no cm operator to damage"
    # The same length, so that the cross-reference offsets stay right.
    with open(out + ".pdf", "wb") as f:
        f.write(data.replace(whole, cut, 1))


def browser_report(out):
    """A three-page page printed by Chromium: a menu line, a heading, an italic
    date, paragraphs, a table and a footer line, in fonts whose widths Skia writes
    as CID ranges (which pdf-extract misread before vendor/VENDORED.md's patch).
    Without the browser's own header and footer: they carry the time of printing."""
    first, second = PARAGRAPHS * 5, PARAGRAPHS * 4
    rows = [("Kenya", "Nairobi office", "12"), ("Chile", "Santiago office", "9"), ("Vietnam", "Hanoi office", "15")]
    table = "<tr><th>Country</th><th>Office</th><th>Staff</th></tr>" + "".join(
        f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows
    )
    page = (
        "<!doctype html><html lang=en><meta charset=utf-8><title>Audit of the regional offices</title>"
        "<style>body{font:11pt 'DejaVu Sans',sans-serif} nav{font-size:9pt}</style>"
        "<nav>Home | News | Reports | Contact</nav><h1>Audit of the regional offices</h1>"
        "<p><i>Published 3 March 2025</i></p>"
        + "".join(f"<p>{html.escape(p)}</p>" for p in first)
        + f"<table border=1>{table}</table>"
        + "".join(f"<p>{html.escape(p)}</p>" for p in second)
        + "<footer>© 2025 Northwind Logistics</footer>"
    )
    print_with_chromium(page, out + ".pdf")
    # Page breaks fall where the browser puts them: the text is given whole.
    text = ["Home | News | Reports | Contact", "Audit of the regional offices", "Published 3 March 2025"]
    text += first + ["Country Office Staff"] + [" ".join(r) for r in rows] + second
    text.append("© 2025 Northwind Logistics")
    write_expected(out + ".txt", ["\n".join(text)])


CASES = {
    "columns": columns,
    "hyphenated": hyphenated,
    "ligatures": ligatures,
    "running-heads": running_heads,
    "rotated": rotated,
    "scripts": scripts,
    "browser-columns": browser_columns,
    "browser-report": browser_report,
    "hundred-pages": hundred_pages,
    "scanned": scanned,
    "encrypted": encrypted,
    "truncated": truncated,
    "bad-operator": bad_operator,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    text = sub.add_parser("text")
    text.add_argument("text")
    text.add_argument("out")
    text.add_argument("--title", default="")
    text.add_argument("--created", default="2025-01-15")
    cases = sub.add_parser("cases")
    cases.add_argument("dir")
    args = parser.parse_args()
    if args.command == "text":
        text_pdf(args)
    else:
        os.makedirs(args.dir, exist_ok=True)
        for name, make in CASES.items():
            make(os.path.join(args.dir, name))


if __name__ == "__main__":
    main()
