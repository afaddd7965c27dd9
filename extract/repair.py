"""Repair of damaged Swedish text, word by word, every change explained.

Three kinds of damage are mended:
- mojibake from a wrong encoding ("GÃ¶tene"), by ftfy;
- letters split from their dots or ring ("a¨"), by recombining them (Unicode NFC);
- ligatures the PDF gave no text for ("U�all", "E�er": a 'tf' or 'ft' glyph written as
  U+FFFD or a private-use code), by the ligature's letters that make a known word;
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
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources

import ftfy

from . import lexicon
from .page import Page, Source, Word

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
    "@": "öå",
}
_SOFT = {"a": "åä", "o": "ö", "i": "äå", "d": "åäö", "e": "ä"}
# One letter read as two: the dots of "ä" as "i" or "é", the ring of "å" as "é".
_PAIRS = {
    "ii": "ä", "ai": "ä", "di": "ä", "ia": "ä", "aé": "ä", "éd": "ä", "a4": "ä",
    "éa": "åä", "ea": "å",
    "oé": "ö", "éo": "ö", "dé": "ö", "o6": "ö", "6é": "ö", "é6": "ö",
}  # fmt: skip
# A capital inside a lower-case word is a misread letter ("jamfGrelse", "jAmfSrelse"); a "G"
# that starts one may be an "Ö" ("Gversyn").
_MIDWORD_CAPITALS = {"G": "ö", "S": "ö", "A": "äå", "O": "ö", "D": "åä"}
_INITIAL_CAPITALS = {"G": "ö"}
_DETACHED = {
    "a¨": "ä", "o¨": "ö", "a˚": "å", "A¨": "Ä", "O¨": "Ö", "A˚": "Å",
    "¨a": "ä", "¨o": "ö", "˚a": "å", "¨A": "Ä", "¨O": "Ö", "˚A": "Å",
}  # fmt: skip
_DETACHED_PATTERN = re.compile("|".join(map(re.escape, _DETACHED)))
_TOKEN = re.compile(
    r"^(?P<lead>[\W_]*?)(?P<core>[\w&#éèàë@]+(?:[-'][\w&#éèàë@]+)*)(?P<trail>[\W_]*)$"
)
_MAX_SOFT = 3  # soft substitutions tried at once
_MAX_CANDIDATES = 4000
_MIN_ZIPF = 1.5  # a candidate must be at least this common
_KNOWN_ZIPF = 1.0  # a printed word the word list has this often is a real word
_SPELLED_ZIPF = 2.0  # a word Hunspell accepts but the frequency list lacks
_MAX_SPELL_CHECKS = 400  # Hunspell readings tried per word, fewest changes first
_COMMON_ZIPF = 6.0  # "är", "år", "på": among the few hundred commonest words
# log10 odds against one confused letter. On a damaged page an English engine loses most
# å/ä/ö, so a candidate 2.5× more common than the printed word wins; on a clean page it
# must be 30× more common (and a known word is not touched at all).
_CHANGE_COST_DAMAGED = 0.4
_CHANGE_COST_CLEAN = 1.5


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


_ENTRY_END = re.compile(r"\.{3,}|…")
_PUNCTUATION = "".join(chr(c) for c in range(0x2000, 0x206F)) + "\"'()[]{}<>.,;:!?«»–—-•*/|%"


def judge(words: Iterable[str]) -> Judgement:
    counts = [0, 0, 0, 0]
    for word in words:
        # A table of contents runs its entries into dotted leaders ("Effektivitet.......14").
        core = _ENTRY_END.split(word)[0].strip(_PUNCTUATION)
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


# A ligature glyph the PDF maps to no letters: '�' or a private-use code in its place.
_LOST = re.compile(r"[\ufffd\ue000-\uf8ff]")
_LIGATURES = ("ff", "fi", "fl", "ffi", "ffl", "ft", "fb", "fh", "fj", "fk", "tt", "ti", "tf", "st")
_LOST_WORD = re.compile(r"\S*[\ufffd\ue000-\uf8ff]\S*")


def mend_ligatures(text: str) -> str:
    """The text with each word's lost ligatures spelled out (see `_ligatures`); words
    without one, and words no spelling makes known, stay as they are."""
    if not _LOST.search(text):
        return text
    return _LOST_WORD.sub(lambda m: _ligatures(m[0]) or m[0], text)


@lru_cache(maxsize=20_000)
def _ligatures(token: str) -> str | None:
    """The spelling of a word with lost ligatures that the lexicon knows best ('E�ek�vitet'
    → 'Effektivitet'), or None when none is a known word. Only a lost glyph in a word with
    letters is a ligature: alone, or among figures, it was a bullet or a symbol."""
    match = _TOKEN.match(_LOST.sub("x", token))
    if match is None:
        return None
    start, end = match.span("core")
    core = token[start:end]
    pieces = _LOST.split(core)
    lost = len(pieces) - 1
    if not lost or lost > 3 or not _letters(core):
        return None
    best, best_score = None, _MIN_ZIPF
    for spellings in itertools.product(_LIGATURES, repeat=lost):
        candidate = "".join(itertools.chain(*zip(pieces, (*spellings, ""), strict=True)))
        score = _score(candidate.lower())
        if score > best_score:
            best, best_score = candidate, score
    return None if best is None else token[:start] + best + token[end:]


def repair_text(text: str, damaged: bool | None = None) -> Repaired:
    """Repair a text, keeping its line breaks and spacing. `damaged` says whether the text as
    a whole is known to be damaged; by default it is judged from the text itself."""
    # Curly quotes are Swedish typography (”så”), not damage.
    fixed = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)
    fixes = _changed_words(text, fixed, "mojibake")
    recombined = unicodedata.normalize(
        "NFC", _DETACHED_PATTERN.sub(lambda m: _DETACHED[m[0]], fixed)
    )
    fixes += _changed_words(fixed, recombined, "diakrit")
    spelled = mend_ligatures(recombined)
    fixes += _changed_words(recombined, spelled, "ligatur")
    recombined = spelled
    if damaged is None:
        damaged = judge(recombined.split()).damaged
    lines = recombined.split("\n")
    for number, line in enumerate(lines):
        parts = re.split(r"(\s+)", line)
        tokens = [part for part in parts if part and not part.isspace()]
        position, before = 0, ""
        for index, part in enumerate(parts):
            if not part or part.isspace():
                continue
            after = tokens[position + 1] if position + 1 < len(tokens) else ""
            fix = (
                damaged and (_symbol_fix(part, before, after) or _reading_after(part, before))
            ) or repair_word(part, damaged)
            if fix is not None:
                parts[index] = fix.fixed
                fixes.append(fix)
            before = parts[index]  # as repaired: it tells the next word's reading
            position += 1
        lines[number] = "".join(parts)
    return Repaired("\n".join(lines), tuple(fixes))


@cache
def _readings() -> dict[str, tuple[str, frozenset[str]]]:
    text = resources.files("extract").joinpath("data/readings.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    return {word: (entry["reading"], frozenset(entry["after"])) for word, entry in data.items()}


def _reading_after(token: str, before: str) -> Fix | None:
    """An ambiguous word read from the word before it (extract/data/readings.toml)."""
    match = _TOKEN.match(token)
    if match is None or match.group("core").lower() not in _readings():
        return None
    reading, cues = _readings()[match.group("core").lower()]
    if before.strip(_PUNCTUATION).lower() not in cues or before.endswith((".", ":", ";", "!", "?")):
        return None
    fixed = match.group("lead") + _same_case(match.group("core"), reading) + match.group("trail")
    return Fix(token, fixed, "ocr")


# What an English engine reads for a bullet ("•", or Word's symbol-font bullet).
_BULLET_READINGS = {"*", "¢", "°", "«", "»", "©", "e¢", "e", "eo"}
_LEADER = re.compile(r"(\.{3,})([.,:;cesaonu]{5,})$")  # dotted leaders read as letters


def _symbol_fix(token: str, before: str, after: str) -> Fix | None:
    """Signs an English engine misreads, judged from the words around them (damaged text only):
    a bullet at the start of an item, a spaced dash ("—" for Swedish "–"), a capital "I"
    read as "|" where a sentence starts, dotted leaders of a contents line read as letters."""
    starts_item = not before or before.endswith((":", ".", "•"))
    opens_item = after[:1].isupper() or after[:1].isdigit()
    if token in _BULLET_READINGS and opens_item and (token == "*" or starts_item):
        return Fix(token, "•", "tecken")
    if token == "—" and before and after:
        return Fix(token, "–", "tecken")
    if token == "|" and (not before or before.endswith((".", "!", "?"))) and after[:1].isalpha():
        return Fix(token, "I", "tecken")
    leader = _LEADER.search(token)
    if leader:
        fixed = token[: leader.start(2)] + "." * len(leader.group(2))
        return Fix(token, fixed, "tecken")
    return None


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
    if _letters(core) == 0 or not _confusions(core):
        return None
    if core.isupper() and len(core) <= 3 and not _has_hard(core):
        return None  # "IT", "NII", "SKR": abbreviations, not damaged words
    best = _best_candidate(core, damaged)
    if best is None or best == core:
        return None
    return Fix(token, match.group("lead") + best + match.group("trail"), "ocr")


@lru_cache(maxsize=200_000)
def _best_candidate(core: str, damaged: bool) -> str | None:
    """The reading of a word that is most probable, weighing how common each candidate is
    against how unlikely the engine's confusion is: a candidate must beat the printed word by
    a margin for each letter it changes. The margin is small on a damaged page, where an
    English engine drops most diacritics, and prohibitive on a clean one, where a word the
    lexicon knows stays. A word with a hard confusion in it (&, é, a digit) cannot be Swedish
    as printed and takes its best reading."""
    lower = core.lower()
    hard, soft = _confusions(core)
    printed = _score(lower)  # "idé", "armé": a hard sign can be Swedish as printed
    if printed >= _KNOWN_ZIPF and not damaged:
        return None
    # "4r" is "är", but "A4" or "6b" are codes: a digit with a single letter is read as a
    # letter only when that makes one of the commonest words.
    floor = _COMMON_ZIPF if any(ch.isdigit() for ch in lower) and _letters(lower) < 2 else 0.0
    cost = _CHANGE_COST_DAMAGED if damaged else _CHANGE_COST_CLEAN
    best, best_value, asked = None, printed, 0
    for candidate, soft_changes in _candidates(lower, hard, soft):
        if candidate == lower:
            continue
        penalty = cost * max(soft_changes, 0 if hard else 1)
        score = lexicon.dictionary_zipf(candidate)
        # Hunspell, the slow part, is asked only when its answer could win.
        if score < _MIN_ZIPF and asked < _MAX_SPELL_CHECKS and _SPELLED_ZIPF - penalty > best_value:
            asked += 1
            score = _SPELLED_ZIPF if lexicon.spelled(candidate) else score
        if score < max(_MIN_ZIPF, floor):
            continue
        if score - penalty > best_value:
            best, best_value = candidate, score - penalty
    return None if best is None else _same_case(core, best)


def _score(word: str) -> float:
    """How common a word is, as a Swedish word: wordfreq's figure when it lists the word; a
    word only Hunspell accepts (an inflection or compound) counts as rare but real, whatever
    its parts: "förtroendevald" must not lose to "förtroendevåld" for "våld" being common."""
    listed = lexicon.dictionary_zipf(word)
    if listed < _MIN_ZIPF and lexicon.spelled(word):
        return _SPELLED_ZIPF
    return listed


Options = tuple[tuple[int, str], ...]  # (position, letters it may stand for)


@lru_cache(maxsize=200_000)
def _confusions(core: str) -> tuple[Options, Options]:
    """Positions of a word that may be misread Swedish letters: hard ones (never Swedish as
    printed: "&", "é", a digit among letters, a capital inside a lower-case word) and soft ones
    (plain letters an English engine writes for å, ä, ö)."""
    hard: list[tuple[int, str]] = []
    soft: list[tuple[int, str]] = []
    for index, char in enumerate(core):
        lower = char.lower()
        if lower in _HARD and _next_to_letter(core, index):
            hard.append((index, _HARD[lower]))
        elif char in _MIDWORD_CAPITALS and index > 0 and core[index - 1].islower():
            hard.append((index, _MIDWORD_CAPITALS[char]))
        elif lower in _SOFT:
            soft.append((index, _SOFT[lower]))
        elif index == 0 and char in _INITIAL_CAPITALS and core[1:2].islower():
            soft.append((index, _INITIAL_CAPITALS[char]))
    return tuple(hard), tuple(soft)


def _has_hard(core: str) -> bool:
    return bool(_confusions(core)[0])


def _candidates(word: str, hard: Options, soft: Options) -> Iterable[tuple[str, int]]:
    """Spellings the damaged word may stand for, with how many letters were changed beyond
    the hard ones."""
    yield from _substitutions(word, hard, soft, 0)
    for pair, letters in _PAIRS.items():
        at = word.find(pair)
        if at < 0:
            continue
        for letter in letters:
            merged = word[:at] + letter + word[at + len(pair) :]
            shift = len(pair) - len(letter)
            moved = tuple(
                (i - shift if i > at else i, o) for i, o in hard + soft if i != at and i != at + 1
            )
            yield from _substitutions(merged, (), moved, 1)


def _substitutions(
    word: str, hard: Options, soft: Options, changed: int
) -> Iterable[tuple[str, int]]:
    produced = 0
    for count in range(min(_MAX_SOFT, len(soft)) + 1):
        for chosen in itertools.combinations(soft, count):
            positions = sorted([*hard, *chosen])
            for letters in itertools.product(*(options for _, options in positions)):
                spelled = list(word)
                for (position, _), letter in zip(positions, letters, strict=True):
                    spelled[position] = letter
                yield "".join(spelled), count + changed
                produced += 1
                if produced > _MAX_CANDIDATES:
                    return


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


def mend_ocr_page(page: Page) -> Page:
    """An OCR'd page with the words the Swedish model misread as no word mended in place
    ("Odeshög" for "Ödeshög": a capital's dots lost on a black-and-white scan; "Awikelse" for
    "Avvikelse": two letters read as one of their shape); a word that is a word stays. A
    mended word is no surer than a repaired one."""
    words = tuple(_mended(word, _reshaped(word.text)) for word in _repaired_words(page, False))
    return replace(page, words=words)


# Letters that the Swedish OCR model reads as others of their shape on a scan: printed → read.
_SHAPES = {
    "vv": ("w",), "v": ("w",), "ri": ("n",), "m": ("rn",), "y": ("v",), "g": ("q",),
    "t": ("u",), "E": ("B",), "f": ("t",),
}  # fmt: skip
_READ_AS = {
    read: [printed for printed, reads in _SHAPES.items() if read in reads]
    for read in {read for reads in _SHAPES.values() for read in reads}
}


def _reshaped(token: str) -> str | None:
    """A word the lexicon does not know that one misread shape away is a word it knows
    ("Fntidshem" → "Fritidshem", "vrkesprogram" → "yrkesprogram"): that word, when no other
    reading is as common. Each run of letters ("jan–auq", "KKiK-snitt") is judged alone."""
    fixed = _LETTERS.sub(lambda m: _reshaped_word(m[0]), token)
    return None if fixed == token else fixed


_LETTERS = re.compile(r"[^\W\d_]{3,}")


def _reshaped_word(word: str) -> str:
    if _score(word.lower()) >= _KNOWN_ZIPF:
        return word
    readings: dict[str, float] = {}
    for read, printed in _READ_AS.items():
        at = word.find(read)
        while at >= 0:
            for letters in printed:
                candidate = word[:at] + letters + word[at + len(read) :]
                readings[candidate] = _score(candidate.lower())
            at = word.find(read, at + 1)
    best = sorted(readings.items(), key=lambda item: -item[1])[:2]
    if best and best[0][1] >= _MIN_ZIPF and (len(best) == 1 or best[1][1] < best[0][1]):
        return best[0][0]
    return word


def mend_lost_ligatures(page: Page) -> Page:
    """A text layer's words with their lost ligatures spelled out (see `mend_ligatures`)."""
    if not _LOST.search("".join(word.text for word in page.words)):
        return page
    words = tuple(
        _mended(word, _ligatures(word.text) if _LOST.search(word.text) else None)
        for word in page.words
    )
    return replace(page, words=words)


def repair_page(page: Page, quality: float) -> Page:
    """The page with every word repaired in place; positions are kept."""
    words = _repaired_words(page, damaged=True)
    return replace(page, words=words, source=Source.REPAIRED, quality=quality)


def _repaired_words(page: Page, damaged: bool) -> tuple[Word, ...]:
    return tuple(
        _mended(word, fix.fixed if (fix := repair_word(word.text, damaged)) else None)
        for word in page.words
    )


def _mended(word: Word, fixed: str | None) -> Word:
    """The word with its mended text (none: as it is), no surer than a repaired word."""
    if fixed is None:
        return word
    return replace(word, text=fixed, confidence=min(word.confidence, REPAIRED_WORD_CONFIDENCE))
