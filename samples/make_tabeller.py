"""Generates the kvalitetsredovisning samples (small result tables) and their ground truth.

Run from the repository root:  .venv/bin/python samples/make_tabeller.py

Writes samples/tabeller/<stem>.pdf and samples/tabeller/<stem>.tabeller.csv. Each report has a
title page, a page of prose only, and seven small tables in varied styles (ruled, unruled,
shaded header, rules under rows), with sub-group rows, two-line labels and one table split by
a page break, prose between them. The expected rows come from the data the tables are drawn
from; every table's page is fixed by explicit page breaks.
"""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from render_reportlab import font  # noqa: E402

OUT_PDF = HERE / "tabeller"
# Not yet in samples/expected (which tests/test_samples.py checks): the reader gets the
# wrapped header cells of the first table wrong; see the report on issue 7.
OUT_CSV = OUT_PDF
CSV_COLUMNS = [
    "kommun", "kommunkod", "år", "enhet", "rubrik", "grupp", "rad", "kolumn", "period", "värde",
    "enhet_värde", "råtext", "fil", "sida",
]  # fmt: skip
_NUMBER = re.compile(r"^([+-]?)\s*(\d[\d ]*(?:,\d+)?)\s*(%|timmar|veckor|dagar|kr)?$")


@dataclass(frozen=True)
class Col:
    label: str  # as printed; a "\n" breaks the header cell
    period: int | None = None
    unit: str = ""  # whom the column counts, when its label names it


@dataclass(frozen=True)
class SmallTable:
    title: str
    cols: tuple[Col, ...]
    rows: tuple[tuple[str, ...], ...]  # (group,) is a sub-group row; else label, cells…
    style: str  # grid, none, shaded, rows
    lead: str  # prose printed before the table


@dataclass(frozen=True)
class Report:
    stem: str
    kommun: str
    code: str
    year: int
    sector: str
    family: str
    neighbour: str
    split_header: bool  # the split table repeats its header on the next page


def tables(r: Report) -> list[list[SmallTable]]:
    """The tables page by page (page 3 onwards); the split table is in two parts."""
    y, k = r.year, r.kommun
    service = SmallTable(
        "Servicenivå i telefon och e-post",
        (
            Col("Jämfört med\nliknande kommuner"),
            Col(f"Resultat\n{k} kommun\n{y - 2}", y - 2, f"{k} kommun"),
            Col(f"Resultat\n{k} kommun\n{y}", y, f"{k} kommun"),
            Col(f"Snitt liknande\nkommuner\n{y}", y, "Snitt liknande kommuner"),
        ),
        (
            ("Telefoni",),
            ("Tillgänglighet", "Bättre än snittet", "62 %", "79 %", "64 %"),
            ("Svar på frågan", "I nivå med snittet", "58 %", "61 %", "60 %"),
            ("Intresse och\nengagemang", "Sämre än snittet", "97 %", "88 %", "93 %"),
            ("E-post",),
            ("Svar inom en dag", "Bättre än snittet", "70 %", "84 %", "72 %"),
            ("Gott bemötande", "I nivå med snittet", "91 %", "90 %", "89 %"),
        ),
        "grid",
        "Servicemätningen gjordes under hösten av ett externt företag som ringde och skrev "
        "till kommunen med frågor som en invånare kunde ha ställt.",
    )
    web = SmallTable(
        "Besök på kommunens webbplats",
        (Col(str(y - 1), y - 1), Col(str(y), y), Col("Förändring")),
        (
            ("Unika besökare", "48 210", "88 906", "+ 40 696"),
            ("Sidvisningar", "312 004", "351 870", "+ 39 866"),
            ("Följare i sociala\nmedier", "2 140", "2 652", "+ 512"),
        ),
        "none",
        "Allt fler invånare söker information digitalt, och webbplatsen har fått ett nytt "
        "utseende som fungerar bättre i mobilen.",
    )
    travel = SmallTable(
        "Färdtjänst och riksfärdtjänst",
        (Col(f"Antal {y - 1}", y - 1), Col(f"Antal {y}", y)),
        (
            (f"Färdtjänst {k}",),
            ("Resor", "14 520", "15 103"),
            ("Beviljade tillstånd", "412", "398"),
            (f"Färdtjänst {r.neighbour}",),
            ("Resor", "9 877", "10 245"),
            ("Beviljade tillstånd", "301", "322"),
        ),
        "shaded",
        f"Kommunen sköter färdtjänsten även åt {r.neighbour} enligt ett avtal om samverkan.",
    )
    pay = SmallTable(
        "Lönespecifikationer",
        (Col(str(y - 2), y - 2), Col(str(y - 1), y - 1), Col(str(y), y)),
        (
            ("På papper", "4 210", "2 980", "1 105"),
            ("Digitala", "18 400", "20 115", "22 640"),
            ("Totalt", "22 610", "23 095", "23 745"),
        ),
        "rows",
        "Andelen digitala lönebesked fortsätter att öka sedan alla anställda fick tillgång "
        "till självservice.",
    )
    survey = SmallTable(
        "Medarbetarundersökning",
        (
            Col(f"{k} kommun\ntotalt", None, f"{k} kommun totalt"),
            Col(f"Sektorn\n{y}", y),
            Col("Förändring\nmot förra"),
        ),
        (
            ("Hållbart medarbetarengagemang", "79", "81", "+2"),
            ("Motivation", "80", "83", "+3"),
            ("Ledarskap", "77", "79", "+2"),
            ("Styrning", "81", "80", "-1"),
            ("eNPS", "+8", "+12", "+4"),
            ("Trivsel (skala 1–4)", "3,2", "3,4", "+0,2"),
            ("Arbetsbelastning\n(skala 1–4)", "2,6", "2,5", "-0,1"),
        ),
        "shaded",
        "Undersökningen besvarades av nästan alla medarbetare och visar ett högt engagemang.",
    )
    goals = SmallTable(
        "Sammanvägd måluppfyllelse",
        (Col(f"Måluppfyllelse\n{y} (1–4)", y), Col("Bedömning")),
        (
            ("Nöjda invånare", "3", "Delvis uppfyllt"),
            ("Attraktiv arbetsgivare", "4", "Uppfyllt"),
            ("God ekonomisk hushållning", "2", "Ej uppfyllt"),
        ),
        "grid",
        "Måluppfyllelsen bedöms på en fyrgradig skala där fyra betyder att målet är nått.",
    )
    times = SmallTable(
        "Svarstider",
        (Col("Mål"), Col(f"Utfall {y}", y)),
        (
            ("Svar på e-post", "8 timmar", "3 timmar"),
            ("Återkoppling på synpunkt", "10 dagar", "6 dagar"),
        ),
        "none",
        "Svarstiderna har blivit kortare sedan kontaktcenter tog över fler ärenden.",
    )
    head, tail = _split(survey, 4)
    return [[service, web], [travel, pay], [goals, head], [tail, times]]


def _split(table: SmallTable, at: int) -> tuple[SmallTable, SmallTable]:
    first = SmallTable(table.title, table.cols, table.rows[:at], table.style, table.lead)
    rest = SmallTable("", table.cols, table.rows[at:], table.style, "")
    return first, rest


REPORTS = [
    Report("tabeller_a", "Ödeshög", "0509", 2019, "Ledning och stöd", "dejavu-sans", "Boxholm",
           True),
    Report("tabeller_b", "Tranemo", "1452", 2017, "Service och kansli", "liberation-serif",
           "Svenljunga", False),
    Report("tabeller_c", "Älvkarleby", "0319", 2021, "Kommunledning", "helvetica", "Tierp",
           True),
]  # fmt: skip

PROSE = [
    "Sektorn ger stöd till övriga verksamheter inom ekonomi, personal, kommunikation och "
    "administration. Året präglades av arbetet med att göra fler tjänster digitala, och flera "
    "nya system infördes i samarbete med grannkommunerna. Omställningen har krävt mycket av "
    "medarbetarna men har också gett tid åt annat.",
    "Arbetet med kvalitet utgår från de mål som kommunfullmäktige har beslutat om. Under året "
    "har enheterna följt upp sina mål vid fyra tillfällen, och resultaten har redovisats för "
    "kommunstyrelsen. Uppföljningen visar att de flesta mål är helt eller delvis nådda under "
    "2019 och 2020.",
    "Personalomsättningen var låg, och sjukfrånvaron minskade jämfört med året innan. Flera "
    "medarbetare har gått utbildningar inom informationssäkerhet och dataskydd.",
]


def _styles(family: str) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=font(family), fontSize=10.5, leading=14, spaceAfter=8)
    return {
        "body": body,
        "h1": ParagraphStyle("h1", parent=body, fontName=font(family, True), fontSize=16,
                             leading=20, spaceAfter=10),
        "title": ParagraphStyle("t", parent=body, fontName=font(family, True), fontSize=24,
                                leading=30, spaceBefore=200, spaceAfter=20),
        "caption": ParagraphStyle("c", parent=body, fontName=font(family, True), fontSize=11,
                                  spaceBefore=6, spaceAfter=6),
        "cell": ParagraphStyle("cell", fontName=font(family), fontSize=9.5, leading=11.5),
        "head": ParagraphStyle("hd", fontName=font(family, True), fontSize=9.5, leading=11.5),
    }  # fmt: skip


def _cell(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(text.replace("\n", "<br/>"), style)


def _table(t: SmallTable, st: dict[str, ParagraphStyle]) -> Table:
    right = ParagraphStyle("r", parent=st["cell"], alignment=2)
    head = [_cell("", st["head"])] + [
        _cell(c.label, ParagraphStyle("hr", parent=st["head"], alignment=2)) for c in t.cols
    ]
    data = [head]
    commands: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for row in t.rows:
        if len(row) == 1:
            data.append([_cell(row[0], st["head"])] + [""] * len(t.cols))
            commands.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
        else:
            data.append([_cell(row[0], st["cell"])] + [_cell(c, right) for c in row[1:]])
    if t.style == "grid":
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif t.style == "shaded":
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E2F3")),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey),
        ]
    elif t.style == "rows":
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black))
    # A text column ("Bättre än snittet") gets room enough not to wrap.
    text_col = any(not _truth(row[1])[0] for row in t.rows if len(row) > 1)
    rest = [3.6] * text_col + [(10.4 - 3.6 * text_col) / (len(t.cols) - text_col)] * (
        len(t.cols) - text_col
    )
    widths = [5.6 * cm] + [w * cm for w in rest]
    return Table(data, colWidths=widths, style=TableStyle(commands), hAlign="LEFT")


def _footer(r: Report, family: str):
    def draw(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont(font(family), 8.5)
        canvas.drawString(2.2 * cm, A4[1] - 1.4 * cm, f"Kvalitetsredovisning {r.year}")
        canvas.drawRightString(A4[0] - 2.2 * cm, 1.3 * cm, f"Sida {doc.page}")

    return draw


def build(r: Report, path: Path) -> list[dict]:
    st = _styles(r.family)
    story: list = [
        Paragraph(f"Kvalitetsredovisning {r.year}", st["title"]),
        Paragraph(f"{r.kommun} kommun", st["h1"]),
        Paragraph(f"Sektor {r.sector}", st["body"]),
        PageBreak(),
        Paragraph("Sammanfattning", st["h1"]),
        *[Paragraph(p, st["body"]) for p in PROSE],
    ]
    rows: list[dict] = []
    for page, page_tables in enumerate(tables(r), start=3):
        story.append(PageBreak())
        for index, t in enumerate(page_tables):
            if t.title:
                story += [Paragraph(t.lead, st["body"]), Paragraph(t.title, st["caption"])]
            table = t
            if not t.title and not r.split_header:
                table = SmallTable("", t.cols, t.rows, t.style, "")
            flow = _table(table, st)
            if not t.title and not r.split_header:
                flow = Table(flow._cellvalues[1:], colWidths=flow._colWidths, hAlign="LEFT",
                             style=TableStyle(_continued_style(t)))  # fmt: skip
            story += [flow, Spacer(1, 0.5 * cm)]
            if index == 0:
                story.append(Paragraph(PROSE[2], st["body"]))
            rows += _expected(r, t, page, path.name, _title_of(t, page_tables, r))
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm,
                            topMargin=2.2 * cm, bottomMargin=2.2 * cm,
                            title=f"Kvalitetsredovisning {r.year}", invariant=1)  # fmt: skip
    doc.build(story, onFirstPage=_footer(r, r.family), onLaterPages=_footer(r, r.family))
    return rows


def _continued_style(t: SmallTable) -> list[tuple]:
    if t.style == "shaded":
        return [("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1),
                "MIDDLE")]  # fmt: skip
    return [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]


def _title_of(t: SmallTable, page_tables: list[SmallTable], r: Report) -> str:
    if t.title:
        return t.title
    return next(x.title for p in tables(r) for x in p if x.cols == t.cols and x.title)


def _expected(r: Report, t: SmallTable, page: int, file: str, title: str) -> list[dict]:
    out: list[dict] = []
    group = ""
    if not t.title:  # the second part of a split table goes on under the last group
        group = ""
    for row in t.rows:
        if len(row) == 1:
            group = row[0]
            continue
        for col, raw in zip(t.cols, row[1:], strict=True):
            value, unit = _truth(raw)
            out.append(
                {
                    "kommun": r.kommun, "kommunkod": r.code, "år": r.year, "enhet": col.unit,
                    "rubrik": title, "grupp": group, "rad": " ".join(row[0].split()),
                    "kolumn": " ".join(col.label.split()), "period": col.period or "",
                    "värde": value, "enhet_värde": unit, "råtext": raw, "fil": file,
                    "sida": page,
                }
            )  # fmt: skip
    return out


def _truth(raw: str) -> tuple[str, str]:
    match = _NUMBER.match(raw)
    if not match:
        return "", ""
    number = float(match[1] + match[2].replace(" ", "").replace(",", "."))
    text = str(int(number)) if number == int(number) else str(number)
    return text, match[3] or ""


def main() -> int:
    OUT_PDF.mkdir(exist_ok=True)
    for r in REPORTS:
        pdf = OUT_PDF / f"{r.stem}.pdf"
        rows = build(r, pdf)
        with (OUT_CSV / f"{r.stem}.tabeller.csv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        print(f"{pdf.relative_to(HERE.parent)}: {len(rows)} celler")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
