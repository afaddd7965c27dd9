"""Reading PDFs: a cheap text pass over every page (pypdfium2), then words and ruling lines
(pdfplumber) only for the pages a profile asked for."""

from __future__ import annotations

import itertools
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from pdfplumber.utils.text import LIGATURES

from .page import Page, Rule, VRule, Word


class ReadError(Exception):
    """A file that cannot be read; the message is the one-line reason shown to the user."""


def check_file(path: Path) -> None:
    """Reject what is plainly not a readable PDF before any parser sees it."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as error:
        raise ReadError(f"kan inte läsas ({error.strerror})") from error
    if size == 0:
        raise ReadError("tom fil (0 byte)")
    if b"%PDF-" not in head:
        raise ReadError("inte en PDF-fil (saknar %PDF-huvud)")


def page_texts(path: Path) -> list[str]:
    """Plain text of every page, at pdfium speed (over 1,000 pages/s), for triage."""
    check_file(path)
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        message = str(error)
        if "password" in message.lower():
            raise ReadError("krypterad PDF (lösenord krävs)") from error
        raise ReadError(f"trasig eller ofullständig PDF ({message})") from error
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_bounded().replace("\r\n", "\n"))
            textpage.close()
            page.close()
        if not texts:
            raise ReadError("PDF-filen har inga sidor")
        return texts
    except pdfium.PdfiumError as error:
        raise ReadError(f"trasig PDF ({error})") from error
    finally:
        document.close()


def load_pages(path: Path, numbers: Iterable[int]) -> dict[int, Page]:
    """Words with positions and the horizontal rules of the given 1-based pages."""
    pages: dict[int, Page] = {}
    try:
        with pdfplumber.open(path) as pdf:
            for number in sorted(set(numbers)):
                pages[number] = _plumber_page(pdf.pages[number - 1], number)
    except Exception as error:  # pdfminer raises many types for damaged files
        raise ReadError(f"trasig PDF ({type(error).__name__}: {error})") from error
    return pages


def _plumber_page(page: pdfplumber.page.Page, number: int) -> Page:
    # Word often overprints characters (fake bold, shadows): drop the duplicates first.
    overprinted = _overprinted(page.chars)
    deduped = page.dedupe_chars() if overprinted else page
    # Fake bold is a font's plain face drawn twice: the words drawn so are bold all the same.
    doubled = _doubled(page.chars) if overprinted else set()
    shaded = _shaded_edges(page)
    rules = tuple(
        Rule(
            x0=float(e["x0"]),
            x1=float(e["x1"]),
            y=float(e["top"]),
            shading=(round(float(e["top"])), round(float(e["x0"]))) in shaded,
        )
        for e in page.horizontal_edges
        if float(e["x1"]) - float(e["x0"]) > 8
    )
    fills = _fills(page)
    vrules = _merge_vrules(
        VRule(x=float(e["x0"]), top=float(e["top"]), bottom=float(e["bottom"]))
        for e in page.vertical_edges
        if float(e["bottom"]) - float(e["top"]) > 8 and not _seam(e, fills)
    )
    return Page(
        number=number,
        width=float(page.width),
        height=float(page.height),
        words=_words(deduped, vrules, doubled),
        rules=_merge_rules(rules),
        vrules=vrules,
        wrong_figures=_wrong_figures(page.chars),
    )


_FIGURES = frozenset("0123456789")


def _wrong_figures(chars: list[dict]) -> bool:
    """Whether the text layer gives a figure for a glyph that is none: one of a font's
    figures as much narrower or wider than the others as a dash is. Most fonts set all
    figures equally wide (tabular figures); fonts whose figures differ are not judged. An
    archive's PDF/A re-save was seen writing '3' for '–' and '2' for '−' ('−1 350' reads
    '21350'): the numbers of such a page are not to be trusted."""
    widths: dict[str, Counter[float]] = defaultdict(Counter)
    for char in chars:
        if char["text"] in _FIGURES and char.get("size"):
            widths[char["fontname"]][round(float(char["adv"]) / float(char["size"]), 2)] += 1
    for counts in widths.values():
        usual, times = counts.most_common(1)[0]
        tabular = 0.4 <= usual <= 0.75 and times >= 0.8 * counts.total()
        if tabular and any(abs(width - usual) > 0.1 * usual for width in counts):
            return True
    return False


def _words(
    page: pdfplumber.page.Page, vrules: tuple[VRule, ...], doubled: set[tuple] = frozenset()
) -> tuple[Word, ...]:
    words = []
    # A font change parts words too (see `_pieces`), but not one of subset only: a writer
    # may put a font's ligature glyphs in a subset of their own.
    for w in page.extract_words(extra_attrs=["size"], keep_blank_chars=False, return_chars=True):
        if not w.get("upright", True):
            continue
        middle = (float(w["top"]) + float(w["bottom"])) / 2
        pieces = [p for piece in _pieces(w["chars"], vrules, middle) for p in _unled(piece)]
        whole = len(pieces) == 1 and len(pieces[0]) == len(w["chars"])
        for piece in pieces:
            font = _typeface(piece[0]).lower()
            words.append(
                Word(
                    # pdfplumber's text has ligatures written out ('ﬀ' → 'ff')
                    text=w["text"] if whole else _letters(piece),
                    x0=float(piece[0]["x0"]),
                    x1=float(piece[-1]["x1"]),
                    top=float(w["top"]),
                    bottom=float(w["bottom"]),
                    size=float(w.get("size") or 0.0),
                    bold="bold" in font or all(_key(c) in doubled for c in piece),
                    italic="italic" in font or "oblique" in font,
                )
            )
    return tuple(words)


def _letters(chars: list[dict]) -> str:
    return "".join(LIGATURES.get(c["text"], c["text"]) for c in chars)


def _pieces(chars: list[dict], vrules: tuple[VRule, ...], middle: float) -> list[list[dict]]:
    """A word's letters, parted where pdfplumber's fixed tolerance (3 pt) joined what the
    PDF sets apart: a column rule crossing the word's middle (`middle`) runs between two
    letters, or a gap stands out from the word's usual one by more than letters leave. TeX
    and some typesetters write no space characters, their spaces shrinking to a sixth of
    an em in justified lines; a spreadsheet sets each cell's text to its edge ('Buller'
    and 'Inomhusmiljö' read as one word). Tracked letters keep their even gaps. Rules are
    looked at only where letters stand apart. A change of font parts them too, as
    pdfplumber would, but not a change of subset (see `_words`)."""
    gaps = [float(b["x0"]) - float(a["x1"]) for a, b in itertools.pairwise(chars)]
    usual = statistics.median(gaps) if gaps else 0.0
    pieces = [[chars[0]]]
    for gap, before, char in zip(gaps, chars[:-1], chars[1:], strict=True):
        size = float(char.get("size") or 0.0)
        ruled = gap > 0.1 * size and any(
            float(before["x1"]) - 0.5 < v.x < float(char["x0"]) + 0.5
            and v.top <= middle <= v.bottom
            for v in vrules
        )
        spaced = gap > 0.16 * size and gap - usual > 0.1 * size
        refaced = char["fontname"] != before["fontname"] and _typeface(char) != _typeface(before)
        if ruled or spaced or refaced:
            pieces.append([char])
        else:
            pieces[-1].append(char)
    return pieces


_LEADER = frozenset(".…·․")
_LEADER_RUN = 4  # dots in a row that lead the eye from a label to its figure


def _unled(chars: list[dict]) -> list[list[dict]]:
    """A word's letters without the dot leaders a tab stop fills in ('Utförda
    timmar.........118 204'), parted where the leaders were: the label and the figure are
    words of their own. Fewer dots in a row are a word's own ('osv...')."""
    pieces: list[list[dict]] = [[]]
    run: list[dict] = []
    for char in [*chars, None]:
        if char is not None and char["text"] in _LEADER:
            run.append(char)
            continue
        if len(run) >= _LEADER_RUN:
            pieces.append([])
        else:
            pieces[-1] += run
        run = []
        if char is not None:
            pieces[-1].append(char)
    return [piece for piece in pieces if piece]


def _typeface(char: dict) -> str:
    """The char's font without its subset tag ('ABCDEF+Carlito' → 'Carlito')."""
    return str(char.get("fontname", "")).rpartition("+")[2]


def _shaded_edges(page: pdfplumber.page.Page) -> set[tuple[int, int]]:
    """(y, x0) of the top and bottom edges of filled, unstroked areas taller than a drawn
    line: row and cell backgrounds, whose edges are no ruling lines."""
    return {
        (round(float(r[edge])), round(float(r["x0"])))
        for r in page.rects
        if r.get("fill") and not r.get("stroke") and float(r["height"]) > 3
        for edge in ("top", "bottom")
    }


def _fills(page: pdfplumber.page.Page) -> dict[object, list[tuple[float, float, float, float]]]:
    """Filled, unstroked areas (x0, x1, top, bottom) by colour."""
    fills: dict[object, list[tuple[float, float, float, float]]] = {}
    for r in page.rects:
        if r.get("fill") and not r.get("stroke"):
            box = (float(r["x0"]), float(r["x1"]), float(r["top"]), float(r["bottom"]))
            fills.setdefault(str(r.get("non_stroking_color")), []).append(box)
    return fills


def _seam(edge: dict, fills: dict[object, list[tuple[float, float, float, float]]]) -> bool:
    """Whether a filled area's side lies inside another area of its colour: a word's shading
    drawn over its row's (HTML renderers shade text word by word), which shows no line.
    Cells filled side by side keep their sides: they part the cells."""
    if not edge.get("fill") or edge.get("stroke"):
        return False
    x, top, bottom = float(edge["x0"]), float(edge["top"]) + 0.5, float(edge["bottom"]) - 0.5
    return any(
        x0 < x - 0.5 and x1 > x + 0.5 and high <= top and low >= bottom
        for x0, x1, high, low in fills.get(str(edge.get("non_stroking_color")), [])
    )


def _key(char: dict) -> tuple[str, float, float]:
    return char["text"], float(char["x0"]), float(char["top"])


def _doubled(chars: list[dict]) -> set[tuple[str, float, float]]:
    """The characters drawn twice or more within a point of one place, each copy's key."""
    near: dict[tuple[str, int], list[dict]] = {}
    for char in chars:
        near.setdefault((char["text"], round(float(char["top"]))), []).append(char)
    doubled = set()
    for (text, y), group in near.items():
        others = group + near.get((text, y - 1), []) + near.get((text, y + 1), [])
        for char in group:
            if any(
                other is not char
                and abs(float(other["x0"]) - float(char["x0"])) <= 1
                and abs(float(other["top"]) - float(char["top"])) <= 1
                for other in others
            ):
                doubled.add(_key(char))
    return doubled


def _overprinted(chars: list[dict]) -> bool:
    """Whether any character is drawn twice at (nearly) one place, as Word's fake bold and
    shadows do. A linear check, so that pdfplumber's sort of every character is only paid for
    on pages that need it."""
    seen: set[tuple[str, int, int]] = set()
    for char in chars:
        text, x, y = char["text"], char["x0"], char["top"]
        down, near = (text, int(x), int(y)), (text, int(x + 0.5), int(y + 0.5))
        if down in seen or near in seen:
            return True
        seen.add(down)
        seen.add(near)
    return False


def _merge_rules(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    """One rule per visible line: a thin filled box gives two edges a point apart."""
    merged: list[Rule] = []
    for rule in sorted(rules, key=lambda r: (round(r.y), r.x0)):
        last = merged[-1] if merged else None
        if last and abs(last.y - rule.y) < 1.5 and rule.x0 <= last.x1 + 2:
            shading = last.shading and rule.shading  # a drawn line where any part is one
            merged[-1] = Rule(min(last.x0, rule.x0), max(last.x1, rule.x1), last.y, shading)
        else:
            merged.append(rule)
    return tuple(merged)


def _merge_vrules(rules: Iterable[VRule]) -> tuple[VRule, ...]:
    """One vertical rule per visible line: box edges a point apart and the per-row border
    segments that Word and LibreOffice draw are joined."""
    columns: list[list[VRule]] = []  # rules at (nearly) the same x
    for rule in sorted(rules, key=lambda r: r.x):
        if columns and rule.x - columns[-1][-1].x < 1.5:
            columns[-1].append(rule)
        else:
            columns.append([rule])
    merged: list[VRule] = []
    for column in columns:
        start = len(merged)
        for rule in sorted(column, key=lambda r: r.top):
            last = merged[-1] if len(merged) > start else None
            if last is not None and rule.top <= last.bottom + 2:
                merged[-1] = VRule(last.x, last.top, max(last.bottom, rule.bottom))
            else:
                merged.append(rule)
    return tuple(merged)
