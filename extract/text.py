"""Small text helpers shared by every step: folding for comparison, joining wrapped lines."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

_FOLD = str.maketrans("åäöÅÄÖéèüÉÈÜ", "aaoAAOeeuEEU")
_SPACE = re.compile(r"\s+")
_CONJUNCTIONS = {"och", "eller", "samt", "till", "som", "resp", "respektive"}


def fold(text: str) -> str:
    """Lower-case, Swedish letters folded to ASCII, spaces squeezed: for matching only."""
    text = unicodedata.normalize("NFC", text).translate(_FOLD).lower()
    return _SPACE.sub(" ", text).strip()


def join_wrapped(parts: list[str]) -> str:
    """Join the lines of a wrapped cell; a word hyphenated at a line end is mended."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if not out:
            out = part
            continue
        first = part.split()[0]
        # "samhälls-" + "byggare" was one word; "Chefs-" + "och ledarskap" was not; "e-" + "tjänst"
        # keeps its hyphen because a one- or two-letter prefix is an abbreviation.
        joins = (
            out.endswith("-")
            and not out.endswith(" -")  # a dash standing alone, not a hyphen
            and first[:1].islower()
            and first.lower() not in _CONJUNCTIONS
        )
        if out.endswith("-") and first[:1].isdigit() and out[-2:-1].isdigit():
            out += part  # "2019-12-" + "31" is a date, "2016-" + "2018" a span of years
        elif joins and len(out.split()[-1]) > 3:
            out = out[:-1] + part
        elif joins:
            out += part  # "e-" + "tjänst": the hyphen stays, the line break goes
        else:
            out = f"{out} {part}"
    return out


_SPAN_DASH = re.compile(r"\b((?:19|20)\d\d)\s*[-–—−]\s*((?:19|20)\d\d)\b")


def period_text(text: str) -> str:
    """A period written one way, so that periods compare: a span of years with a hyphen,
    whichever dash print or OCR gave ('2015–2017', '2015 - 2017' → '2015-2017')."""
    return _SPAN_DASH.sub(r"\1-\2", text)


def clean_token(text: str) -> str:
    """A printed word folded for header matching, bracketing punctuation dropped."""
    return fold(text).strip(".:;,()[]|-–¹²³*?")


def token_matches(word: str, token: str) -> bool:
    """A folded word against a folded header token. OCR damage ("uppnitt", "podng") still
    matches a long header word, never a short one."""
    if word == token:
        return True
    if len(token) < 5 or len(word) < 4:
        return False
    return fuzz.ratio(word, token) >= (75 if len(token) >= 6 else 80)
