"""OCR'd cells whose reading fails their column's check (a date that does not parse, a
status no term of the vocabulary has) and looks misread, read again alone from the page
image: the grids of handlingsplaner and the activity plans of follow-ups share it."""

from __future__ import annotations

from functools import partial

from rapidfuzz.distance import Levenshtein

from .context import DocumentContext
from .grid import Cell
from .provenance import NOT_SWEDISH
from .values import normalise_status, parse_date, status_head, status_spellings


def checked_text(document: DocumentContext, cell: Cell | None, kind: str) -> tuple[str, float]:
    """A cell's text; a date or status cell whose OCR reading fails its column's check (a
    date that does not parse, a status no term of the vocabulary has) read again alone, and
    kept when that reading passes. With how sure the text kept is: 1.0 as first read, else
    no surer than NOT_SWEDISH, since two readings of the print disagreed (Granska lists it)."""
    text = cell.text if cell else ""
    if (
        cell is None
        or kind not in ("date", "status")
        or _passes(kind, text)
        or not _misread(kind, text)
    ):
        return text, 1.0
    again = document.read_again(cell.lines, partial(_passes, kind))
    return (text, 1.0) if again is None else (again[0], min(again[1], NOT_SWEDISH))


def _misread(kind: str, text: str) -> bool:
    """Whether a cell that fails its check may be a misreading worth a second look: a date of
    figures and signs alone ("202 -30"; one in words, "Hösten 2019", is printed so), a status
    within two letters of a spelling of the vocabulary ("Klan" for "Klar"; "Vilande" is a
    status of its own)."""
    if kind == "date":
        return any(ch.isdigit() for ch in text) and not any(ch.isalpha() for ch in text)
    head = status_head(text)
    return any(Levenshtein.distance(head, s, score_cutoff=2) <= 2 for s in status_spellings())


def _passes(kind: str, text: str) -> bool:
    return (parse_date(text) if kind == "date" else normalise_status(text)) is not None
