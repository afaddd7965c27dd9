"""What a table reader gets (one document, its selected pages) and what it gives back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .kommuner import Municipality
from .page import Page, Rule


@dataclass(frozen=True)
class DocumentContext:
    file_name: str
    page_texts: Sequence[str]  # cheap text of every page
    pages: dict[int, Page]  # the selected pages, fully read
    furniture: set[str]  # running headers and footers (digits masked), see lines.py
    municipality: Municipality | None
    year: int | None

    @property
    def rules(self) -> dict[int, Sequence[Rule]]:
        return {number: page.rules for number, page in self.pages.items()}

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
