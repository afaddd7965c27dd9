"""Short scanned copies of sample reports (samples/variants/short, made by
samples/make_scanned.py): image-only scans and an archive copy whose text layer came from
English OCR give the born-digital rows. As the acceptance allows, a text field may differ by a
character or two where OCR could not read it, but then the row is listed in Granska; a value
derived from the arithmetic is marked `härledd` and listed there too (samples/variant_rows.py
says what counts as the same row)."""

from __future__ import annotations

import pytest

from extract.pipeline import extract_file
from samples.variant_rows import expected_tables, score

from .conftest import SAMPLES

SHORT = SAMPLES / "variants" / "short"
COPIES = sorted({path.name.split(".")[0] for path in SHORT.glob("*.csv")})


def test_there_are_short_scanned_copies_of_two_report_kinds() -> None:
    assert set(COPIES) == {"short_scan", "short_arch", "short_tab_scan"}


@pytest.mark.parametrize("stem", COPIES)
def test_scanned_copy_gives_the_original_rows(stem: str, profiles) -> None:
    result = extract_file(SHORT / f"{stem}.pdf", profiles)
    assert result.error == ""
    scores = score(result, expected_tables(SHORT, stem))
    assert scores
    for table in scores:
        assert table.right == table.wanted, (table.table, table.missing[:2])
        # The scan has no text; the archive copy's damaged text is read again.
        assert {row.method for row in result.rows[table.table]} == {"ocr"}


def test_a_text_layer_that_gives_figures_for_dashes_is_read_by_ocr(tmp_path, profiles) -> None:
    # An archive's PDF/A re-save was seen mapping '–' to '3' and '−' to '2' in the text
    # layer: '−1 350' reads '21350'. The page's figures are not all as wide as its font's
    # figures, so the page is read from its image.
    import re

    import pikepdf
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from extract.read_pdf import load_pages

    pdfmetrics.registerFont(TTFont("Sans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    pdf = tmp_path / "pdfa.pdf"
    canvas = Canvas(str(pdf))
    canvas.setFont("Sans", 12)
    canvas.drawString(60, 780, "Ekonomisk uppföljning för samhällsbyggnadsnämnden i Ystads kommun")
    canvas.drawString(60, 740, "Tabell 2. Nettokostnad per verksamhet jan–aug 2024, tkr")
    rows = [
        ("Verksamhet", "Budget", "Utfall", "Avvikelse"),
        ("Gata och park", "30 520", "31 870", "−1 350"),
        ("Bygglov", "2 480", "2 310", "170"),
        ("Kart och mät", "4 220", "4 720", "−500"),
    ]
    for n, (label, *cells) in enumerate(rows):
        y = 710 - 20 * n
        canvas.drawString(60, y, label)
        for cell, x in zip(cells, (330, 420, 510), strict=True):
            canvas.drawRightString(x, y, cell)
    canvas.save()
    with pikepdf.open(pdf, allow_overwriting_input=True) as document:
        for font in document.pages[0].Resources.Font.values():
            if "/ToUnicode" in font:
                cmap = font.ToUnicode.read_bytes().decode("latin-1")
                cmap = re.sub("<2013>", "<0033>", re.sub("<2212>", "<0032>", cmap))
                font.ToUnicode.write(cmap.encode("latin-1"))
        document.save(pdf)
    assert "2500" in [w.text for w in load_pages(pdf, [1])[1].words]  # '−500' as damaged
    result = extract_file(pdf, profiles)
    cells = {(r.row, r.column_label): (r.value, r.method) for r in result.rows["tabeller"]}
    assert cells[("Gata och park", "Avvikelse")] == (-1350, "ocr")
    assert cells[("Kart och mät", "Avvikelse")] == (-500, "ocr")
    assert cells[("Bygglov", "Utfall")] == (2310, "ocr")
