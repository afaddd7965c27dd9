"""Which source to trust for each page: the text layer as it is, the text layer repaired, or
OCR. Decided from the cheap text of every page, by how Swedish it reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .page import Source
from .repair import Judgement, judge, mend_ligatures, repair_text

MIN_LETTERS = 25  # fewer letters than this: an image page (or an empty one)
GOOD_AFTER_REPAIR = 0.85  # share of known words a repaired page must reach


@dataclass(frozen=True)
class PagePlan:
    number: int  # 1-based
    source: Source
    quality: float  # 0–1: share of known words, or OCR confidence once read
    text: str  # the text to match profiles against: as printed, repaired, or empty for OCR


def plan_pages(texts: Sequence[str]) -> list[PagePlan]:
    # Lost ligatures ('U�all') are no sign of a damaged layer: their letters are certain.
    texts = [mend_ligatures(text) for text in texts]
    judgements = [judge(text.split()) for text in texts]
    whole = sum(judgements, Judgement())
    return [
        _plan(number, text, judgement, whole)
        for number, (text, judgement) in enumerate(zip(texts, judgements, strict=True), start=1)
    ]


def _plan(number: int, text: str, judgement: Judgement, whole: Judgement) -> PagePlan:
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return PagePlan(number, Source.OCR, 0.0, "")
    damaged = judgement.damaged if judgement.words >= 20 else whole.damaged
    if not damaged:
        return PagePlan(number, Source.TEXT, round(judgement.known_share, 3), text)
    repaired = repair_text(text, damaged=True).text
    after = judge(repaired.split())
    if after.known_share >= GOOD_AFTER_REPAIR:
        return PagePlan(number, Source.REPAIRED, round(after.known_share, 3), repaired)
    return PagePlan(number, Source.OCR, 0.0, "")
