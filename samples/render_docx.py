"""Writes a kompass Document as a Word file with python-docx; LibreOffice turns it into PDF."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import docx
import pikepdf
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from kompass_model import (
    Bullets,
    Document,
    GridCell,
    GridTable,
    Heading,
    Label,
    Look,
    PageBreak,
    Para,
    ScoreBox,
    ScoreTable,
    SimpleTable,
    TitlePage,
    TocBlock,
    TwoColumn,
)

FAMILIES = {
    "helvetica": "Liberation Sans",
    "liberation-sans": "Liberation Sans",
    "times": "Liberation Serif",
    "liberation-serif": "Liberation Serif",
    "dejavu-sans": "DejaVu Sans",
    "dejavu-serif": "DejaVu Serif",
}
VALIGN = {
    "top": WD_ALIGN_VERTICAL.TOP,
    "middle": WD_ALIGN_VERTICAL.CENTER,
    "bottom": WD_ALIGN_VERTICAL.BOTTOM,
}
TEXT_WIDTH_CM = 16.0


# --------------------------------------------------------------------------- low-level helpers


def _set_font(
    style: docx.styles.style.BaseStyle,
    family: str,
    size: float | None = None,
    bold: bool | None = None,
    color: str | None = None,
) -> None:
    style.font.name = family
    if size:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if color:
        style.font.color.rgb = RGBColor.from_string(color.lstrip("#"))
    rfonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:eastAsia"), family)
    rfonts.set(qn("w:cs"), family)


def _field(paragraph: Paragraph, instr: str) -> None:
    """A simple field such as PAGE or NUMPAGES (python-docx has no API for fields)."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _row_flag(row: docx.table._Row, tag: str) -> None:
    """w:cantSplit or w:tblHeader on a table row."""
    row._tr.get_or_add_trPr().append(OxmlElement(tag))


def _shade(cell: _Cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(shd)


def _bottom_border(cell: _Cell) -> None:
    borders = OxmlElement("w:tcBorders")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:color", "555555")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    cell._tc.get_or_add_tcPr().append(borders)


def _widths(table: Table, widths_cm: list[float]) -> None:
    table.autofit = False
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=True):
        col.set(qn("w:w"), str(int(w * 567)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(w)


def _cell_text(
    cell: _Cell,
    text: str,
    size: float,
    bold: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    color: str | None = None,
) -> None:
    para = cell.paragraphs[0]
    para.paragraph_format.space_after = Pt(1)
    para.paragraph_format.space_before = Pt(1)
    if align is not None:
        para.alignment = align
    run = para.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    if color:
        run.font.color.rgb = RGBColor.from_string(color.lstrip("#"))


def _cell_lines(cell: _Cell, lines: list[str], size: float) -> None:
    _cell_text(cell, "• " + lines[0], size)
    for line in lines[1:]:
        para = cell.add_paragraph()
        para.paragraph_format.space_after = Pt(1)
        para.add_run("• " + line).font.size = Pt(size)


# --------------------------------------------------------------------------- document set-up


def _new_document(look: Look, title: str) -> docx.document.Document:
    d = docx.Document()
    section = d.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if look.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.2)
    section.different_first_page_header_footer = True
    body, head = FAMILIES[look.body_font], FAMILIES[look.head_font]
    _set_font(d.styles["Normal"], body, look.body_size)
    d.styles["Normal"].paragraph_format.space_after = Pt(6)
    _set_font(d.styles["Heading 1"], head, 16, True, look.accent)
    _set_font(d.styles["Heading 2"], head, 13, True, look.accent)
    _set_font(d.styles["Title"], head, 26, True, look.accent)
    _chrome(section, look, title)
    return d


def _chrome(section: docx.section.Section, look: Look, title: str) -> None:
    head = section.header.paragraphs[0]
    head.text = title + (f"\t\t{look.header_text}" if look.header_text else "")
    for run in head.runs:
        run.font.size = Pt(8.5)
    foot = section.footer.paragraphs[0]
    foot.alignment = (
        WD_ALIGN_PARAGRAPH.CENTER if look.footer_align == "center" else WD_ALIGN_PARAGRAPH.RIGHT
    )
    # "Sida {n} av {total}" -> text, PAGE field, text, NUMPAGES field
    rest = look.footer
    while rest:
        cut = min((rest.find(t) for t in ("{n}", "{total}") if t in rest), default=-1)
        if cut < 0:
            foot.add_run(rest)
            break
        if cut:
            foot.add_run(rest[:cut])
        token = "{n}" if rest.startswith("{n}", cut) else "{total}"
        _field(foot, "PAGE" if token == "{n}" else "NUMPAGES")
        rest = rest[cut + len(token) :]


# --------------------------------------------------------------------------- blocks


def _title_page(d: docx.document.Document, tp: TitlePage, look: Look) -> None:
    for _ in range(3 if look.landscape else 6):
        d.add_paragraph()
    for text, style in ((tp.title, "Title"), (tp.subtitle, None), (tp.date_line, None)):
        para = d.add_paragraph(text, style=style)
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if style is None:
            para.runs[0].font.size = Pt(15)
    for _ in range(4 if look.landscape else 8):
        d.add_paragraph()
    if tp.evaluators:
        d.add_paragraph().add_run(tp.people_label).bold = True
    for e in tp.evaluators:
        d.add_paragraph(e)
    d.add_page_break()


def _toc(d: docx.document.Document, doc: Document, block: TocBlock, pages: dict[str, int]) -> None:
    d.add_heading(block.title, level=1)
    for h in doc.blocks:
        if isinstance(h, Heading) and h.toc:
            para = d.add_paragraph()
            para.paragraph_format.space_after = Pt(2)
            para.paragraph_format.left_indent = Cm(0.6 * (h.level - 1))
            para.paragraph_format.tab_stops.add_tab_stop(
                Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )
            para.add_run(f"{h.text}\t{pages.get(h.text, 0)}").bold = h.level == 1
    d.add_page_break()


def _grid_table(
    d: docx.document.Document, rows: list[list[str]], widths: list[float], size: float
) -> Table:
    table = d.add_table(rows=len(rows), cols=len(widths), style="Table Grid")
    _widths(table, widths)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            _cell_text(table.cell(r, c), text, size, bold=r == 0)
        _row_flag(table.rows[r], "w:cantSplit")
    _shade_row(table.rows[0], "#E7E6E6")
    return table


def _shade_row(row: docx.table._Row, fill: str) -> None:
    for cell in row.cells:
        _shade(cell, fill)


def _score_box(d: docx.document.Document, box: ScoreBox, look: Look) -> None:
    table = _grid_table(d, [["Rubriker", "Poäng"], ["", ""]], [12.0, 3.0], look.table_size)
    _cell_lines(table.cell(1, 0), box.rubriker, look.table_size)
    _cell_text(table.cell(1, 1), str(box.points), 16, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    table.cell(1, 1).vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    d.add_paragraph()


def _two_column(d: docx.document.Document, tc: TwoColumn, look: Look) -> None:
    table = _grid_table(d, [[tc.left_title, tc.right_title], ["", ""]], [8.0, 8.0], look.table_size)
    _cell_lines(table.cell(1, 0), tc.left, look.table_size)
    _cell_lines(table.cell(1, 1), tc.right, look.table_size)
    d.add_paragraph()


def _score_table(d: docx.document.Document, block: ScoreTable, look: Look) -> None:
    rows: list[list[str]] = []
    kinds: list[str] = []
    for area in block.areas:
        cells = area.cells()
        rows += cells
        kinds += ["header"] + ["item"] * len(area.rows)
        kinds += ["total"] if area.total is not None else []
    ncols = len(rows[0])
    widths = [1.2, look.question_width_cm] + [2.1] * (ncols - 2)
    table = d.add_table(
        rows=len(rows), cols=ncols, style="Table Grid" if look.rules == "grid" else None
    )
    _widths(table, widths)
    for r, (cells, kind) in enumerate(zip(rows, kinds, strict=True)):
        row = table.rows[r]
        _row_flag(row, "w:cantSplit")
        if r == 0 and look.repeat_header:
            _row_flag(row, "w:tblHeader")
        bold = kind != "item"
        white = kind == "header" and look.rules == "zebra"
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            align = WD_ALIGN_PARAGRAPH.CENTER if c >= 2 else None
            _cell_text(
                cell,
                text,
                look.table_size,
                bold=bold,
                align=align,
                color="#FFFFFF" if white else None,
            )
            cell.vertical_alignment = VALIGN[look.valign]
        _decorate_row(row, kind, r, look)
    d.add_paragraph()


def _decorate_row(row: docx.table._Row, kind: str, r: int, look: Look) -> None:
    if look.rules == "grid" and kind == "header":
        _shade_row(row, "#E7E6E6")
    elif look.rules == "zebra":
        _shade_row(row, look.accent if kind == "header" else ("#E9F0F7" if r % 2 else "#FFFFFF"))
    elif look.rules == "header_line" and kind == "header":
        for cell in row.cells:
            _bottom_border(cell)


def _grid_paragraphs(cell: _Cell, content: GridCell, size: float) -> None:
    for index, part in enumerate(content):
        para = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        para.paragraph_format.space_after = Pt(2)
        run = para.add_run()
        for number, piece in enumerate(part.text.split("\n")):
            if number:
                run.add_break()  # a forced line break, as in "2019-12-" / "31"
            run.add_text(piece)
        run.bold = part.bold
        run.italic = part.small
        run.font.size = Pt(size - 1.5 if part.small else size)


def _grid_table(d: docx.document.Document, block: GridTable, look: Look) -> None:
    head = [block.header] + ([block.caption_row] if block.caption_row else [])
    rows = head + block.rows
    style = "Table Grid" if look.rules == "grid" else None
    table = d.add_table(rows=len(rows), cols=len(block.widths_cm), style=style)
    _widths(table, block.widths_cm)
    top = len(head)  # body rows start here
    group_ends = {top + last for _, _, last in block.merges} if look.rules == "groups" else set()
    for r, cells in enumerate(rows):
        for c, content in enumerate(cells):
            cell = table.cell(r, c)
            _grid_paragraphs(cell, content, look.table_size)
            cell.vertical_alignment = VALIGN[look.valign]
            if r < top and look.rules == "grid":
                _shade(cell, "#DDE4EE")
            if (r == top - 1 and look.rules != "grid") or r in group_ends:
                _bottom_border(cell)
        if r < top and look.repeat_header:
            _row_flag(table.rows[r], "w:tblHeader")
    if look.rules == "rows":
        _inside_rules(table)
    for c, first, last in block.merges:
        table.cell(top + first, c).merge(table.cell(top + last, c))
    d.add_paragraph()


def _inside_rules(table: Table) -> None:
    """Horizontal lines between rows only (Word draws none inside a merged cell)."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "bottom", "insideH"):
        element = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:color", "888888")):
            element.set(qn(key), value)
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _add_blocks(d: docx.document.Document, doc: Document, pages: dict[str, int]) -> None:
    look = doc.look
    for block in doc.blocks:
        match block:
            case TitlePage():
                _title_page(d, block, look)
            case TocBlock():
                _toc(d, doc, block, pages)
            case Heading():
                d.add_heading(block.text, level=block.level)
            case Para():
                d.add_paragraph(block.text)
            case Label():
                para = d.add_paragraph()
                para.paragraph_format.space_before = Pt(6)
                para.paragraph_format.keep_with_next = True
                para.add_run(block.text).bold = True
            case Bullets():
                for item in block.items:
                    d.add_paragraph(item, style="List Bullet")
            case ScoreBox():
                _score_box(d, block, look)
            case TwoColumn():
                _two_column(d, block, look)
            case SimpleTable():
                _grid_table(d, [block.header, *block.rows], [10.0, 2.5, 2.5], look.table_size)
                d.add_paragraph()
            case ScoreTable():
                _score_table(d, block, look)
            case GridTable():
                _grid_table(d, block, look)
            case PageBreak():
                d.add_page_break()


def write_docx(doc: Document, path: Path, toc_pages: dict[str, int]) -> None:
    d = _new_document(doc.look, doc.title)
    _add_blocks(d, doc, toc_pages)
    d.core_properties.author = "Sveriges Kommuner och Regioner"
    d.core_properties.title = doc.title
    d.save(str(path))


def convert(docx_paths: list[Path], outdir: Path) -> None:
    """One LibreOffice run for all files, with a private profile so it can't clash with others."""
    with tempfile.TemporaryDirectory(prefix="kompass_lo_") as profile:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                *map(str, docx_paths),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    for p in docx_paths:
        _normalise(outdir / (p.stem + ".pdf"))


def _normalise(pdf_path: Path) -> None:
    """Drop LibreOffice's timestamps so that regenerating gives the same bytes."""
    with pikepdf.open(pdf_path, allow_overwriting_input=True) as pdf:
        for key in ("/CreationDate", "/ModDate"):
            if key in pdf.docinfo:
                del pdf.docinfo[key]
        if "/Metadata" in pdf.Root:
            del pdf.Root.Metadata
        for key in ("/DocChecksum", "/ID"):  # LibreOffice writes these per run
            if key in pdf.trailer:
                del pdf.trailer[key]
        pdf.save(pdf_path, deterministic_id=True)
