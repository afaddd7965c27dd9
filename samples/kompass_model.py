"""Engine-neutral document model shared by the reportlab and python-docx renderers.

A report is a list of blocks plus a Look (fonts, rules, page chrome). Both renderers draw the
same blocks, so the ground truth (the ScoreTable blocks) is the same data whatever the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# "rows": horizontal lines only; "groups": a line under the header and under each merged group
Rules = Literal["grid", "none", "header_line", "zebra", "rows", "groups"]
VAlign = Literal["top", "middle", "bottom"]
Family = Literal[
    "helvetica", "times", "dejavu-serif", "dejavu-sans", "liberation-sans", "liberation-serif"
]


@dataclass(frozen=True)
class Look:
    body_font: Family
    head_font: Family
    table_font: Family
    body_size: float = 10.5
    table_size: float = 9.5
    rules: Rules = "grid"
    valign: VAlign = "middle"
    combined_table: bool = False  # one big table for all areas instead of one per area
    repeat_header: bool = True
    header_text: str = ""  # running header (left); right side carries the report title
    footer: str = "{n}"  # page label, with {n} and {total}
    footer_align: Literal["center", "right"] = "center"
    accent: str = "#1F4E79"
    question_width_cm: float = 9.0
    cell_padding: float = 3.0  # points above and below the text in overview table cells
    strengths_as_table: bool = False  # "Styrkor | Förbättringsmöjligheter" two-column table
    landscape: bool = False


@dataclass
class TitlePage:
    title: str
    subtitle: str
    date_line: str  # e.g. "Oktober 2017"
    evaluators: list[str]
    extra: str = ""
    people_label: str = "Utvärderare:"  # printed above the evaluators


@dataclass
class TocBlock:
    title: str = "Innehållsförteckning"


@dataclass
class Heading:
    text: str
    level: int = 1  # 1 and 2 go to the table of contents
    toc: bool = True


@dataclass
class Para:
    text: str


@dataclass
class Label:
    """A small run-in heading such as STYRKOR; not in the table of contents."""

    text: str


@dataclass
class Bullets:
    items: list[str]


@dataclass
class ScoreBox:
    """Section 3 box: the area's Rubriker and its Poäng."""

    rubriker: list[str]
    points: int


@dataclass
class TwoColumn:
    left_title: str
    right_title: str
    left: list[str]
    right: list[str]


@dataclass
class SimpleTable:
    """A small non-overview table (e.g. area totals in the summary chapter)."""

    header: list[str]
    rows: list[list[str]]


@dataclass
class PageBreak:
    pass


@dataclass(frozen=True)
class PrintedRow:
    nr: str
    text: str
    points: int
    max: int
    percent: int | None
    percent_text: str  # as printed: "45 %", "45%" or ""


@dataclass(frozen=True)
class PrintedArea:
    nr: int
    name: str
    rows: tuple[PrintedRow, ...]
    total: int | None  # None: the table prints no total row
    total_percent_text: str  # "" when there is no Procent column
    has_percent: bool

    def cells(self) -> list[list[str]]:
        """The printed cells: header row, one row per item, total row (both engines use it)."""
        pct = self.has_percent
        header = [f"{self.nr}.", self.name, "Uppnått", "Max"] + (["Procent"] if pct else [])
        rows = [
            [r.nr, r.text, str(r.points), str(r.max)] + ([r.percent_text] if pct else [])
            for r in self.rows
        ]
        if self.total is None:
            return [header, *rows]
        total = ["", "", str(self.total), "100"] + ([self.total_percent_text] if pct else [])
        return [header, *rows, total]


@dataclass
class ScoreTable:
    areas: list[PrintedArea]


@dataclass(frozen=True)
class CellPara:
    """A paragraph in a grid cell; a newline in the text is a forced line break."""

    text: str
    bold: bool = False
    small: bool = False  # a caption or legend in a header cell


GridCell = tuple[CellPara, ...]


@dataclass
class GridTable:
    """A landscape grid (a handlingsplan): header cells that may carry captions, body cells
    that wrap, and cells merged down a column (a goal over its activities)."""

    header: list[GridCell]
    rows: list[list[GridCell]]
    widths_cm: list[float]
    merges: list[tuple[int, int, int]] = field(default_factory=list)  # column, first, last row
    caption_row: list[GridCell] | None = None  # a second header row holding only captions


Block = (
    TitlePage
    | TocBlock
    | Heading
    | Para
    | Label
    | Bullets
    | ScoreBox
    | TwoColumn
    | SimpleTable
    | PageBreak
    | ScoreTable
    | GridTable
)


@dataclass
class Document:
    look: Look
    title: str  # running title for the page header
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def score_tables(self) -> list[ScoreTable]:
        return [b for b in self.blocks if isinstance(b, ScoreTable)]
