"""Writes a kvalitetsredovisning of small result tables as a Word file with python-docx, in
the ways Word users set such tables (ruled, unruled, shaded header, rules between rows; cells
set at the top, middle or bottom); LibreOffice turns it into PDF (render_docx.convert).

Tables here flow freely, so a long one breaks over a page where LibreOffice puts the break;
make_tabeller.py finds each row's page afterwards."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from kompass_model import Look
from render_docx import (
    VALIGN,
    _cell_text,
    _inside_rules,
    _new_document,
    _row_flag,
    _shade,
    _widths,
)


@dataclass(frozen=True)
class WordTable:
    """A table as make_tabeller.py describes it, with how Word sets it."""

    caption: str  # a bold line right above the table; "" for none
    heading: str  # a Heading 2 before the lead; "" for none
    lead: str  # prose before the table
    stub: str  # text in the header's label cell
    columns: tuple[str, ...]  # header cells; "\n" breaks a line inside one
    rows: tuple[tuple[str, ...], ...]  # (group,) or (label, cell, …)
    style: str  # grid, none, shaded, rows
    valign: str  # top, middle, bottom
    label_cm: float  # width of the label column; narrow widths wrap the labels
    repeat_header: bool = True


@dataclass(frozen=True)
class WordReport:
    title: str
    kommun: str
    sector: str
    summary: tuple[str, ...]  # prose of the page after the title page
    tables: tuple[WordTable, ...]
    look: Look


def write(report: WordReport, path: Path) -> None:
    d = _new_document(report.look, report.title)
    for _ in range(6):
        d.add_paragraph()
    d.add_paragraph(report.title, style="Title")
    d.add_paragraph(f"{report.kommun} kommun", style="Heading 1")
    d.add_paragraph(f"Sektor {report.sector}")
    d.add_page_break()
    d.add_heading("Sammanfattning", level=1)
    for text in report.summary:
        d.add_paragraph(text)
    d.add_page_break()
    d.add_heading("Viktiga resultat", level=1)
    for table in report.tables:
        if table.heading:
            d.add_heading(table.heading, level=2)
        d.add_paragraph(table.lead)
        if table.caption:
            caption = d.add_paragraph()
            caption.paragraph_format.keep_with_next = True
            caption.add_run(table.caption).bold = True
        _table(d, table, report.look)
        d.add_paragraph()
    d.core_properties.title = report.title
    d.save(str(path))


def _table(d: docx.document.Document, t: WordTable, look: Look) -> None:
    size = look.table_size
    table = d.add_table(
        rows=1 + len(t.rows),
        cols=1 + len(t.columns),
        style="Table Grid" if t.style == "grid" else None,
    )
    rest = (16.0 - t.label_cm) / len(t.columns)
    _widths(table, [t.label_cm] + [rest] * len(t.columns))
    header = table.rows[0]
    if t.repeat_header:
        _row_flag(header, "w:tblHeader")
    for c, text in enumerate((t.stub, *t.columns)):
        cell = table.cell(0, c)
        # A full grid keeps Word's left-aligned header over right-aligned numbers: only the
        # rules tell which column a header names.
        align = WD_ALIGN_PARAGRAPH.RIGHT if c and t.style != "grid" else None
        _cell_text(cell, "", size, bold=True, align=align)
        for n, line in enumerate(text.split("\n")):
            run = cell.paragraphs[0].add_run(line)
            run.font.size, run.bold = Pt(size), True
            if n < text.count("\n"):
                run.add_break()
        cell.vertical_alignment = VALIGN["bottom" if t.valign == "top" else t.valign]
        if t.style == "shaded":
            _shade(cell, "#DDEBF7")
    for r, row in enumerate(t.rows, start=1):
        _row_flag(table.rows[r], "w:cantSplit")
        cells = row if len(row) > 1 else (row[0],) + ("",) * len(t.columns)
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            align = WD_ALIGN_PARAGRAPH.RIGHT if c else None
            _cell_text(cell, text, size, bold=len(row) == 1, align=align)
            cell.vertical_alignment = VALIGN[t.valign]
    if t.style in ("rows", "shaded"):
        _inside_rules(table)
