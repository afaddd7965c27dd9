"""What a table reader gets (one document, its selected pages) and what it gives back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .kommuner import Municipality
from .page import Line, Page, Rule, Source

# A box of a page (left, top, right, bottom in points) read again alone: its text, how sure.
BoxReader = Callable[[int, tuple[float, float, float, float]], tuple[str, float]]
_MARGIN = 0.25  # of the font's size: room around a cell's words, short of the cells beside


@dataclass(frozen=True)
class DocumentContext:
    file_name: str
    page_texts: Sequence[str]  # cheap text of every page
    pages: dict[int, Page]  # the selected pages, fully read
    furniture: set[str]  # running headers and footers (digits masked), see lines.py
    municipality: Municipality | None
    year: int | None
    read_box: BoxReader | None = None  # given where pages were read by OCR

    @property
    def rules(self) -> dict[int, Sequence[Rule]]:
        return {number: page.rules for number, page in self.pages.items()}

    def read_again(
        self, lines: Sequence[Line], check: Callable[[str], bool]
    ) -> tuple[str, float] | None:
        """An OCR'd cell whose reading fails its column's check (a status no term of the
        vocabulary has, a date that does not parse) read again alone, with what it reads and
        how sure; None when the cell was not OCR'd or its second reading fails too. Only such
        cells are read again: a page read well costs nothing more."""
        if not lines or self.read_box is None:
            return None
        number = lines[0].page
        page = self.pages.get(number)
        if page is None or page.source is not Source.OCR or any(ln.page != number for ln in lines):
            return None
        margin = _MARGIN * max(w.size for ln in lines for w in ln.words)
        box = (
            min(ln.x0 for ln in lines) - margin,
            min(ln.top for ln in lines) - margin,
            max(ln.x1 for ln in lines) + margin,
            max(ln.bottom for ln in lines) + margin,
        )
        text, sure = self.read_box(number, box)
        return (text, sure) if text and check(text) else None

    @property
    def municipality_name(self) -> str:
        return self.municipality.name if self.municipality else ""

    @property
    def municipality_code(self) -> str:
        return self.municipality.code if self.municipality else ""


@dataclass
class KindResult:
    rows: dict[str, list] = field(default_factory=dict)  # table key → records
    warnings: list[str] = field(default_factory=list)
    profiles: list[str] = field(default_factory=list)  # the profiles that matched
