"""Repair of damaged Swedish text, word by word, every change explained.

Three kinds of damage are mended:
- mojibake from a wrong encoding ("GÃ¶tene"), by ftfy;
- letters split from their dots or ring ("a¨"), by recombining them (Unicode NFC);
- an English OCR engine's confusions ("&r" for "är", "podng" for "poäng", "6ppen" for "öppen",
  "Amal" for "Åmål"), by trying the letters it confuses and keeping the candidate that the
  Swedish lexicon (wordfreq, compounds, the domain's own words) knows best.

A word the lexicon already knows is left alone, unless the page is plainly damaged and the
candidate is far more common ("for" → "för", "pa" → "på"); digits inside numbers are never
turned into letters. Callers keep the original text: repair returns a new one and a plan.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import ftfy

from . import lexicon
from .page import Page, Source

# What an English OCR engine writes for a Swedish letter: damaged form → possible originals.
# Hard forms never stand in a Swedish word that the lexicon does not know; soft ones often do.
_HARD = {
    "&": "äå",
    "#": "ä",
    "é": "öäå",
    "è": "äö",
    "à": "åä",
    "4": "äå",
    "6": "ö",
    "0": "ö",
    "ë": "ä",
}
_SOFT = {"a": "åä", "o": "ö", "i": "äå", "d": "åäö", "e": "ä"}
_PAIRS = {"ii": "ä", "éa": "å", "ea": "å", "éd": "ä", "ia": "ä"}  # one letter read as two
_DETACHED = {
    "a¨": "ä", "o¨": "ö", "a˚": "å", "A¨": "Ä", "O¨": "Ö", "A˚": "Å",
    "¨a": "ä", "¨o": "ö", "˚a": "å", "¨A": "Ä", "¨O": "Ö", "˚A": "Å",
}  # fmt: skip
_DETACHED_PATTERN = re.compile("|".join(map(re.escape, _DETACHED)))
_TOKEN = re.compile(
    r"^(?P<lead>[\W_]*?)(?P<core>[\w&#éèàë]+(?:[-'][\w&#éèàë]+)*)(?P<trail>[\W_]*)$"
)
_MAX_SOFT = 3  # soft substitutions tried at once
_MAX_CANDIDATES = 4000
_GAIN_OVER_KNOWN = 1.5  # a known word is replaced only by one ~30× more common
_GAIN_OVER_COMPOUND = 0.5
_MIN_ZIPF = 1.5  # a candidate must be at least this common
_KNOWN_ZIPF = 1.0  # a printed word the word list has this often is a real word


@dataclass(frozen=True)
class Fix:
    original: str
    fixed: str
    reason: str  # "mojibake", "diakrit", "ocr"


@dataclass(frozen=True)
class Repaired:
    text: str
    fixes: tuple[Fix, ...]


@dataclass(frozen=True)
class Judgement:
    """How Swedish a text reads, as counts so that pages add up to a document."""

    words: int = 0
    known: int = 0  # words the lexicon knows
    diacritics: int = 0  # words with å, ä or ö: about a fifth in Swedish prose
    damage: int = 0  # words with a hard OCR confusion in them

    def __add__(self, other: Judgement) -> Judgement:
        return Judgement(
            self.words + other.words,
            self.known + other.known,
            self.diacritics + other.diacritics,
            self.damage + other.damage,
        )

    @property
    def known_share(self) -> float:
        return self.known / self.words if self.words else 1.0

    @property
    def damaged(self) -> bool:
        if self.words < 20:
            return self.damage > 0.05 * self.words
        return (
            self.diacritics < 0.04 * self.words
            or self.damage > 0.02 * self.words
            or self.known < 0.8 * self.words
        )


_PUNCTUATION = "".join(chr(c) for c in range(0x2000, 0x206F)) + "\"'()[]{}<>.,;:!?«»–—-•*/|%"


def judge(words: Iterable[str]) -> Judgement:
    counts = [0, 0, 0, 0]
    for word in words:
        core = word.strip(_PUNCTUATION)
        if len(core) < 2 or not (core[0].isalpha() or core[-1].isalpha()) or _letters(core) < 2:
            continue
        known = lexicon.is_known(core)
        counts[0] += 1
        counts[1] += known
        counts[2] += any(ch in "åäöÅÄÖ" for ch in core)
        counts[3] += not known and _has_hard(core)
    return Judgement(*counts)


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _has_hard(core: str) -> bool:
    return any(ch in _HARD for ch in core.lower()) and _letters(core) > 0


def repair_text(text: str, damaged: bool | None = None) -> Repaired:
    """Repair a text, keeping its line breaks and spacing. `damaged` says whether the text as
    a whole is known to be damaged; by default it is judged from the text itself."""
    fixed = ftfy.fix_text(text, normalization="NFC")
    fixes = _changed_words(text, fixed, "mojibake")
    recombined = unicodedata.normalize(
        "NFC", _DETACHED_PATTERN.sub(lambda m: _DETACHED[m[0]], fixed)
    )
    fixes += _changed_words(fixed, recombined, "diakrit")
    if damaged is None:
        damaged = judge(recombined.split()).damaged
    parts = re.split(r"(\s+)", recombined)
    for index, part in enumerate(parts):
        if part and not part.isspace():
            word_fix = repair_word(part, damaged)
            if word_fix is not None:
                parts[index] = word_fix.fixed
                fixes.append(word_fix)
    return Repaired("".join(parts), tuple(fixes))


def _changed_words(before: str, after: str, reason: str) -> list[Fix]:
    """The plan of a whole-text fix, word by word where the words still line up."""
    if before == after:
        return []
    old, new = before.split(), after.split()
    if len(old) != len(new):
        return [Fix(before, after, reason)]
    return [Fix(a, b, reason) for a, b in zip(old, new, strict=True) if a != b]


def repair_word(token: str, damaged: bool) -> Fix | None:
    """The fix for one whitespace-separated token, or None when it is fine as it is."""
    match = _TOKEN.match(token)
    if match is None:
        return None
    core = match.group("core")
    if _letters(core) == 0 or not any(ch.lower() in _HARD or ch.lower() in _SOFT for ch in core):
        return None
    best = _best_candidate(core, damaged)
    if best is None or best == core:
        return None
    return Fix(token, match.group("lead") + best + match.group("trail"), "ocr")


@lru_cache(maxsize=200_000)
def _best_candidate(core: str, damaged: bool) -> str | None:
    """Dictionary words are strong evidence, compounds of known parts weaker: a word the
    dictionary knows is replaced only by a far more common one on a damaged page; a word that
    is only a plausible compound ("valprogram") gives way only to a dictionary word clearly
    more common; a word with a hard confusion in it (&, é, a digit) takes its best reading."""
    lower = core.lower()
    if any(ch.isdigit() for ch in lower) and _letters(lower) < 2:
        return None  # "6", "A4", "2O19": numbers and codes stay as printed
    in_dictionary = lexicon.dictionary_zipf(lower)
    if in_dictionary >= _KNOWN_ZIPF and not damaged:
        return None
    hard = any(ch in _HARD for ch in lower)
    as_compound = 0.0 if hard else lexicon.zipf(lower)
    if as_compound >= _MIN_ZIPF and not damaged:
        return None
    best, best_score = None, -1.0
    for candidate, soft_changes in _candidates(lower):
        if candidate == lower:
            continue
        score = lexicon.dictionary_zipf(candidate)
        if score < _MIN_ZIPF and (hard or as_compound < _MIN_ZIPF):
            score = lexicon.zipf(candidate)  # compounds count only where nothing else does
        if score < _MIN_ZIPF:
            continue
        ranked = score - 0.3 * soft_changes
        if ranked > best_score:
            best, best_score = candidate, ranked
    if best is None:
        return None
    gain = lexicon.zipf(best) - max(in_dictionary, as_compound)
    if in_dictionary >= _KNOWN_ZIPF and gain < _GAIN_OVER_KNOWN:
        return None
    if as_compound >= _MIN_ZIPF and gain < _GAIN_OVER_COMPOUND:
        return None
    return _same_case(core, best)


def _candidates(word: str) -> Iterable[tuple[str, int]]:
    """Spellings the damaged word may stand for, with how many soft letters were changed."""
    for base, pair_changes in _pair_variants(word):
        hard = [i for i, ch in enumerate(base) if ch in _HARD and _next_to_letter(base, i)]
        soft = [i for i, ch in enumerate(base) if ch in _SOFT]
        produced = 0
        for count in range(min(_MAX_SOFT, len(soft)) + 1):
            for chosen in itertools.combinations(soft, count):
                positions = sorted([*hard, *chosen])
                options = [(_HARD.get(base[i]) or _SOFT[base[i]]) for i in positions]
                for letters in itertools.product(*options):
                    spelled = list(base)
                    for position, letter in zip(positions, letters, strict=True):
                        spelled[position] = letter
                    yield "".join(spelled), count + pair_changes
                    produced += 1
                    if produced > _MAX_CANDIDATES:
                        return


def _pair_variants(word: str) -> list[tuple[str, int]]:
    variants = [(word, 0)]
    for pair, letter in _PAIRS.items():
        if pair in word:
            variants.append((word.replace(pair, letter), 1))
    return variants


def _next_to_letter(word: str, index: int) -> bool:
    """A digit is a damaged letter only inside a word ("6ppen"), never inside a number."""
    if word[index].isalpha() or word[index] == "&":
        return True
    neighbours = word[max(0, index - 1) : index] + word[index + 1 : index + 2]
    return any(ch.isalpha() for ch in neighbours)


def _same_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


REPAIRED_WORD_CONFIDENCE = 0.8  # a repaired word is a well-founded guess, not a reading


def repair_page(page: Page, quality: float) -> Page:
    """The page with every word repaired in place; positions are kept."""
    words = []
    for word in page.words:
        fix = repair_word(word.text, damaged=True)
        if fix is None:
            words.append(word)
        else:
            words.append(replace(word, text=fix.fixed, confidence=REPAIRED_WORD_CONFIDENCE))
    return replace(page, words=tuple(words), source=Source.REPAIRED, quality=quality)
