"""The grid reader's data: what it looks for (a GridSpec: columns by role and their header
words) and what it finds (columns with their borders, cells, rows, grids)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from .lexicon import dictionary_zipf, zipf
from .page import Line
from .text import fold, join_wrapped

INF = float("inf")


@dataclass(frozen=True)
class GridSpec:
    """What a grid reader looks for: the columns by role with their header synonyms."""

    headers: Mapping[str, Sequence[str]]  # role → header words as printed ("Slutdatum")
    keys: tuple[str, ...] = ()  # roles whose text makes a row; empty: any text does
    spanning: frozenset[str] = frozenset()  # roles whose cells may cover several rows
    min_roles: int = 2  # a header names at least this many roles
    bands: frozenset[str] = frozenset()  # headings known to be set in a row across the grid, folded

    @cached_property
    def synonyms(self) -> list[tuple[str, list[str]]]:
        """(role, folded tokens) for every synonym, the longest first. Computed once: header
        search asks for them on every line of every page."""
        pairs = [
            (role, fold(s).replace("/", " / ").split())
            for role, ss in self.headers.items()
            for s in ss
        ]
        return sorted(pairs, key=lambda pair: -len(pair[1]))


@dataclass(frozen=True)
class Column:
    role: str | None  # None: a column the spec does not name
    x0: float  # borders; the outer ones are open (±inf)
    x1: float
    header: str  # the header cell as printed, captions included


@dataclass(frozen=True)
class Cell:
    lines: tuple[Line, ...] = ()
    spanned: bool = False  # filled down from a cell that began on an earlier row
    width: float = 0.0  # what a line of the column can hold

    @property
    def text(self) -> str:
        """The lines joined; a word too long for the column, broken where the line was full
        ("Kompetensförsörjning" + "en"), is mended."""
        parts: list[str] = []
        for before, line in zip((None, *self.lines), self.lines, strict=False):
            if before is not None and self._broken_word(before, line):
                parts[-1] += line.text
            else:
                parts.append(line.text)
        return join_wrapped(parts)

    def _broken_word(self, line: Line, following: Line) -> bool:
        """A line of one word, so full that not even the next line's first letter would
        have fitted, and whose word runs on into the next line as a known word or a number:
        broken for want of room, not at a space ("Kompetensförsörjningen" + "är" was two)."""
        if len(line.words) != 1:
            return False
        first = following.words[0]
        letter = (first.x1 - first.x0) / max(1, len(first.text))
        if line.x1 - line.x0 + letter <= self.width:
            return False
        if line.text[-1:].isdigit() and first.text[:1].isdigit():
            return True  # "2021-03-3" + "1"
        tail = first.text.rstrip(".,;:")
        joined = line.text + tail
        # The joined word listed, or a tail that is no word and a compound that is one.
        known = dictionary_zipf(joined) > 0 or (zipf(tail) == 0 and zipf(joined) > 0)
        return first.text[:1].islower() and known


@dataclass(frozen=True)
class GridRow:
    page: int
    top: float
    cells: Mapping[str, Cell]
    band: str = ""  # a heading set across the grid (a perspective); its row has no cells

    def text(self, role: str) -> str:
        cell = self.cells.get(role)
        return cell.text if cell else ""


@dataclass(frozen=True)
class Grid:
    columns: tuple[Column, ...]
    header: tuple[Line, ...]  # the header band, captions included
    above: tuple[Line, ...]  # what stands between the previous grid (or page top) and header
    rows: tuple[GridRow, ...]
    page: int  # where the header is
    top: float

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(c.role for c in self.columns if c.role)


def mid(line: Line) -> float:
    return (line.top + line.bottom) / 2
