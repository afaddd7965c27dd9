"""The one page model: every reader (text layer, OCR) produces these, nothing downstream
knows where a page came from except through `Page.source` and `Page.quality`."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from enum import StrEnum


class Source(StrEnum):
    """Where a page's words came from; written to output as `metod`."""

    TEXT = "text"
    REPAIRED = "reparerad"
    OCR = "ocr"


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 0.0
    bold: bool = False
    confidence: float = 1.0  # 0–1; OCR words carry Tesseract's confidence
    italic: bool = False

    @property
    def middle_y(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def middle_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal ruling line or the horizontal edge of a filled box (cell shading)."""

    x0: float
    x1: float
    y: float
    shading: bool = False  # the edge of a shaded area (a row's background), not a drawn line


@dataclass(frozen=True, slots=True)
class VRule:
    """A vertical ruling line or the vertical edge of a filled box: a grid's column border."""

    x: float
    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    words: tuple[Word, ...]
    rules: tuple[Rule, ...] = ()
    source: Source = Source.TEXT
    quality: float = 1.0
    vrules: tuple[VRule, ...] = ()  # vertical rules; empty where the reader gives none (OCR)
    wrong_figures: bool = False  # the text layer gives a figure for a glyph that is none


@dataclass(frozen=True, slots=True)
class Line:
    """Words sharing a baseline, left to right, with the page they sit on."""

    words: tuple[Word, ...]
    page: int
    page_height: float = 0.0
    furniture: bool = field(default=False, compare=False)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def size(self) -> float:
        """The font size its words are set in (their boxes' height where none is known)."""
        return statistics.median(w.size or w.height for w in self.words)
