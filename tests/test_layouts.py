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
