"""Draws a kompass Document as a PDF with reportlab."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from kompass_model import (
    Bullets,
    CellPara,
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
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    ListFlowable,
    ListItem,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus.tableofcontents import TableOfContents

rl_config.invariant = 1  # no timestamps or random ids: the same input gives the same bytes

FONT_DIR = Path("/usr/share/fonts/truetype")
_TTF = {
    "dejavu-serif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
    "dejavu-sans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    "liberation-sans": (
        "liberation/LiberationSans-Regular.ttf",
        "liberation/LiberationSans-Bold.ttf",
    ),
    "liberation-serif": (
        "liberation/LiberationSerif-Regular.ttf",
        "liberation/LiberationSerif-Bold.ttf",
    ),
}
_BUILTIN = {"helvetica": ("Helvetica", "Helvetica-Bold"), "times": ("Times-Roman", "Times-Bold")}


def font(family: str, bold: bool = False) -> str:
    """reportlab font name for a family, registering TrueType fonts on first use."""
    if family in _BUILTIN:
        return _BUILTIN[family][bold]
    name = f"{family}-{'bold' if bold else 'regular'}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / _TTF[family][bold])))
    return name


class _Styles:
    def __init__(self, look: Look) -> None:
        body, head = font(look.body_font), font(look.head_font, True)
        accent = colors.HexColor(look.accent)
        size = look.body_size
        self.body = ParagraphStyle(
            "body", fontName=body, fontSize=size, leading=size * 1.35, spaceAfter=size * 0.6
        )
        self.h1 = ParagraphStyle(
            "h1",
            fontName=head,
            fontSize=17,
            leading=21,
            spaceBefore=6,
            spaceAfter=12,
            textColor=accent,
        )
        self.h2 = ParagraphStyle(
            "h2",
            fontName=head,
            fontSize=13.5,
            leading=17,
            spaceBefore=4,
            spaceAfter=8,
            textColor=accent,
        )
        self.label = ParagraphStyle(
            "label", fontName=head, fontSize=size, leading=size * 1.3, spaceBefore=6, spaceAfter=3
        )
        self.title = ParagraphStyle(
            "title", fontName=head, fontSize=26, leading=32, alignment=TA_CENTER, textColor=accent
        )
        self.subtitle = ParagraphStyle(
            "subtitle", parent=self.body, fontSize=15, leading=20, alignment=TA_CENTER
        )
        tsize = look.table_size
        self.cell = ParagraphStyle(
            "cell", fontName=font(look.table_font), fontSize=tsize, leading=tsize * 1.25
        )
        self.cell_bold = ParagraphStyle(
            "cellb", parent=self.cell, fontName=font(look.table_font, True)
        )
        self.toc = [
            ParagraphStyle("toc0", parent=self.body, fontName=head, spaceAfter=2),
            ParagraphStyle("toc1", parent=self.body, leftIndent=18, spaceAfter=1),
        ]


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


class _DocTemplate(BaseDocTemplate):
    """Sends level 1/2 headings to the table of contents."""

    def afterFlowable(self, flowable: Flowable) -> None:
        level = getattr(flowable, "toc_level", None)
        if level is not None:
            self.notify("TOCEntry", (level, flowable.getPlainText(), self.page))


def _canvas_class(doc: Document) -> type[Canvas]:
    """A canvas that draws header and footer once the page count is known ("Sida 5 av 40")."""
    look = doc.look

    class ChromeCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                if self._pageNumber > 1:  # no chrome on the title page
                    self._chrome(self._pageNumber, total)
                super().showPage()
            super().save()

        def _chrome(self, n: int, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFont(font(look.body_font), 8.5)
            self.setFillColor(colors.HexColor("#444444"))
            self.drawString(2.2 * cm, height - 1.3 * cm, doc.title)
            if look.header_text:
                self.drawRightString(width - 2.2 * cm, height - 1.3 * cm, look.header_text)
            self.setStrokeColor(colors.HexColor(look.accent))
            self.setLineWidth(0.6)
            self.line(2.2 * cm, height - 1.45 * cm, width - 2.2 * cm, height - 1.45 * cm)
            label = look.footer.format(n=n, total=total)
            self.setFont(font(look.body_font), 9)
            if look.footer_align == "center":
                self.drawCentredString(width / 2, 1.2 * cm, label)
            else:
                self.drawRightString(width - 2.2 * cm, 1.2 * cm, label)
            self.restoreState()

    return ChromeCanvas


# --------------------------------------------------------------------------- blocks


def _title_page(tp: TitlePage, st: _Styles, look: Look) -> list[Flowable]:
    room = 0.55 if look.landscape else 1.0  # a landscape page is lower
    out: list[Flowable] = [
        Spacer(1, 5 * cm * room),
        _p(tp.title, st.title),
        Spacer(1, 0.8 * cm),
        _p(tp.subtitle, st.subtitle),
        Spacer(1, 0.6 * cm),
        _p(tp.date_line, st.subtitle),
        Spacer(1, 6 * cm * room),
    ]
    if tp.evaluators:
        out.append(_p(tp.people_label, st.label))
    out.extend(_p(e, st.body) for e in tp.evaluators)
    out.append(RLPageBreak())
    return out


def _bullets(items: list[str], st: ParagraphStyle) -> ListFlowable:
    return ListFlowable(
        [ListItem(_p(i, st), leftIndent=14) for i in items],
        bulletType="bullet",
        start="•",
        leftIndent=14,
        bulletFontSize=8,
    )


def _boxed(data: list[list[Any]], widths: list[float], extra: list[tuple[Any, ...]]) -> Table:
    table = Table(data, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.7, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *extra,
            ]
        )
    )
    return table


def _score_box(box: ScoreBox, st: _Styles) -> list[Flowable]:
    big = ParagraphStyle("big", parent=st.cell_bold, fontSize=16, leading=20, alignment=TA_CENTER)
    data = [
        [_p("Rubriker", st.cell_bold), _p("Poäng", st.cell_bold)],
        [_bullets(box.rubriker, st.cell), _p(str(box.points), big)],
    ]
    extra = [
        ("VALIGN", (1, 1), (1, 1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
    ]
    return [_boxed(data, [11.5 * cm, 3 * cm], extra), Spacer(1, 0.4 * cm)]


def _two_column(tc: TwoColumn, st: _Styles) -> list[Flowable]:
    data = [
        [_p(tc.left_title, st.cell_bold), _p(tc.right_title, st.cell_bold)],
        [_bullets(tc.left, st.cell), _bullets(tc.right, st.cell)],
    ]
    extra = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE7F0"))]
    return [Spacer(1, 0.2 * cm), _boxed(data, [8.3 * cm, 8.3 * cm], extra), Spacer(1, 0.4 * cm)]


def _simple_table(t: SimpleTable, st: _Styles) -> list[Flowable]:
    data = [[_p(h, st.cell_bold) for h in t.header]] + [[_p(c, st.cell) for c in r] for r in t.rows]
    return [_boxed(data, [10 * cm, 2.2 * cm, 2.2 * cm], []), Spacer(1, 0.4 * cm)]


def _score_table(table: ScoreTable, look: Look, st: _Styles) -> list[Flowable]:
    data: list[list[Any]] = []
    header_rows: list[int] = []
    total_rows: list[int] = []
    head_style = st.cell_bold
    if look.rules == "zebra":
        head_style = ParagraphStyle("cellw", parent=st.cell_bold, textColor=colors.white)
    for area in table.areas:
        for i, cells in enumerate(area.cells()):
            first = i == 0
            last = i == len(area.rows) + 1
            row: list[Any] = list(cells)
            row[0] = _p(cells[0], head_style if first else st.cell_bold if last else st.cell)
            row[1] = _p(cells[1], head_style if first else st.cell)
            if first:
                header_rows.append(len(data))
            if last:
                total_rows.append(len(data))
            data.append(row)
    ncols = len(data[0])
    widths = [1.2 * cm, look.question_width_cm * cm] + [1.9 * cm] * (ncols - 2)
    cmds: list[tuple[Any, ...]] = [
        ("ALIGN", (2, 0), (-1, -1), "CENTER"),
        ("FONTNAME", (2, 0), (-1, -1), font(look.table_font)),
        ("FONTSIZE", (2, 0), (-1, -1), look.table_size),
        ("TOPPADDING", (0, 0), (-1, -1), look.cell_padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), look.cell_padding),
    ]
    if look.valign != "bottom":  # bottom is reportlab's default: leave it unset
        cmds.append(("VALIGN", (0, 0), (-1, -1), look.valign.upper()))
    for r in header_rows + total_rows:
        cmds.append(("FONTNAME", (2, r), (-1, r), font(look.table_font, True)))
    cmds.extend(_rule_commands(look, header_rows, total_rows, len(data)))
    rl_table = Table(
        data, colWidths=widths, hAlign="LEFT", repeatRows=1 if look.repeat_header else 0
    )
    rl_table.setStyle(TableStyle(cmds))
    return [rl_table, Spacer(1, 0.5 * cm)]


def _rule_commands(
    look: Look, headers: list[int], totals: list[int], nrows: int
) -> list[tuple[Any, ...]]:
    if look.rules == "grid":
        return [("GRID", (0, 0), (-1, -1), 0.5, colors.black)] + [
            ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#E6E6E6")) for r in headers
        ]
    if look.rules == "header_line":
        return [("LINEBELOW", (0, r), (-1, r), 0.4, colors.HexColor("#777777")) for r in headers]
    if look.rules == "zebra":
        accent = colors.HexColor(look.accent)
        cmds: list[tuple[Any, ...]] = [
            ("ROWBACKGROUNDS", (0, 0), (-1, -1), [colors.white, colors.HexColor("#E9F0F7")])
        ]
        for r in headers:
            cmds += [
                ("BACKGROUND", (0, r), (-1, r), accent),
                ("TEXTCOLOR", (0, r), (-1, r), colors.white),
            ]
        return cmds
    return []


def _grid_cell(cell: GridCell, st: _Styles) -> list[Flowable]:
    small = ParagraphStyle("small", parent=st.cell, fontSize=st.cell.fontSize - 1.5)
    small.leading = small.fontSize * 1.25

    def style(para: CellPara) -> ParagraphStyle:
        return small if para.small else st.cell_bold if para.bold else st.cell

    return [Paragraph(escape(p.text).replace("\n", "<br/>"), style(p)) for p in cell]


def _grid_table(block: GridTable, look: Look, st: _Styles) -> list[Flowable]:
    head = [block.header] + ([block.caption_row] if block.caption_row else [])
    data = [[_grid_cell(cell, st) for cell in row] for row in head + block.rows]
    top = len(head)  # body rows start here
    cmds: list[tuple[Any, ...]] = [
        ("TOPPADDING", (0, 0), (-1, -1), look.cell_padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), look.cell_padding),
    ]
    if look.valign != "bottom":
        cmds.append(("VALIGN", (0, 0), (-1, -1), look.valign.upper()))
    cmds += [("SPAN", (c, top + a), (c, top + b)) for c, a, b in block.merges]
    cmds += _grid_rules(block, look, top)
    table = Table(
        data,
        colWidths=[w * cm for w in block.widths_cm],
        hAlign="LEFT",
        repeatRows=top if look.repeat_header else 0,
    )
    table.setStyle(TableStyle(cmds))
    return [table, Spacer(1, 0.5 * cm)]


def _grid_rules(block: GridTable, look: Look, top: int) -> list[tuple[Any, ...]]:
    black, grey = colors.black, colors.HexColor("#888888")
    shade = ("BACKGROUND", (0, 0), (-1, top - 1), colors.HexColor("#DDE4EE"))
    header_line = ("LINEBELOW", (0, top - 1), (-1, top - 1), 0.8, black)
    if look.rules == "grid":
        return [("GRID", (0, 0), (-1, -1), 0.5, black), shade]
    if look.rules == "header_line":
        return [header_line, ("LINEABOVE", (0, 0), (-1, 0), 0.8, black)]
    if look.rules == "groups":
        ends = sorted({top + last for _, _, last in block.merges})
        return [header_line, *[("LINEBELOW", (0, r), (-1, r), 0.4, grey) for r in ends]]
    if look.rules == "rows":  # a line under every cell, none inside a merged one
        inside = {(c, top + r) for c, a, b in block.merges for r in range(a, b)}
        cells = [
            (c, r) for r in range(top, top + len(block.rows)) for c in range(len(block.widths_cm))
        ]
        return [header_line, shade] + [
            ("LINEBELOW", (c, r), (c, r), 0.4, grey) for c, r in cells if (c, r) not in inside
        ]
    return []


def _flowables(doc: Document, st: _Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for block in doc.blocks:
        match block:
            case TitlePage():
                out += _title_page(block, st, doc.look)
            case TocBlock():
                toc = TableOfContents(dotsMinLevel=0)
                toc.levelStyles = st.toc
                out += [_p(block.title, st.h1), toc, RLPageBreak()]
            case Heading():
                para = _p(block.text, st.h1 if block.level == 1 else st.h2)
                if block.toc:
                    para.toc_level = block.level - 1
                out.append(para)
            case Para():
                out.append(_p(block.text, st.body))
            case Label():
                out.append(_p(block.text, st.label))
            case Bullets():
                out += [_bullets(block.items, st.body), Spacer(1, 0.2 * cm)]
            case ScoreBox():
                out += _score_box(block, st)
            case TwoColumn():
                out += _two_column(block, st)
            case SimpleTable():
                out += _simple_table(block, st)
            case ScoreTable():
                out += _score_table(block, doc.look, st)
            case GridTable():
                out += _grid_table(block, doc.look, st)
            case PageBreak():
                out.append(RLPageBreak())
    return out


def render(doc: Document, path: Path) -> None:
    st = _Styles(doc.look)
    template = _DocTemplate(
        str(path),
        pagesize=landscape(A4) if doc.look.landscape else A4,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2.2 * cm,
        bottomMargin=2.2 * cm,
        title=doc.title,
        author="Sveriges Kommuner och Regioner",
    )
    frame = Frame(
        template.leftMargin, template.bottomMargin, template.width, template.height, id="body"
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    template.multiBuild(_flowables(doc, st), canvasmaker=_canvas_class(doc))
