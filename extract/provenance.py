"""Where each row's words came from and how sure their reading is (`metod`, `säkerhet`), and
the Granska rows for the unsure ones.

The Kompass reader knows the words of each row and stamps its rows itself (its arithmetic
needs the confidence). The other readers build rows from cells and labels; their rows are
stamped here, from the page they were read on: a row is as sure as the least sure page word
that it prints. Born-digital pages need no stamping: every word there is sure."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import fields, replace
from typing import Any

from . import lexicon
from .page import Page, Source
from .records import ReviewRow, TableSpec

REVIEW_BELOW = 0.8  # rows read less surely than this are listed in Granska
NOT_SWEDISH = 0.6  # an OCR word no Swedish dictionary knows: as likely misread as not
_TOKEN = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+")
# Fields that do not come from the row's own page: the report's identity and the file.
_NOT_PRINTED_HERE = {"municipality", "municipality_code", "year", "file", "page", "method"}


def stamp(spec: TableSpec, rows: Sequence[Any], pages: Mapping[int, Page]) -> list[Any]:
    """The rows with `method` and `confidence` taken from their page, where they have both
    fields and were read from a page that is not born-digital."""
    names = {f.name for f in fields(spec.record_type)}
    if not {"method", "confidence"} <= names:
        return list(rows)
    stamped = []
    anywhere: dict[str, float] | None = None  # built once, when a row needs it
    on_page: dict[int, dict[str, float]] = {}  # each page's, once
    for row in rows:
        page = pages.get(row.page)
        if page is None or page.source is Source.TEXT or row.method != Source.TEXT.value:
            stamped.append(row)
            continue
        if anywhere is None:
            anywhere = _word_confidence(*pages.values())
        if row.page not in on_page:
            on_page[row.page] = _word_confidence(page)
        sure = on_page[row.page]
        printed = [
            token
            for f in fields(row)
            if f.name not in _NOT_PRINTED_HERE and isinstance(getattr(row, f.name), str)
            for token in _TOKEN.findall(getattr(row, f.name))
        ]
        # A word carried from another page (the heading over a grid that goes on, a goal
        # broken over a page break) is as sure as it was read there.
        readings = [sure.get(t, anywhere.get(t)) for t in printed]
        confidence = min((c for c in readings if c is not None), default=page.quality)
        # A reader may know a row less sure than its words (a status near a term only).
        confidence = min(confidence, row.confidence)
        stamped.append(replace(row, method=page.source.value, confidence=round(confidence, 2)))
    return stamped


def review(spec: TableSpec, rows: Sequence[Any]) -> list[ReviewRow]:
    """A Granska row for each row read less surely than REVIEW_BELOW."""
    if not spec.key_fields:
        return []
    return [
        ReviewRow(
            table=spec.key,
            file=row.file,
            page=row.page,
            row=review_key(spec, row),
            text=getattr(row, "raw", ""),
            reason=unsure_reading(row.method, row.confidence),
        )
        for row in rows
        if row.confidence < REVIEW_BELOW
    ]


def joined_reasons(unsure: Sequence[ReviewRow], listed: Sequence[ReviewRow]) -> list[ReviewRow]:
    """The unsure readings, then the rows a reader listed itself (a sum that does not add up),
    one Granska row a cell: a listed reason joins the unsure reading of the same cell."""

    def key(row: ReviewRow) -> tuple[str, str, int, str, str]:
        return (row.table, row.file, row.page, row.row, row.text)

    own = {key(row): row.reason for row in listed}
    joined = [
        replace(row, reason=f"{own[key(row)]}; {row.reason}") if key(row) in own else row
        for row in unsure
    ]
    seen = {key(row) for row in unsure}
    return joined + [row for row in listed if key(row) not in seen]


def review_key(spec: TableSpec, row: Any) -> str:
    """What names the row in Granska: its key fields, joined."""
    return " / ".join(str(v) for v in (getattr(row, n) for n in spec.key_fields) if v)


def unsure_reading(method: str, confidence: float) -> str:
    return f"osäker läsning ({method}, säkerhet {confidence:.2f})"


def _word_confidence(*pages: Page) -> dict[str, float]:
    """Each word text of the pages with its surest reading (a text printed twice is as sure as
    its better copy: the row may hold either). An OCR word that is no Swedish word is read
    no surer than NOT_SWEDISH, however sure Tesseract was: its model guesses a letter the
    print blurred from the words it knows ("Planchef" read as "Planchet", "chef" as "chet")."""
    sure: dict[str, float] = {}
    for page in pages:
        for word in page.words:
            confidence = word.confidence
            if page.source is Source.OCR and not _swedish(word.text):
                confidence = min(confidence, NOT_SWEDISH)
            sure[word.text] = max(sure.get(word.text, 0.0), confidence)
    return sure


def _swedish(text: str) -> bool:
    """Every run of letters in the text is a word the Swedish word list or dictionary has as
    it is, or an abbreviation ("BPSD"). A compound of known parts is not enough: Tesseract's
    "Näringslivschet" is one ("chet"). Nor is a word with a capital after a small letter,
    whatever the list holds in small letters: "eHer" is "eller" misread, not "eher"."""
    return all(
        part.isupper()
        or (
            not any(a.islower() and b.isupper() for a, b in itertools.pairwise(part))
            and (lexicon.dictionary_zipf(part) > 0 or lexicon.spelled(part))
        )
        for part in _LETTERS.findall(text)
    )
