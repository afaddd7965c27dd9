"""Which words are Swedish, and how common: wordfreq's Swedish list, compounds built from it,
the domain's own words (profile texts, municipality names) that general lists lack, and the
Hunspell Swedish dictionary, which knows the inflected forms and compounds ("utvärderarna",
"beslutsvägar") that a frequency list misses."""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import hunspell
import wordfreq

from .kommuner import municipalities
from .profiles import LAYOUTS_DIR

DOMAIN_ZIPF = 5.0  # a domain word the list lacks counts as a common word
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_LINKS = ("", "s", "e", "a", "o", "u")  # Swedish compound linking letters


@cache
def _frequencies() -> dict[str, float]:
    table = {
        word: 9 + math.log10(frequency)
        for word, frequency in wordfreq.get_frequency_dict("sv").items()
        if frequency > 0
    }
    for word in _domain_words():
        table.setdefault(word, DOMAIN_ZIPF)  # words the list has keep their own frequency
    return table


def _domain_words() -> Iterable[str]:
    for municipality in municipalities():
        yield from (w.lower() for w in _WORD.findall(municipality.name))
        yield from (w.lower() + "s" for w in _WORD.findall(municipality.name))
    for path in LAYOUTS_DIR.glob("*.toml"):
        for text in _texts(tomllib.loads(path.read_text(encoding="utf-8"))):
            yield from (w.lower() for w in _WORD.findall(text) if len(w) > 2)


_NOT_PROSE_KEYS = {"name", "table", "type", "pages", "continues"}  # identifiers and patterns


def _texts(value: object, key: str = "") -> Iterable[str]:
    """The Swedish texts of a profile (headings, names, synonyms): its string values, but not
    its keys, comments, identifiers or patterns, which are English or regular expressions."""
    if isinstance(value, dict):
        for inner_key, inner in value.items():
            yield from _texts(inner, inner_key)
    elif isinstance(value, list):
        for inner in value:
            yield from _texts(inner, key)
    elif isinstance(value, str) and key not in _NOT_PROSE_KEYS:
        yield value


HUNSPELL_DIRS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))


class DictionaryMissing(RuntimeError):
    pass


@cache
def _hunspell() -> hunspell.Hunspell:
    for directory in HUNSPELL_DIRS:
        if (directory / "sv_SE.dic").exists():
            return hunspell.Hunspell("sv_SE", hunspell_data_dir=str(directory))
    raise DictionaryMissing(
        "Hunspells svenska ordlista saknas (Debian-paketet hunspell-sv); kör `make setup`"
    )


@cache
def spelled(word: str) -> bool:
    """Whether Hunspell's Swedish dictionary accepts the word, inflected or compounded."""
    return _hunspell().spell(word)


def load() -> None:
    """Build the tables now, before forking workers, so that they share them."""
    _frequencies()
    _hunspell()


def zipf(word: str) -> float:
    """log10 of occurrences per billion words (0 when unknown); compounds of known parts
    count, a little below their rarest part."""
    word = word.lower()
    listed = _frequencies().get(word, 0.0)
    # A word the list knows well enough needs no compound reading (the common case, and fast).
    return listed if listed >= 2.5 else max(listed, _compound(word))


@cache
def _compound(word: str, depth: int = 0) -> float:
    if len(word) < 6 or depth > 2:
        return 0.0
    table = _frequencies()
    best = 0.0
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        head_zipf = table.get(head, 0.0)
        if head_zipf < 2.5:
            continue
        for link in _LINKS:
            if link and not tail.startswith(link):
                continue
            rest = tail[len(link) :]
            if len(rest) < 3:
                continue
            rest_zipf = table.get(rest, 0.0) if rest in table else _compound(rest, depth + 1)
            if rest_zipf >= 2.5:
                # Three-letter parts make many chance compounds ("van" + "tas"): worth less.
                short = (len(head) == 3) + (len(rest) == 3)
                best = max(best, min(head_zipf, rest_zipf) - 1.0 - 0.75 * short)
    return best


def dictionary_zipf(word: str) -> float:
    """Like zipf, but only for words the word list (or the domain) has as they are."""
    return _frequencies().get(word.lower(), 0.0)


def is_known(word: str, threshold: float = 1.0) -> bool:
    return zipf(word) >= threshold or spelled(word)
