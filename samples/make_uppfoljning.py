"""Goal follow-up reports (verksamhetsuppföljningar, kvalitetsredovisningar): goals with their
assessment, indicator tables over years and activity plans, in uppfoljning/<stem>.pdf, with
their rows in expected/<stem>.{mal,indikatorer,aktiviteter}.csv.

Run from the repository root: .venv/bin/python samples/make_uppfoljning.py
Everything in the expected files but `sida` is written from uppfoljning_data.py; `sida` is the
first page, never before the previous row's, whose letters hold the row's first letters."""

from __future__ import annotations

import csv
import re
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pypdfium2
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from render_docx import _shade as shade
from render_docx import _widths as set_widths
from render_docx import convert
from render_reportlab import font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from uppfoljning_data import PROSE, REPORTS, SECTIONS, Activity, Goal, IndicatorTable, Report

HERE = Path(__file__).resolve().parent
OUT = HERE / "uppfoljning"
EXPECTED = HERE / "expected"
TABLE_WIDTH = 17.0  # cm


def heading_lines(goal: Goal) -> list[tuple[str, str]]:
    """(kind, text) paragraphs of a goal's heading and assessment, in print order."""
    head = f"{goal.type_words} {goal.nr}"
    out: list[tuple[str, str]] = []
    if goal.style == "inline":
        out.append(("h3", f"{head}: {goal.title}"))
    elif goal.style == "assess_first":
        return [("h3", f"{head}:"), ("bold", goal.assessment), ("bold", goal.title)]
    else:
        out += [("h2", head), ("bold", goal.title)]
    if goal.assessment and goal.assess_form == "line":
        out.append(("bold", goal.assessment))
    elif goal.assessment and goal.assess_form == "label":
        out.append(("label", f"Måluppfyllelse:|{goal.assessment}"))
    elif goal.assessment:
        out += [("bold", "Bedömning:"), ("body", f"{goal.assessment}. {PROSE[5]}")]
    return out


def indicator_grid(table: IndicatorTable) -> list[list[str]]:
    label = f"{table.label} {table.header_source}".strip()
    rows = [[label, *table.periods]]
    for indicator in table.rows:
        if indicator.source:
            rows.append([indicator.source] + [""] * len(table.periods))
        label = f"- {indicator.label}" if table.bullet else indicator.label
        rows.append([label, *(c.printed for c in indicator.cells)])
    return rows


def activity_grid(report: Report, activities: tuple[Activity, ...]) -> list[list[str]]:
    rows = [list(report.activity_headers)]
    rows += [[a.name, a.description, a.date, a.responsible, a.status] for a in activities]
    return rows


# ---------------------------------------------------------------------------------------------
# reportlab


def render_reportlab(report: Report, path: Path) -> None:
    body_font, bold_font = font(report.font), font(report.font, True)
    body = ParagraphStyle("b", fontName=body_font, fontSize=10, leading=13.5, spaceAfter=6)
    bold = ParagraphStyle("bo", parent=body, fontName=bold_font, spaceAfter=4)
    h3 = ParagraphStyle("h3", parent=bold, fontSize=11, leading=14, spaceBefore=10)
    h2 = ParagraphStyle("h2", parent=bold, fontSize=13, leading=16, spaceBefore=12)
    h1 = ParagraphStyle("h1", parent=bold, fontSize=16, leading=20, spaceAfter=10)
    title = ParagraphStyle("t", parent=bold, fontSize=24, leading=30, spaceAfter=14)
    italic = ParagraphStyle("i", parent=body, fontName=font(report.font), spaceBefore=6)
    cell = ParagraphStyle("c", fontName=body_font, fontSize=8.5, leading=10.5)
    cell_bold = ParagraphStyle("cb", parent=cell, fontName=bold_font)
    styles = {"h1": h1, "h2": h2, "h3": h3, "bold": bold, "body": body}

    def para(kind: str, text: str) -> Paragraph:
        if kind == "label":
            name, rest = text.split("|")
            return Paragraph(f"<b>{escape(name)}</b> {escape(rest)}", body)
        return Paragraph(escape(text), styles[kind])

    def grid(rows: list[list[str]], widths: list[float], repeat: bool) -> Table:
        data = [
            [Paragraph(escape(text), cell_bold if r == 0 else cell) for text in row]
            for r, row in enumerate(rows)
        ]
        table = Table(data, colWidths=[w * cm for w in widths], repeatRows=1 if repeat else 0)
        commands: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
        if report.rules == "grid":
            commands += [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6f0")),
            ]
        else:
            commands += [
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
            ]
        table.setStyle(TableStyle(commands))
        return table

    story: list = [
        Spacer(1, 6 * cm),
        Paragraph(escape(report.title), title),
        Paragraph(escape(f"{report.municipality} kommun"), h2),
        Paragraph(escape(report.unit), h2),
        Paragraph(escape(report.dated), body),
        PageBreak(),
        Paragraph("Inledning", h1),
        *(Paragraph(escape(PROSE[i]), body) for i in report.intro),
    ]
    for head, paragraphs in SECTIONS[:-2]:
        story += [Paragraph(escape(head), h1), *(Paragraph(escape(t), body) for t in paragraphs)]
    story.append(PageBreak())
    story.append(Paragraph("Prioriterade mål och aktiviteter", h1))
    for goal in report.goals:
        story += [para(kind, text) for kind, text in heading_lines(goal)]
        story += [Paragraph(escape(PROSE[i]), body) for i in goal.prose]
        if goal.activities:
            story.append(Paragraph(f"<i>Aktivitetsplan {report.year}:</i>", italic))
            story.append(
                grid(activity_grid(report, goal.activities), list(report.widths),
                     report.repeat_header)
            )
        for table in goal.indicators:
            widths = [7.0] + [(TABLE_WIDTH - 7.0) / len(table.periods)] * len(table.periods)
            story += [Spacer(1, 8), grid(indicator_grid(table), widths, True), Spacer(1, 8)]
    story.append(PageBreak())
    for head, paragraphs in SECTIONS[-2:]:
        story += [Paragraph(escape(head), h1), *(Paragraph(escape(t), body) for t in paragraphs)]

    def footer(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.setFont(body_font, 8)
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, str(document.page))
        if report.footer:
            canvas.drawString(2 * cm, 1.2 * cm, f"{report.municipality} kommun · {report.title}")

    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
        bottomMargin=2 * cm, title=report.title, author=f"{report.municipality} kommun",
    )
    doc.build(story, onFirstPage=lambda c, d: None, onLaterPages=footer)


# ---------------------------------------------------------------------------------------------
# python-docx → LibreOffice


def render_docx(report: Report, path: Path) -> None:
    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name = "Liberation Serif"
    normal.font.size = Pt(10.5)
    section = d.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.0)
    footer = section.footer.paragraphs[0]
    footer.text = f"{report.municipality} kommun, {report.title}"

    def para(text: str, size: float = 10.5, bold: bool = False, italic: bool = False) -> None:
        run = d.add_paragraph().add_run(text)
        run.font.size, run.bold, run.italic = Pt(size), bold, italic

    def table(rows: list[list[str]], widths: list[float], repeat: bool) -> None:
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        if report.rules == "grid":
            t.style = "Table Grid"
        else:
            for target in t.rows[0].cells:
                shade(target, "#d9e2f3")
        set_widths(t, widths)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                run = t.rows[r].cells[c].paragraphs[0].add_run(text)
                run.font.size, run.bold = Pt(9), r == 0
        if repeat:
            flag = OxmlElement("w:tblHeader")
            flag.set(qn("w:val"), "true")
            t.rows[0]._tr.get_or_add_trPr().append(flag)
        d.add_paragraph()

    para(report.title, 24, bold=True)
    para(f"{report.municipality} kommun", 15, bold=True)
    para(report.unit, 15)
    para(report.dated)
    d.add_page_break()
    if report.contents:
        para("Innehåll", 16, bold=True)
        for page, goal in enumerate(report.goals, start=3):
            para(f"{goal.type_words} {goal.nr} {'.' * 40} {page}")
        d.add_page_break()
    para("Inledning", 16, bold=True)
    for i in report.intro:
        para(PROSE[i])
    for head, paragraphs in SECTIONS[:-2]:
        para(head, 16, bold=True)
        for text in paragraphs:
            para(text)
    d.add_page_break()
    para("Prioriterade mål och aktiviteter", 16, bold=True)
    sizes = {"h2": 13.0, "h3": 11.0, "bold": 10.5, "body": 10.5}
    for goal in report.goals:
        for kind, text in heading_lines(goal):
            if kind == "label":
                name, rest = text.split("|")
                p = d.add_paragraph()
                p.add_run(name + " ").bold = True
                p.add_run(rest)
            else:
                para(text, sizes[kind], bold=kind != "body")
        for i in goal.prose:
            para(PROSE[i])
        if goal.activities:
            para(f"Aktivitetsplan {report.year}:", italic=True)
            table(activity_grid(report, goal.activities), list(report.widths),
                  report.repeat_header)
        for ind in goal.indicators:
            widths = [7.0] + [(TABLE_WIDTH - 7.0) / len(ind.periods)] * len(ind.periods)
            table(indicator_grid(ind), widths, True)
    d.add_page_break()
    for head, paragraphs in SECTIONS[-2:]:
        para(head, 16, bold=True)
        for text in paragraphs:
            para(text)
    d.core_properties.title = report.title
    with tempfile.TemporaryDirectory(prefix="uppf_") as tmp:
        source = Path(tmp) / f"{path.stem}.docx"
        d.save(str(source))
        convert([source], path.parent)


# ---------------------------------------------------------------------------------------------
# Expected rows


def _letters(text: str) -> str:
    return re.sub(r"[^a-zåäöéü0-9]", "", text.lower())


class Locator:
    """Pages of rows, in print order: each the first page from the previous one on whose
    letters hold the row's first letters."""

    def __init__(self, path: Path) -> None:
        pdf = pypdfium2.PdfDocument(str(path))
        self.pages = [_letters(page.get_textpage().get_text_range()) for page in pdf]
        pdf.close()
        self.cursor = 0

    def find(self, text: str, size: int = 30) -> int:
        key = _letters(text)[:size]
        for index in range(self.cursor, len(self.pages)):
            if key in self.pages[index]:
                self.cursor = index
                return index + 1
        raise SystemExit(f"not found from page {self.cursor + 1}: {text!r}")


def expected(report: Report, path: Path) -> dict[str, list[dict]]:
    where = Locator(path)
    where.find("Inledning")  # after the title page and any table of contents
    base = {
        "kommun": report.municipality,
        "kommunkod": report.code,
        "år": str(report.year),
        "enhet": report.unit,
    }
    out: dict[str, list[dict]] = {"mal": [], "indikatorer": [], "aktiviteter": []}
    for goal in report.goals:
        page = where.find(f"{goal.type_words} {goal.nr}")
        out["mal"].append(base | {
            "måltyp": goal.goal_type, "mål_nr": goal.nr, "mål": goal.title,
            "bedömning": goal.term, "bedömning_råtext": goal.assessment,
            "fil": path.name, "sida": str(page),
        })
        for activity in goal.activities:
            out["aktiviteter"].append(base | {
                "mål_nr": goal.nr, "aktivitet": activity.name,
                "beskrivning": activity.description, "slutdatum": activity.date_iso,
                "ansvarig": activity.responsible, "status": activity.term,
                "status_råtext": activity.status, "fil": path.name,
                "sida": str(where.find(activity.name, 12)),
            })
        for table in goal.indicators:
            source = table.header_source
            for indicator in table.rows:
                source = indicator.source or source
                page = where.find(indicator.label, 20)
                for period, cell in zip(table.periods, indicator.cells, strict=True):
                    out["indikatorer"].append(base | {
                        "mål_nr": goal.nr, "indikator": indicator.label,
                        "indikatorkälla": source, "period": period,
                        "värde": _number(cell.value), "enhet_värde": cell.unit,
                        "jämförelsevärde": _number(cell.benchmark), "råtext": cell.printed,
                        "fil": path.name, "sida": str(page),
                    })
    return out


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == int(value) else str(value)


def crosses_a_page(rows: list[dict]) -> bool:
    """Some goal's activity plan runs over a page break."""
    by_goal: dict[str, set[str]] = {}
    for row in rows:
        by_goal.setdefault(row["mål_nr"], set()).add(row["sida"])
    return any(len(pages) > 1 for pages in by_goal.values())


def write_csv(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for report in REPORTS:
        path = OUT / f"{report.stem}.pdf"
        (render_reportlab if report.engine == "reportlab" else render_docx)(report, path)
        tables = expected(report, path)
        if not crosses_a_page(tables["aktiviteter"]):
            print(f"{report.stem}: no activity plan runs over a page break", file=sys.stderr)
            return 1
        for key, rows in tables.items():
            write_csv(EXPECTED / f"{report.stem}.{key}.csv", rows)
        print(f"{path.name}: {', '.join(f'{len(r)} {k}' for k, r in tables.items())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
