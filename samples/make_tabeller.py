"""Generates the kvalitetsredovisning samples (small result tables) and their ground truth.

Run from the repository root:  .venv/bin/python samples/make_tabeller.py

Writes samples/tabeller/<stem>.pdf and samples/expected/<stem>.tabeller.csv. Each report has a
title page, a page of prose only, and small tables in varied styles (ruled, unruled, shaded
header, rules under rows), with sub-group rows, labels and header cells wrapped over several
lines, a two-level header, a table split by a page break and a last page set in two text
columns, prose between them.

Three reports are drawn with reportlab, each table's page fixed by explicit page breaks. Two are
written with python-docx and converted by LibreOffice, as most real reports are made in Word;
their tables flow freely, and each row's page is looked up in the finished PDF by its printed
cells (the only thing read back). Every other expected value comes from the data the tables are
drawn from.
"""

from __future__ import annotations

import csv
import itertools
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import render_docx  # noqa: E402
from kompass_model import Look  # noqa: E402
from kompass_pdf import page_texts  # noqa: E402
from render_reportlab import font  # noqa: E402
from tabeller_docx import WordReport, WordTable, write  # noqa: E402

OUT_PDF = HERE / "tabeller"
OUT_CSV = HERE / "expected"
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
    upper: str = ""  # (reportlab) a header over this and its neighbours with the same one


@dataclass(frozen=True)
class SmallTable:
    title: str
    cols: tuple[Col, ...]
    rows: tuple[tuple[str, ...], ...]  # (group,) is a sub-group row; else label, cells…
    style: str  # grid, none, shaded, rows
    lead: str  # prose printed before the table
    heading: str = ""  # (Word) a heading before the lead; the title when there is no caption
    stub: str = ""  # (Word) text in the header's label cell
    valign: str = "middle"  # (Word) top, middle, bottom
    label_cm: float = 5.0  # (Word) label column width: narrow ones wrap long labels


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
    look: Look | None = None  # set for a Word report


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
    # A two-level header: each year centred over 'Antal | Andel %', no rule between them.
    pay = SmallTable(
        "Lönespecifikationer",
        (
            Col("Antal", y - 1, upper=str(y - 1)),
            Col("Andel %", y - 1, upper=str(y - 1)),
            Col("Antal", y, upper=str(y)),
            Col("Andel %", y, upper=str(y)),
        ),
        (
            ("På papper", "2 980", "13", "1 105", "5"),
            ("Digitala", "20 115", "87", "22 640", "95"),
            ("Totalt", "23 095", "100", "23 745", "100"),
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
    # The last page is set in two text columns, the table in the left one beside the prose
    # of the right one.
    library = SmallTable(
        "Besök i biblioteken",
        (Col(str(y - 1), y - 1), Col(str(y), y)),
        (
            ("Huvudbiblioteket", "41 210", "44 830"),
            ("Filialen", "6 102", "5 433"),
            ("Bokbussen", "9 847", "8 960"),
        ),
        "rows",
        "Biblioteken hade öppet som vanligt under året, och besöken ökade på huvudbiblioteket.",
    )
    return [[service, web], [travel, pay], [goals, head], [tail, times], [library]]


def word_tables(r: Report) -> list[SmallTable]:
    """The tables of a Word report, in the shapes of a real kvalitetsredovisning (Götene
    2018): a long wrapped comparison header, a header of a year over 'Snitt/vecka', a stub
    header, long sub-group rows, a table of years in rows; the styles rotate per report."""
    y, k, nb = r.year, r.kommun, r.neighbour
    styles = ["grid", "none", "rows", "shaded"]
    shift = 0 if r.stem.endswith("d") else 1
    aligns = ["middle", "top", "bottom"] if shift == 0 else ["top", "bottom", "middle"]

    def look(n: int) -> dict:
        return {"style": styles[(n + shift) % 4], "valign": aligns[(n + shift) % 3]}

    return [
        SmallTable(
            "Servicenivå i telefon och e-post",
            (
                Col(f"Resultat {y} i jämförelse med övriga likvärdiga kommuner", y),
                Col(f"Resultat {k} kommun {y - 2}", y - 2, f"{k} kommun"),
                Col(f"Resultat {k} kommun {y}", y, f"{k} kommun"),
                Col(
                    f"Resultat snitt övriga likvärdiga kommuner {y}",
                    y,
                    "snitt övriga likvärdiga kommuner",
                ),
            ),
            (
                ("Telefoni",),
                ("Tillgänglighet", "Bättre än snittet", "65 %", "81 %", "63 %"),
                ("Svar på frågan", "Bättre än snittet", "66 %", "73 %", "56 %"),
                ("Information", "I nivå med snittet", "93 %", "96 %", "90 %"),
                ("Intresse och engagemang", "I nivå med snittet", "100 %", "95 %", "94 %"),
                ("E-post",),
                ("Svar inom 1 dygn", "Bättre än snittet", "4 timmar", "3 timmar", "6 timmar"),
                (
                    "Andel fullständiga avsändaruppgifter",
                    "Bättre än snittet",
                    "89 %",
                    "100 %",
                    "91 %",
                ),
                ("Svarskvalitet", "Bättre än snittet", "67 %", "62 %", "37 %"),
            ),
            lead="Mätningen gjordes under hösten av ett fristående företag, som ringde och "
            "skrev till kommunen med frågor som en invånare kunde ha ställt. Kommunen jämförs "
            "med kommuner av samma storlek.",
            label_cm=3.4,
            **look(0),
        ),
        SmallTable(
            "",
            (Col(f"{y}\nSnitt/vecka (veckorna 15 och 16)", y),),
            (
                ("Antal besök", "241"),
                ("Antal telefon/e-post", "113"),
                ("Totalt", "354"),
            ),
            lead="Under två veckor på våren räknades alla ärenden som kom in till "
            "medborgarkontoret och biblioteket, vid disken, i telefon och med e-post.",
            heading="Medborgarkontor",
            label_cm=7.0,
            **look(1),
        ),
        SmallTable(
            "Samhällsbetalda resor",
            (Col(f"Antal {y - 1}", y - 1), Col(f"Antal {y}", y)),
            (
                (
                    "Västtrafiks resor avseende färdtjänst, skolresor, särskoleresor, "
                    "dagvårdsresor och omsorgsresor",
                ),
                (k, "13 258", "13 211"),
                (nb, "25 072", "24 299"),
                (f"Färdtjänst {k}",),
                ("Antal färdtjänsttillstånd", "280", "289"),
                ("Antal som reser", "210", "193"),
                ("Antal resor", "8 471", "8 351"),
                (f"Färdtjänst {nb}",),
                ("Antal färdtjänsttillstånd", "497", "530"),
                ("Antal som reser", "352", "334"),
                ("Antal resor", "15 330", "13 925"),
                ("Nya parkeringstillstånd för rörelsehindrade",),
                (k, "44", "38"),
                (nb, "70", "56"),
            ),
            lead=f"Enheten sköter kollektivtrafik, färdtjänst och skolskjuts åt både {k} och "
            f"{nb}. Resorna beställs hos Västtrafik, som också redovisar antalet resor.",
            label_cm=5.2,
            **look(2),
        ),
        SmallTable(
            "Kommunikation och sociala medier",
            (Col(str(y - 1), y - 1), Col(str(y), y), Col("Förändring antal"), Col("Förändring %")),
            (
                ("Besökare på webbplatsen", "333 200", "373 896", "+ 40 696", "+12"),
                ("Följare på kommunens Facebook", "1 820", "2 412", "+ 592", "+ 32"),
            ),
            lead="Fler invånare än förut följer kommunen digitalt, och webbplatsen har haft "
            "fler besökare än något år tidigare.",
            label_cm=4.2,
            **look(3),
        ),
        SmallTable(
            "",
            (Col(str(y - 1), y - 1), Col(str(y), y)),
            (
                (f"{k} kommun inklusive bolag", "18 535", "18 750"),
                (f"{nb} kommun inklusive bolag", "33 581", "33 232"),
                ("Totalt antal", "52 116", "51 982"),
            ),
            lead=f"Löneenheten sköter lönerna för {k} och {nb} och för de kommunala bolagen. "
            "Året var enhetens första som egen enhet.",
            heading="Löneenheten",
            stub="Antal lönespecifikationer",
            label_cm=7.0,
            **look(4),
        ),
        SmallTable(
            "",
            (Col(f"Sektor {r.sector}"), Col(f"{k} kommun totalt", None, f"{k} kommun totalt")),
            (
                ("Nöjd medarbetarindex (NMI)", "78", "74"),
                ("Medarbetarlojalitet (eNPS)", "54", "25"),
                ("Övergripande resultat (skala 1–4)",),
                ("Organisation", "3,49", "3,27"),
                ("Arbetsuppgifter och påverkan", "3,43", "3,21"),
                ("Ledning", "3,48", "3,25"),
                ("Utveckling och kompetens", "3,35", "3,06"),
                ("Fysisk arbetsmiljö", "3,74", "3,37"),
                ("Psykisk arbetsmiljö", "3,49", "3,41"),
                ("Likabehandling", "3,52", "3,50"),
            ),
            lead="Nästan alla i sektorn svarade på medarbetarundersökningen i oktober. "
            "Resultatet ligger över kommunens genomsnitt inom alla områden.",
            heading=f"Medarbetarundersökning {y}",
            label_cm=6.5,
            **look(5),
        ),
        SmallTable(
            "Sammanvägd måluppfyllelse",
            # Text cells only: a table of verdicts, no number in it.
            (Col("Bedömning"), Col("Trend")),
            (
                (
                    "Medborgarna har möjlighet till dialog och delaktighet i kommunens verksamhet",
                    "Delvis uppfyllt",
                    "Förbättrad",
                ),
                ("Kommunens tjänster är tillgängliga digitalt", "Uppfyllt", "Oförändrad"),
                ("Ekonomin är i balans", "Ej uppfyllt", "Försämrad"),
            ),
            lead="Måluppfyllelsen vägs samman ur indikatorerna och bedöms i ord, med trenden "
            "sedan förra året bredvid.",
            label_cm=6.0,
            **look(6),
        ),
        SmallTable(
            "Besök och lån på biblioteket",
            (Col("Besök"), Col("Lån")),
            tuple(
                (str(year), f"{visits:,}".replace(",", " "), f"{loans:,}".replace(",", " "))
                for year, visits, loans in (
                    (y - 2, 40210, 88104),
                    (y - 1, 41876, 86950),
                    (y, 44302, 90415),
                )
            ),
            lead="Biblioteket hade fler besökare än året innan, och utlåningen ökade igen.",
            stub="År",
            label_cm=4.0,
            **look(7),
        ),
    ]


def _split(table: SmallTable, at: int) -> tuple[SmallTable, SmallTable]:
    first = SmallTable(table.title, table.cols, table.rows[:at], table.style, table.lead)
    rest = SmallTable("", table.cols, table.rows[at:], table.style, "")
    return first, rest


_WORD_D = Look(
    "liberation-serif",
    "liberation-sans",
    "liberation-serif",
    11.0,
    9.0,
    footer="Sida {n} av {total}",
    footer_align="right",
)
_WORD_E = Look("dejavu-sans", "dejavu-sans", "dejavu-sans", 10.0, 8.5, footer="{n}")
REPORTS = [
    Report("tabeller_a", "Ödeshög", "0509", 2019, "Ledning och stöd", "dejavu-sans", "Boxholm",
           True),
    Report("tabeller_b", "Tranemo", "1452", 2017, "Service och kansli", "liberation-serif",
           "Svenljunga", False),
    Report("tabeller_c", "Älvkarleby", "0319", 2021, "Kommunledning", "helvetica", "Tierp",
           True),
    Report("tabeller_d", "Lekeberg", "1814", 2018, "Ledning och stöd", "", "Laxå", True,
           _WORD_D),
    Report("tabeller_e", "Munkedal", "1430", 2020, "Service och stöd", "", "Sotenäs", True,
           _WORD_E),
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


def _table(t: SmallTable, st: dict[str, ParagraphStyle], width: float = 16.0) -> Table:
    right = ParagraphStyle("r", parent=st["cell"], alignment=2)
    head = [_cell("", st["head"])] + [
        _cell(c.label, ParagraphStyle("hr", parent=st["head"], alignment=2)) for c in t.cols
    ]
    data = [head]
    commands: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    if any(c.upper for c in t.cols):  # the upper level, each label centred over its columns
        upper = ParagraphStyle("hu", parent=st["head"], alignment=1)
        data.insert(0, [_cell("", st["head"])] + [""] * len(t.cols))
        for label, group in itertools.groupby(enumerate(t.cols, start=1), lambda e: e[1].upper):
            columns = [n for n, _ in group]
            data[0][columns[0]] = _cell(label, upper)
            commands.append(("SPAN", (columns[0], 0), (columns[-1], 0)))
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
    rest = [3.4] * text_col + [(11.0 - 3.4 * text_col) / (len(t.cols) - text_col)] * (
        len(t.cols) - text_col
    )
    label = 5.0 if width >= 16 else 0.45 * width  # a narrow table keeps room for labels
    widths = [label * cm] + [w * cm * (width - label) / 11.0 for w in rest]
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
    pages = tables(r)
    for page, page_tables in enumerate(pages, start=3):
        if page == len(pages) + 2:
            story.append(NextPageTemplate("columns"))
        story.append(PageBreak())
        if page == len(pages) + 2:
            story += _in_columns(page_tables, st, r, path.name, rows)
            continue
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
            title = _title_of(t, page_tables, r)
            rows += _expected(r, t, [page] * len(_data_rows(t)), path.name, title)
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm,
                            topMargin=2.2 * cm, bottomMargin=2.2 * cm,
                            title=f"Kvalitetsredovisning {r.year}", invariant=1)  # fmt: skip
    half = (A4[0] - 4.4 * cm - 0.8 * cm) / 2
    frames = [Frame(2.2 * cm + n * (half + 0.8 * cm), 2.2 * cm, half, A4[1] - 4.4 * cm,
                    id=f"col{n}") for n in range(2)]  # fmt: skip
    doc.addPageTemplates([PageTemplate("columns", frames, onPage=_footer(r, r.family))])
    doc.build(story, onFirstPage=_footer(r, r.family), onLaterPages=_footer(r, r.family))
    return rows


def _in_columns(
    page_tables: list[SmallTable],
    st: dict[str, ParagraphStyle],
    r: Report,
    file: str,
    rows: list[dict],
) -> list:
    """A page in two text columns: each table under its lead in the left column, then prose
    in the right one, which runs beside the table's rows."""
    story: list = []
    page = len(tables(r)) + 2
    for t in page_tables:
        story += [Paragraph(t.lead, st["body"]), Paragraph(t.title, st["caption"]),
                  _table(t, st, width=7.6), Spacer(1, 0.4 * cm)]  # fmt: skip
        rows += _expected(r, t, [page] * len(_data_rows(t)), file, t.title)
    return [*story, FrameBreak(), *[Paragraph(p, st["body"]) for p in PROSE]]


def _continued_style(t: SmallTable) -> list[tuple]:
    if t.style == "shaded":
        return [("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1),
                "MIDDLE")]  # fmt: skip
    return [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]


def _title_of(t: SmallTable, page_tables: list[SmallTable], r: Report) -> str:
    if t.title:
        return t.title
    return next(x.title for p in tables(r) for x in p if x.cols == t.cols and x.title)


def _data_rows(t: SmallTable) -> list[tuple[str, ...]]:
    return [row for row in t.rows if len(row) > 1]


def _expected(r: Report, t: SmallTable, pages: list[int], file: str, title: str) -> list[dict]:
    """One row per cell; `pages` gives each data row's page."""
    out: list[dict] = []
    group = ""
    data = iter(pages)
    for row in t.rows:
        if len(row) == 1:
            group = row[0]
            continue
        page = next(data)
        label = " ".join(row[0].split())
        for col, raw in zip(t.cols, row[1:], strict=True):
            value, unit = _truth(raw)
            # A table with years in its rows ('År' over 2016, 2017 …): the row names the period.
            period = col.period or (label if re.fullmatch(r"(19|20)\d\d", label) else "")
            out.append(
                {
                    "kommun": r.kommun, "kommunkod": r.code, "år": r.year, "enhet": col.unit,
                    "rubrik": title, "grupp": group, "rad": label,
                    "kolumn": " ".join(f"{col.upper} {col.label}".split()), "period": period,
                    "värde": value, "enhet_värde": unit, "råtext": raw, "fil": file,
                    "sida": page,
                }
            )  # fmt: skip
    return out


def build_word(r: Report, workdir: Path) -> tuple[Path, list[SmallTable]]:
    """The Word file of a report (converted later, all in one LibreOffice run)."""
    assert r.look is not None
    made = word_tables(r)
    report = WordReport(
        title=f"Kvalitetsredovisning {r.year}",
        kommun=r.kommun,
        sector=r.sector,
        summary=tuple(PROSE),
        tables=tuple(
            WordTable(
                caption=t.title,
                heading=t.heading,
                lead=t.lead,
                stub=t.stub,
                columns=tuple(c.label for c in t.cols),
                rows=t.rows,
                style=t.style,
                valign=t.valign,
                label_cm=t.label_cm,
                repeat_header=r.split_header,
            )
            for t in made
        ),
        look=r.look,
    )
    path = workdir / f"{r.stem}.docx"
    write(report, path)
    return path, made


def word_rows(r: Report, made: list[SmallTable], pdf: Path) -> list[dict]:
    """Expected rows of a converted Word report. Each data row's page is the first page, not
    before the row above's, whose text holds the row's printed cells (letters and digits
    only: a wrapped label or cell breaks the text stream)."""
    texts = ["".join(ch for ch in text if ch.isalnum()) for text in page_texts(pdf)]
    rows: list[dict] = []
    page = 2  # the tables start after the summary page
    for t in made:
        pages = []
        for row in _data_rows(t):
            keys = ["".join(ch for ch in " ".join(row) if ch.isalnum()),
                    "".join(ch for ch in " ".join(row[1:]) if ch.isalnum())]  # fmt: skip
            page = next(
                (n for key in keys for n in range(page, len(texts)) if key in texts[n]), None
            )
            if page is None:
                raise LookupError(f"{r.stem}: {row} not found")
            pages.append(page + 1)
            page = pages[-1] - 1
        rows += _expected(r, t, pages, pdf.name, t.title or t.heading)
    return rows


def _truth(raw: str) -> tuple[str, str]:
    match = _NUMBER.match(raw)
    if not match:
        return "", ""
    number = float(match[1] + match[2].replace(" ", "").replace(",", "."))
    text = str(int(number)) if number == int(number) else str(number)
    return text, match[3] or ""


def main() -> int:
    OUT_PDF.mkdir(exist_ok=True)
    built: dict[str, list[dict]] = {}
    for r in REPORTS:
        if r.look is None:
            built[r.stem] = build(r, OUT_PDF / f"{r.stem}.pdf")
    with tempfile.TemporaryDirectory(prefix="tabeller_") as tmp:
        workdir = Path(tmp)
        words = {r.stem: (r, *build_word(r, workdir)) for r in REPORTS if r.look is not None}
        render_docx.convert([path for _, path, _ in words.values()], workdir)
        for stem, (r, _, made) in words.items():
            shutil.copyfile(workdir / f"{stem}.pdf", OUT_PDF / f"{stem}.pdf")
            built[stem] = word_rows(r, made, OUT_PDF / f"{stem}.pdf")
    failed = False
    for stem, rows in built.items():
        with (OUT_CSV / f"{stem}.tabeller.csv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        split = sorted({row["rubrik"] for row in rows
                        if len({x["sida"] for x in rows if x["rubrik"] == row["rubrik"]}) > 1})  # fmt: skip
        print(f"samples/tabeller/{stem}.pdf: {len(rows)} celler, över en sidbrytning: {split}")
        if not split:
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
