"""Table shapes the reader must handle whatever a generator's habits: the code and numbers on
the first, middle or last line of a wrapped question, with and without ruling lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

from extract.pipeline import extract_file

QUESTIONS = [
    (
        "1.1",
        "Finns det en kommunövergripande strategi för demokratiutveckling och information?",
        7,
        15,
        "45 %",
    ),
    ("1.2", "Informeras invånarna om aktuella frågor i politiken?", 15, 20, "75 %"),
    (
        "1.3",
        "Informeras invånare om resultat och om hur kommunen står sig i jämförelse med "
        "andra kommuner av samma storlek och struktur?",
        12,
        25,
        "48 %",
    ),
]


def _report(path: Path, valign: str, ruled: bool) -> None:
    styles = getSampleStyleSheet()
    body = styles["Normal"]
    header = ["1.", "Offentlighet och demokrati", "Uppnått", "Max", "Procent"]
    rows = [[code, Paragraph(text, body), str(s), str(m), p] for code, text, s, m, p in QUESTIONS]
    style = [("VALIGN", (0, 0), (-1, -1), valign)]
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
    story = [
        Paragraph("Kommunkompassen – Analys av Härjedalens kommun", styles["Title"]),
        Paragraph("Oktober 2017", body),
        PageBreak(),
        Paragraph("4. Översikt av poängfördelning", styles["Heading1"]),
        Table(
            [header, *rows, ["", "", "34", "60", "57 %"]],
            colWidths=[30, 280, 50, 40, 50],
            style=style,
        ),
        Spacer(1, 20),
        Paragraph("Efter tabellen följer löptext som inte hör till tabellen.", body),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
@pytest.mark.parametrize("valign", ["TOP", "MIDDLE", "BOTTOM"])
def test_wrapped_rows_whatever_the_alignment(
    tmp_path: Path, profiles, valign: str, ruled: bool
) -> None:
    pdf = tmp_path / "report.pdf"
    _report(pdf, valign, ruled)
    rows = extract_file(pdf, profiles).rows["kompass"]
    assert [(r.subarea_no, r.subarea, r.score, r.max_score, r.percent) for r in rows] == [
        (code, text, score, top, int(percent.rstrip(" %")))
        for code, text, score, top, percent in QUESTIONS
    ]
    assert {(r.municipality, r.municipality_code, r.year, r.check) for r in rows} == {
        ("Härjedalen", "2361", 2017, "ok")
    }
    assert {r.framework for r in rows} == {"Kommunkompassen 2010–2016"}


def _variant_report(path: Path, header_rows: list[list[str]], rows: list[list[str]]) -> None:
    styles = getSampleStyleSheet()
    rows = [
        [cell if len(cell) < 30 else Paragraph(cell, styles["Normal"]) for cell in row]
        for row in rows
    ]
    story = [
        Paragraph("LIDKÖPINGS KOMMUN", styles["Title"]),
        Paragraph("Kommunkompassen – utvärdering i maj 2017", styles["Normal"]),
        PageBreak(),
        Paragraph("Sammanställning av poäng", styles["Heading1"]),
        Table(
            [*header_rows, *rows],
            colWidths=[30, 280, 55, 55, 50],
            style=[("VALIGN", (0, 0), (-1, -1), "TOP")],
        ),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def test_two_line_header_area_rows_and_footnoted_totals(tmp_path: Path, profiles) -> None:
    """A header printed over two lines ("Uppnådd"/"poäng", "Max-"/"poäng"), area rows
    "Område 1: …", and a total labelled "Summa¹"."""
    pdf = tmp_path / "report.pdf"
    header = [["", "", "Uppnådd", "Max-", ""], ["Nr", "Fråga", "poäng", "poäng", "Procent"]]
    rows = [
        ["Område 1: Offentlighet och demokrati", "", "", "", ""],
        *[[code, text, str(s), str(m), p] for code, text, s, m, p in QUESTIONS],
        ["", "Summa¹", "34", "60", "57 %"],
    ]
    _variant_report(pdf, header, rows)
    result = extract_file(pdf, profiles)
    rows_out = result.rows["kompass"]
    assert [(r.subarea_no, r.score, r.max_score, r.percent, r.check) for r in rows_out] == [
        ("1.1", 7, 15, 45, "ok"),
        ("1.2", 15, 20, 75, "ok"),
        ("1.3", 12, 25, 48, "ok"),
    ]
    assert {r.area for r in rows_out} == {"Offentlighet och demokrati"}
    assert rows_out[2].subarea == QUESTIONS[2][1]  # "Summa¹" is not part of the last question
    assert {(r.municipality, r.municipality_code, r.year) for r in rows_out} == {
        ("Lidköping", "1494", 2017)
    }


def test_max_column_before_points_column(tmp_path: Path, profiles) -> None:
    """ "Max Poäng" is two columns here, not the one column "Max poäng"."""
    pdf = tmp_path / "report.pdf"
    header = [["1.", "Offentlighet och demokrati", "Max", "Poäng", ""]]
    rows = [[code, text, str(m), str(s), ""] for code, text, s, m, _ in QUESTIONS]
    _variant_report(pdf, header, rows)
    rows_out = extract_file(pdf, profiles).rows["kompass"]
    assert [(r.subarea_no, r.score, r.max_score) for r in rows_out] == [
        ("1.1", 7, 15),
        ("1.2", 15, 20),
        ("1.3", 12, 25),
    ]


def test_overprinted_fake_bold_is_read_once(tmp_path: Path) -> None:
    """Word draws "bold" by printing a glyph twice, a fraction of a point apart."""
    from reportlab.pdfgen import canvas

    from extract.read_pdf import load_pages

    pdf = tmp_path / "bold.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4)
    for dx in (0.0, 0.3):
        page.drawString(72 + dx, 700, "Uppnått Max")
    page.drawString(72, 600, "Vanlig text")
    page.save()
    words = [w.text for w in load_pages(pdf, [1])[1].words]
    assert words == ["Uppnått", "Max", "Vanlig", "text"]
