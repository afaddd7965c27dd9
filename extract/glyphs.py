"""What a word's image shows that Tesseract's text loses: how long a dash is (a hyphen, an
en dash or an em dash all come out as any of them), the space between a number's thousands
(a thin gap Tesseract closes: "1 215" read as "1215"), and a decimal comma it overlooked
("5,4" read as "54"). Measured on the ink of the word's box, in ems of its line's font."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import numpy as np

from .page_image import runs

INK = 170  # a flattened page's pixel darker than this is ink (a scan's blurred stroke too)
_HYPHEN = 0.38  # ems: a hyphen's ink is about 0.25 em long, an en dash's 0.5 (Times, Helvetica)
_RANGE_HYPHEN = 0.33  # ems: a hyphen blurred longer stays shorter (where en dashes are the rule)
_EN_DASH = 0.8  # an em dash's is about 1 em
_BAR = 0.15  # ems: the thickest stroke a dash has
_SHORTEST_DASH = 0.12  # ems: shorter bars are a letter's serif or crossbar
_SHORTEST_MINUS = 0.2  # ems: a minus sign's bar is longer than a decimal comma is wide
_STEMS = 1.2  # a dash's stroke is no thicker than this many of the word's stems
_ADVANCE = 0.53  # ems: the width every digit takes (Times 0.5, Helvetica 0.556)
_FIGURE_HEIGHT = 0.72  # ems: a digit's height
_ONE = 0.36  # ems: a "1"'s flag is narrower, a "7"'s bar wider
_TOP = 0.15  # of a digit's height: its top
_SPACE = 0.13  # ems: a gap between digits wider than their bearings by this is a space (0.25+)
_WORD_SPACE = 0.22  # ems: a word space is 0.25–0.35 em; a word's letters stand 0.15 apart at most
_RAISED = 0.2  # ems: a superscript's foot stands this far over the baseline, or further
_SUPERSCRIPT = 0.6  # ems: no superscript figure or asterisk is as wide or as tall
_CAPITAL = 0.6  # ems: a capital's height is more, a small letter's less
_ABOVE_SMALL = 1.1  # a capital is this many times as tall as the later letters mostly are
_X_HIGH = set("acemnorsuvwxzgpqy")  # small letters that reach the x-height only, no dot over
_AS_TALL = 0.88  # of a later letter's body: a capital reaches 0.93 or more, an 'u' by a 't' 0.82
_FIRST_COLUMNS = 0.2  # ems: the columns of a word's first letter (every letter is wider)
_LATER_COLUMNS = 0.8  # ems: the columns of its later letters (its first is narrower)
_SPACE_OVER_LETTERS = 1.5  # a word space is this many times the widest gap between letters
_WIDEST_DIGIT = 0.75  # ems: a bold digit's ink is about 0.6 em wide
_SIGN_APART = 0.2  # ems: "6 %" leaves a space's 0.35 em before the sign, "6%" about 0.1
_SIGN_WIDTH = 1.4  # a per cent sign is 1.0–1.2 times as wide as tall (a bracket's edge left on)
_SIGN_SLANT = 0.2  # of its width: how far a "%"'s lower ring lies right of its upper (0.25+)
_BRACKET_FOOT = 0.12  # of a bracket's height: its foot, below the baseline (about 0.18)
_NOISE = 24  # grey levels a scan's blurred stroke may waver by
_DASHES = "-–—"


@dataclass(frozen=True)
class Column:
    """A run of the word's pixel columns holding ink, and the rows its ink spans."""

    left: int
    right: int
    top: int
    bottom: int


def columns(box: np.ndarray) -> list[Column]:
    ink = box < INK
    found = []
    for left, right in runs(ink.any(axis=0)):
        rows = np.flatnonzero(ink[:, left:right].any(axis=1))
        found.append(Column(left, right, int(rows[0]), int(rows[-1]) + 1))
    return found


def as_drawn(text: str, box: np.ndarray, em: float, sign: bool = False) -> str:
    """The word's text with its dashes, thousands spaces and decimal comma as its ink shows;
    sign: the word is a dash set apart before a figure, its sign ('- 3,49')."""
    if re.fullmatch(r"[-–—]?\d+[.,]\d+", text):
        text = _decimal_mark(text, box, em)
    if any(ch in _DASHES for ch in text):
        text = _dashes(text, box, em, sign)
        if re.fullmatch(r"[-–]\d[\d,.]*", text):
            # "- 3" read as "-3": the sign set apart as the ink shows, as a plus sign is.
            signed = after_sign(box)
            return f"{text[0]} {text[1:]}" if signed is not None and signed[1] else text
        return text
    if re.fullmatch(r"\d[\d,.]*", text) and minus_end(box) is not None:
        return "-" + text
    if re.fullmatch(r"\+\d[\d,.]*", text):
        # "+ 512" read as "+512": the sign set apart as the ink shows.
        signed = after_sign(box)
        return f"+ {text[1:]}" if signed is not None and signed[1] else text
    if re.fullmatch(r"\d{2,9}", text):
        return _thousands(text, box, em) or _decimal_comma(text, box, em) or text
    if re.fullmatch(r"[^\W\d_]{2,}\d{1,4}", text):
        return _word_space(text, box, em)
    if re.fullmatch(r"[cosuvwxzCOSUVWXZ][a-zåäö]+", text):
        capital = _capital(text, box, em)
        if capital is not None:
            return (text[0].upper() if capital else text[0].lower()) + text[1:]
    return text


def _capital(text: str, box: np.ndarray, em: float) -> bool | None:
    """Whether a word's first letter, one whose capital has the small letter's shape ('U',
    'V', 'S', 'O'), is a capital; None when its ink cannot tell. Tesseract reads a bold
    'Utfall' as 'utfall', and a small letter's word read alone, with no line to measure it
    by, as a capital's ('upp' as 'Upp'). A capital stands higher over the baseline than the
    small letters' tops (the x-height, 0.47–0.55 em in the usual faces; a capital
    0.64–0.73), and than the word's later letters mostly reach ('t' in 'Vt'). Measured on the
    word's first and later pixel columns, as a capital's arm may reach over the next letter
    ('Vt'). A letter a good deal lower than a later letter's body ('t', 'l') is small
    whatever the line's size says: a capital stands as high as those, within a tenth."""
    ink = box < INK
    xs = np.flatnonzero(ink.any(axis=0))
    if xs.size < 2:
        return None
    tops = np.argmax(ink[:, xs], axis=0)
    baseline = _baseline(ink, xs)
    first = xs < xs[0] + _FIRST_COLUMNS * em
    later = xs >= xs[0] + _LATER_COLUMNS * em
    height = baseline - float(tops[first].min())
    if height < _AS_TALL * _standing(ink, xs[~first], baseline):
        return False
    if not later.any():
        return None
    small = baseline - float(np.median(tops[later]))
    if height >= _CAPITAL * em and height >= _ABOVE_SMALL * small:
        return True
    # As low as the later letters, where those are small ones: by the line's size, or by
    # their letters when the line's size is the word's own, measured as read ('Upp').
    if height < _ABOVE_SMALL * small and (
        max(height, small) < _CAPITAL * em or set(text[1:]) <= _X_HIGH
    ):
        return False
    return None


def _standing(ink: np.ndarray, xs: np.ndarray, baseline: float) -> int:
    """The height of the tallest letter body standing on the baseline in the columns `xs`,
    in pixels: the ink going up unbroken from the baseline, not the dots, ring or accent
    over it ('å'), nor a crossbar's or an arm's end hanging clear of the baseline."""
    foot = int(baseline) - 1
    tallest = 0
    for x in xs:
        up = ink[foot::-1, x]  # from the baseline's row up
        start = next((i for i in (0, 1) if i < up.size and up[i]), None)  # a pixel to spare
        if start is None:
            continue
        gaps = np.flatnonzero(~up[start:])
        tallest = max(tallest, start + (int(gaps[0]) if gaps.size else up.size - start))
    return tallest


def blurred(box: np.ndarray, em: float) -> bool:
    """Whether the word's strokes are thicker than print's, as a blurred scan leaves them:
    the length of a dash, measured then, only guesses which dash it is (a bold hyphen
    measures as long as an en dash)."""
    return _stroke(box < INK) > _BAR * em


def sign_apart(box: np.ndarray, digits: int) -> bool:
    """Whether the sign after a number's digits ("%") stands a space apart from them."""
    marks = columns(box)
    if len(marks) < 2:
        return False
    em = (max(m.bottom for m in marks) - min(m.top for m in marks)) / _FIGURE_HEIGHT
    counts = _digit_counts(marks, em)
    seen = 0
    for index, (mark, count) in enumerate(zip(marks[:-1], counts, strict=False)):
        seen += count
        if seen >= digits:
            gap = marks[index + 1].left - mark.right - _slack(mark, count, em)
            return gap > _SIGN_APART * em
    return False


def after_sign(box: np.ndarray) -> tuple[int, bool] | None:
    """Where a number's digits start after the sign before them ("-3"), and whether the sign
    stands a space apart from them ("- 3")."""
    marks = columns(box)
    if len(marks) < 2:
        return None
    em = (max(m.bottom for m in marks) - min(m.top for m in marks)) / _FIGURE_HEIGHT
    first = marks[1]
    gap = first.left - marks[0].right - _slack(first, _digit_counts([first], em)[0], em)
    return first.left, gap > _SIGN_APART * em


def _ink_of(box: np.ndarray) -> np.ndarray | None:
    """The box's ink, cut to its extent; None when too little to tell a sign by (under 5
    pixels either way)."""
    ink = box < INK
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if len(rows) < 5 or len(cols) < 5:
        return None
    return ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def plus_sign(box: np.ndarray) -> bool:
    """Whether the ink is a plus sign, however thick a scan made it: a bar across and a bar
    upright, crossing at their middles, about as wide as tall, with nothing in the corners."""
    ink = _ink_of(box)
    if ink is None:
        return False
    height, width = ink.shape
    # Its arms, thin, fade at their ends in a scan: it may measure narrower than tall.
    if not 0.6 <= width / height <= 1.4:
        return False
    across = ink[round(0.4 * height) : round(0.6 * height) + 1].any(axis=0).mean()
    upright = ink[:, round(0.4 * width) : round(0.6 * width) + 1].any(axis=1).mean()
    h, w = max(1, round(0.25 * height)), max(1, round(0.25 * width))
    corners = [ink[:h, :w], ink[:h, -w:], ink[-h:, :w], ink[-h:, -w:]]
    return across >= 0.85 and upright >= 0.85 and all(c.mean() < 0.2 for c in corners)


def per_cent_sign(box: np.ndarray) -> bool:
    """Whether the ink is a per cent sign, not two figures ("96") or letters ("N") a model
    read it as: one mark about as wide as tall, whose lower ring lies well right of its upper
    one. Two digits are wider, and their upper and lower ink lie alike."""
    ink = _ink_of(box)
    if ink is None:
        return False
    height, width = ink.shape
    if width > _SIGN_WIDTH * height:
        return False
    band = max(1, round(0.35 * height))
    upper, lower = np.nonzero(ink[:band])[1].mean(), np.nonzero(ink[-band:])[1].mean()
    return bool(lower - upper >= _SIGN_SLANT * width)


def within_brackets(box: np.ndarray, opened: bool, closed: bool) -> np.ndarray:
    """The box without the brackets at its sides, even where a scan's blur joins them to what
    they enclose: a bracket reaches below the baseline, what it encloses does not, so where
    its ink reaches the box's foot it ends (it curves in at its ends)."""
    ink = box < INK
    rows = np.flatnonzero(ink.any(axis=1))
    if not rows.size:
        return box
    foot = ink[rows[-1] + 1 - max(1, round(_BRACKET_FOOT * (rows[-1] + 1 - rows[0]))) :]
    reach = np.flatnonzero(foot.any(axis=0))
    width = box.shape[1]
    left = [x for x in reach if x < 0.4 * width] if opened else []
    right = [x for x in reach if x > 0.6 * width] if closed else []
    return box[:, (max(left) + 1 if left else 0) : (min(right) if right else width)]


def digit_count(box: np.ndarray) -> int | None:
    """How many digits a number's ink shows (a decimal point or comma, small and low between
    them, is none): a reading with more or fewer made up or lost one ("72" read as "172",
    "11" as "1"). None when the box holds no ink."""
    marks = columns(box)
    if not marks:
        return None
    digits, em = _figures(marks)
    return sum(_digit_counts(digits, em)) if em > 0 else None


def narrow_tops(box: np.ndarray) -> list[bool] | None:
    """For each digit of a number's ink, whether its top is as narrow as a "1"'s flag (0.2–0.3
    em), not a bar across it as a "7"'s (0.45–0.5 em); None where digits touch (a run of ink
    holds two)."""
    ink = box < INK
    marks = columns(box)
    if not marks:
        return None
    digits, em = _figures(marks)
    if em <= 0 or any(count != 1 for count in _digit_counts(digits, em)):
        return None
    tops = [
        ink[m.top : m.top + max(1, round(_TOP * (m.bottom - m.top))), m.left : m.right]
        for m in digits
    ]
    return [int(top.any(axis=0).sum()) < _ONE * em for top in tops]


def _figures(marks: list[Column]) -> tuple[list[Column], float]:
    """A number's marks without its decimal point or comma (small and low between the
    digits), and the em its digits' height gives (a comma reaches lower)."""
    top = min(m.top for m in marks)
    em = (max(m.bottom for m in marks) - top) / _FIGURE_HEIGHT
    digits = [m for m in marks if not (m.top - top > 0.45 * em and m.right - m.left < 0.2 * em)]
    return digits, (max(m.bottom for m in digits) - top) / _FIGURE_HEIGHT


def minus_end(box: np.ndarray) -> int | None:
    """Where a number's digits start after a minus sign its text may leave out ("-0,1" read as
    "0,1", or as "0." when the sign is read with it): a bar lying flat, no thicker than the
    strokes, about half-way up the digits, apart from them or, in a blurred scan, touching
    them. None when the ink opens with no such bar (a plus sign's arm goes on past its
    upright stroke)."""
    ink = box < INK
    marks = columns(box)
    if not marks:
        return None
    em = _figures(marks)[1]
    thickest = max(_BAR * em, _STEMS * _stroke(ink))
    # Column by column, the bar's thickness along its length (a speck on it makes it no
    # thicker); it ends at a blank, or at a glyph it touches, where the ink runs taller.
    thick = ink.sum(axis=0)
    left = end = marks[0].left
    while end < ink.shape[1] and 0 < thick[end] <= thickest:
        end += 1
    if end == left:
        return None
    # Its rows are those most of its columns ink; a column at its end that inks others is the
    # edge of a glyph it touches (a "9"'s bowl).
    bar = np.flatnonzero(ink[:, left:end].mean(axis=1) >= 0.5)
    if not len(bar):
        return None
    rows = np.zeros(ink.shape[0], dtype=bool)
    rows[max(0, bar[0] - 1) : bar[-1] + 2] = True
    while end > left and (ink[:, end - 1] & ~rows).any():
        end -= 1
    digits = np.flatnonzero(ink[:, end:].any(axis=0))
    if not len(digits):
        return None
    start = end + int(digits[0])
    top, bottom = np.flatnonzero(ink[:, start:].any(axis=1))[[0, -1]]
    middle = (bar[0] + bar[-1] + 1) / 2
    width = end - left
    # A plus sign: its arm goes on, ink in the bar's rows alone, a stroke's width after the
    # upright (a "0" after a minus rounds on above and below).
    upright = ink[:, start : start + round(thickest) + 1]
    arm = upright.any(axis=0) & ~(upright & ~rows[:, None]).any(axis=0)
    if (
        _SHORTEST_MINUS * em <= width <= _EN_DASH * em
        and bar[-1] + 1 - bar[0] <= min(thickest, width - 1)
        and top + 0.3 * (bottom + 1 - top) <= middle <= top + 0.8 * (bottom + 1 - top)
        and start - end <= 0.5 * em
        and not arm[1:].any()
    ):
        return start
    return None


def _digit_counts(marks: list[Column], em: float) -> list[int]:
    """How many digits each run of ink holds (touching digits make one run)."""
    return [max(1, round((m.right - m.left) / (_ADVANCE * em))) for m in marks]


def _slack(mark: Column, count: int, em: float) -> float:
    """The blank a run's digits leave on each side within their advance: a "1" is narrow in
    the width every digit takes, so the gap beside it is wider without being a space."""
    return max(0.0, (count * _ADVANCE * em - (mark.right - mark.left)) / 2)


def _dashes(text: str, box: np.ndarray, em: float, sign: bool = False) -> str:
    """Each dash by its length; the text as read when the ink shows fewer of them. sign: the
    text is a dash alone set before a figure, a minus sign."""
    ink = box < INK
    if not ink.any():
        return text
    rows = np.flatnonzero(ink.any(axis=1))
    top, height = rows[0], rows[-1] + 1 - rows[0]
    bars = np.zeros(ink.shape[1], dtype=bool)
    # A blurred scan thickens every stroke: a dash is no thicker than the letters' stems.
    thickest = max(_BAR * em, _STEMS * _stroke(ink))
    for x in np.flatnonzero(ink.any(axis=0)):
        dark = np.flatnonzero(ink[:, x])
        middle = (dark[0] + dark[-1] + 1) / 2 - top
        # A dash's stroke is thin and lies about mid-height of what stands beside it (alone,
        # it is all the height there is); a letter's arm at the top or foot is no dash.
        # Thin at half its darkness: a scan blurs a thin stroke grey above and below.
        core = np.flatnonzero(box[:, x] < (int(box[:, x].min()) + 255) / 2)
        thin = core[-1] + 1 - core[0] <= thickest
        bars[x] = thin and (height <= _BAR * em or 0.3 * height <= middle <= 0.85 * height)
    spans: list[tuple[int, int]] = []
    valleys = _valleys(box, bars, em)
    for left, right in runs(bars & ~valleys):
        start, end = _extent(box, ink, bars & ~valleys, left, right)
        if spans and start < spans[-1][1]:  # one stroke, its core broken
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    spans = [(start, end) for start, end in spans if end - start >= _SHORTEST_DASH * em]
    found = [end - start for start, end in spans]
    # A bar joined to ink at both ends is a letter's crossbar ("H"), a dash at most where the
    # blur joins it to the glyphs on both sides.
    joined = [
        bool(start > 0 and ink[:, start - 1].any() and end < ink.shape[1] and ink[:, end].any())
        for start, end in spans
    ]
    count = sum(ch in _DASHES for ch in text)
    if len(found) < count:
        return text
    # The longest bars standing free are the dashes: a shorter one beside is a letter's arm
    # ("F–6").
    longest = sorted(sorted(range(len(found)), key=lambda i: (joined[i], -found[i]))[:count])
    # Swedish prints a dash standing alone (a spaced dash, an empty cell's) or between
    # figures (a range, "7–20") as an en dash, a hyphen only between letters ("Prova-på"): so
    # there only a dash clearly as short as a hyphen is one. A scan's faded ends take 0.05–0.1
    # em off an en dash's 0.45–0.55 em (a condensed face's is the shorter).
    # A date's ("2016-06-30") are hyphens, and so is a minus set apart from its figures as
    # often as not ("- 3,49"): a scan blurs its 0.25–0.3 em as long as a faded en dash.
    ranges = iter(
        (text in _DASHES and not sign) or bool(re.fullmatch(r"\d+[-–—]\d+", text))
        for ch in text
        if ch in _DASHES
    )
    kinds = iter(
        "-"
        if found[i] < (_RANGE_HYPHEN if next(ranges) else _HYPHEN) * em
        else "–"
        if found[i] < _EN_DASH * em
        else "—"
        for i in longest
    )
    return "".join(next(kinds) if ch in _DASHES else ch for ch in text)


def stroke_width(box: np.ndarray) -> float:
    """The mean width of the word's strokes in pixels, to a fraction: its ink (a blurred
    edge's grey counted by its shade) over its runs of ink across and down. A stroke w wide
    and h long holds w·h of ink in h + w runs, about w; averaged over every stroke, a word
    set in bold tells from a plain one even in a binarised image, whose strokes are whole
    pixels (3 against 4)."""
    ink = box < INK
    across = ink & ~np.pad(ink, ((0, 0), (1, 0)))[:, :-1]
    down = ink & ~np.pad(ink, ((1, 0), (0, 0)))[:-1]
    starts = int(across.sum()) + int(down.sum())
    if not starts:
        return 0.0
    return float(((255 - box.astype(np.float32)) / 255)[ink].sum()) / starts


def _stroke(ink: np.ndarray) -> float:
    """The width of the word's strokes: the median run of ink along its pixel rows (a stem's
    width, a round letter's side)."""
    widths = [end - start for row in ink for start, end in runs(row)]
    return float(np.median(widths)) if widths else 0.0


def _valleys(box: np.ndarray, bars: np.ndarray, em: float) -> np.ndarray:
    """The columns of a run of bars far lighter than its darkest ink on both sides, with too
    little of a bar on one side to be a dash: a scan's blur that joins a minus to the figure
    after it ('-4', the foot of the 4's crossbar) leaves grey between them. A dash rendered
    lighter in its middle (a page image scaled) has a dash's length on both sides."""
    shade = box.min(axis=0).astype(int)
    valleys = np.zeros(len(bars), dtype=bool)
    for left, right in runs(bars):
        for x in range(left + 1, right - 1):
            darkest = max(shade[left:x].min(), shade[x + 1 : right].min())
            light = shade[x] - darkest > 2 * _NOISE
            valleys[x] = light and min(x - left, right - x - 1) < _SHORTEST_DASH * em
    return valleys


def _extent(
    box: np.ndarray, ink: np.ndarray, bars: np.ndarray, left: int, right: int
) -> tuple[int, int]:
    """The columns a bar's stroke spans at half its darkness (a scan blurs a thin dash grey,
    its ends lighter still), up to a glyph it touches: a column of other ink, or one whose ink
    reaches above or below the stroke."""
    rows = np.flatnonzero(ink[:, left:right].any(axis=1))
    low, high = rows[0], rows[-1] + 1
    stroke = box[low:high]
    level = (int(stroke[:, left:right].min()) + 255) / 2
    beside = ink[: max(0, low - 1)].any(axis=0) | ink[high + 1 :].any(axis=0)
    shade = stroke.min(axis=0)
    on = (shade < level) & ~beside & (bars | ~ink.any(axis=0))
    # Outwards the stroke only fades: where it darkens again, a glyph beside begins.
    lightest = int(shade[left])
    while left > 0 and on[left - 1] and shade[left - 1] > lightest - _NOISE:
        left -= 1
        lightest = max(lightest, int(shade[left]))
    lightest = int(shade[right - 1])
    while right < len(on) and on[right] and shade[right] > lightest - _NOISE:
        lightest = max(lightest, int(shade[right]))
        right += 1
    return left, right


def _baseline(ink: np.ndarray, xs: np.ndarray) -> float:
    """The row the word's inked columns `xs` mostly end on, give or take a pixel: its
    baseline (a 'V' ends there in a few columns only, a descender's go lower)."""
    bottoms = ink.shape[0] - np.argmax(ink[::-1, xs], axis=0)
    return float(np.argmax(np.convolve(np.bincount(bottoms), np.ones(3), mode="same")))


def raised_end(box: np.ndarray, em: float) -> tuple[int, int] | None:
    """The pixel columns of the word's last mark when it stands raised off the baseline, as
    a superscript figure or an asterisk does ('anställda²', 'stöd*'; Tesseract reads them as
    '?', '!' or '”'); None when it stands on the baseline ('?', '!') or is one of a pair
    raised alike (a closing quote's two commas)."""
    ink = box < INK
    marks = columns(box)
    if len(marks) < 2:
        return None
    baseline = _baseline(ink, np.flatnonzero(ink.any(axis=0)))
    last, before = marks[-1], marks[-2]
    if baseline - last.bottom < _RAISED * em or baseline - before.bottom >= _RAISED * em / 2:
        return None
    if last.right - last.left > _SUPERSCRIPT * em or last.bottom - last.top > _SUPERSCRIPT * em:
        return None
    return last.left, last.right


def _word_space(text: str, box: np.ndarray, em: float) -> str:
    """A word ending in figures ("Antal2023", "Kv1") parted before them where its ink leaves a
    word space there: Tesseract joins a header's label to its year when the space is narrow,
    and a word's letters never stand a word space apart."""
    digits = len(text) - len(text.rstrip("0123456789"))
    marks = columns(box)
    if len(marks) < 2:
        return text
    gaps = [b.left - a.right for a, b in itertools.pairwise(marks)]
    widest = int(np.argmax(gaps))
    right = marks[widest + 1 :]
    others = gaps[:widest] + gaps[widest + 1 :]
    if (
        gaps[widest] >= _WORD_SPACE * em
        # A small light word's letters may stand as far apart: a space is wider still.
        and gaps[widest] >= _SPACE_OVER_LETTERS * max(others, default=0)
        and len(right) <= digits  # touching digits make one run, a letter one of its own
        and right[-1].right - right[0].left <= digits * _WIDEST_DIGIT * em
    ):
        return f"{text[:-digits]} {text[-digits:]}"
    return text


def _thousands(digits: str, box: np.ndarray, em: float) -> str | None:
    """The number with a space in each gap wider than its digits' side bearings, when those
    gaps fall where thousands part (three digits after each) and nowhere else; or, digit by
    digit, where the step from one digit's middle to the next is wider than the others by
    a space's width (a "1" with a foot, wider than the bearings allow, beside "4")."""
    marks = columns(box)
    counts = _digit_counts(marks, em)
    if len(marks) < 2 or sum(counts) != len(digits):
        return None
    return _thousands_by_bearings(digits, marks, counts, em) or _thousands_by_steps(
        digits, marks, counts, em
    )


def _thousands_by_steps(
    digits: str, marks: list[Column], counts: list[int], em: float
) -> str | None:
    if len(marks) < 3 or set(counts) != {1}:
        return None
    steps = [(b.left + b.right - a.left - a.right) / 2 for a, b in itertools.pairwise(marks)]
    usual = float(np.median(sorted(steps)[: (len(steps) + 1) // 2]))
    extra = [step - usual for step in steps]
    parts = [n + 1 for n, e in enumerate(extra) if e > 2 * _SPACE * em]
    if not parts or parts != list(range(len(digits) % 3 or 3, len(digits), 3)):
        return None
    others = [e for n, e in enumerate(extra) if n + 1 not in parts]
    if min(extra[n - 1] for n in parts) - max(others) <= _SPACE * em:
        return None
    return " ".join(digits[a:b] for a, b in itertools.pairwise([0, *parts, len(digits)]))


def _thousands_by_bearings(
    digits: str, marks: list[Column], counts: list[int], em: float
) -> str | None:
    parts, seen, spaces, others = [], 0, [], [0.0]
    for index, (left, right) in enumerate(itertools.pairwise(marks)):
        seen += counts[index]
        blank = right.left - left.right
        blank -= _slack(left, counts[index], em) + _slack(right, counts[index + 1], em)
        if blank > _SPACE * em:
            parts.append(seen)
            spaces.append(blank)
        else:
            others.append(blank)
    if not parts or parts != list(range(len(digits) % 3 or 3, len(digits), 3)):
        return None
    # A space is wider than the gaps between the other digits, by more than the slack a
    # scan's bold figures leave between them ("2019" set with gaps of 0.14, 0.11 and 0.05 em).
    if min(spaces) - max(others) <= _SPACE * em / 2:
        return None
    return " ".join(digits[a:b] for a, b in itertools.pairwise([0, *parts, len(digits)]))


def _decimal_mark(text: str, box: np.ndarray, em: float) -> str:
    """The number with a comma or a point between its digits as the mark's ink shows: a
    comma's tail reaches below the digits and it is taller than wide, a point sits on their
    foot, as wide as tall. The text as read when the ink does not tell (Tesseract reads the
    one as the other in a scan: "2,5" as "2.5")."""
    marks = columns(box)
    tall = [m for m in marks if m.bottom - m.top > 0.4 * em]
    if len(tall) < 2:
        return text
    top = min(m.top for m in tall)
    foot = float(np.median([m.bottom for m in tall]))
    low = [
        m
        for m in marks
        if m.top - top > 0.45 * em
        and m.right - m.left < 0.25 * em
        and tall[0].left < m.left
        and m.right < tall[-1].right
    ]
    if not low and text[0].isdigit():
        # No mark between the digits: a thousands space read as one ("18 535" as "18.535").
        return _thousands(re.sub("[.,]", "", text), box, em) or text
    if len(low) != 1:
        return text
    mark = low[0]
    below, width, height = mark.bottom - foot, mark.right - mark.left, mark.bottom - mark.top
    if below >= 0.06 * em and height >= 1.2 * width:
        return text.replace(".", ",")
    if below <= 0.02 * em and height <= 1.15 * width:
        return text.replace(",", ".")
    return text


def _decimal_comma(digits: str, box: np.ndarray, em: float) -> str | None:
    """The number with the decimal comma a small mark low between its digits shows."""
    marks = columns(box)
    if len(marks) < 3:
        return None
    top = min(m.top for m in marks)
    low = [
        i
        for i, m in enumerate(marks)
        if 0 < i < len(marks) - 1 and m.top - top > 0.45 * em and m.right - m.left < 0.2 * em
    ]
    if len(low) != 1:
        return None
    mark = marks[low[0]]
    first, last = marks[0].left, marks[-1].right
    pitch = (last - first - (mark.right - mark.left)) / len(digits)
    before = round((mark.left - first) / pitch)
    if not 0 < before < len(digits):
        return None
    # Swedish decimals part with a comma; a blurred scan cannot tell it from a point.
    return f"{digits[:before]},{digits[before:]}"
