"""Pages without a usable text layer: rasterised with pypdfium2 (no poppler), straightened,
read by Tesseract with the Swedish model, and returned as the same Page model the text layer
gives, so that table reconstruction and profiles run unchanged.

OCR is the dominant cost (about 2 s per A4 page at 300 dpi, and hardly less at lower
resolutions, since Tesseract's LSTM rescales every text line, so a cheap low-resolution pass
saves little). Instead `table_regions` finds, from the image alone (about 0.1 s per page),
the part of each page that shows a table, and only that part is read."""

from __future__ import annotations

import itertools
import os
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytesseract
from PIL import Image, ImageFilter

from . import lexicon
from .glyphs import (
    INK,
    after_sign,
    as_drawn,
    blurred,
    columns,
    digit_count,
    minus_end,
    narrow_tops,
    per_cent_sign,
    plus_sign,
    raised_end,
    sign_apart,
    stroke_width,
    within_brackets,
)
from .page import Page, Source, Word
from .page_image import (
    Strip,
    erase_rules,
    flatten,
    grid_strips,
    ink_apart,
    long_runs,
    runs,
    stack_columns,
    straighten,
    vertical_rules,
)
from .text import join_wrapped

DPI = 300  # Tesseract reads body text best at about 300 dpi
LANGUAGE = "swe"
_POINTS = 72.0


class OcrUnavailable(RuntimeError):
    """Tesseract or its Swedish model is missing."""


@cache  # a file may ask twice (image pages, then damaged layers); a worker asks once
def check_tesseract() -> None:
    try:
        languages = pytesseract.get_languages()
    except (pytesseract.TesseractNotFoundError, OSError) as error:
        raise OcrUnavailable("Tesseract saknas (installera tesseract-ocr)") from error
    for model, package in (("swe", "tesseract-ocr-swe"), ("eng", "tesseract-ocr-eng")):
        if model not in languages:
            raise OcrUnavailable(f"Tesseracts modell {model} saknas (installera {package})")


def render(path: Path, numbers: Iterable[int], dpi: float) -> dict[int, Image.Image]:
    """Grayscale images of the given 1-based pages."""
    document = pdfium.PdfDocument(str(path))
    try:
        images = {}
        for number in numbers:
            page = document[number - 1]
            images[number] = page.render(scale=dpi / _POINTS, grayscale=True).to_pil().convert("L")
            page.close()
        return images
    finally:
        document.close()


def ocr_pages(path: Path, regions: dict[int, Band], dpi: float = DPI) -> dict[int, Page]:
    """OCR the given band of each page (WHOLE_PAGE for all of it)."""
    # Several files are read at once by the batch; Tesseract's own threads would only compete.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    pages = {}
    for number, image in render(path, regions, dpi).items():
        black_and_white = _black_and_white(image)
        # Straightened whole, as `table_regions` measured the band: a crop of a page turned a
        # degree would cut the ends of its first and last lines.
        image = straighten(image)
        top, bottom = regions[number]
        crop = image.crop((0, round(top * image.height), image.width, round(bottom * image.height)))
        page = read_image(crop, number, dpi, black_and_white)
        offset = top * image.height * _POINTS / dpi
        pages[number] = replace(
            page,
            height=image.height * _POINTS / dpi,
            words=tuple(
                replace(w, top=w.top + offset, bottom=w.bottom + offset) for w in page.words
            ),
            rules=tuple(replace(r, y=r.y + offset) for r in page.rules),
            vrules=tuple(
                replace(v, top=v.top + offset, bottom=v.bottom + offset) for v in page.vrules
            ),
        )
    return pages


Box = tuple[float, float, float, float]  # left, top, right, bottom in points


class PageImages:
    """The straightened images of one file's pages, rendered once each when first asked for,
    as `ocr_pages` read them: a box of a page's words is the same box on its image."""

    def __init__(self, path: Path, dpi: float = DPI) -> None:
        self.path, self.dpi = path, dpi
        self._images: dict[int, Image.Image] = {}

    def read_box(self, number: int, box: Box) -> tuple[str, float]:
        """The text in a box of a page, read alone as one block, and how sure its least sure
        word is (0–1). A cell read in its page's block may take a wrong word from the lines
        beside it ("Klart" read as "Klan") or lose a word Tesseract took for a speck; read
        alone, with nothing beside it, it mostly reads as printed."""
        if number not in self._images:
            self._images[number] = straighten(render(self.path, [number], self.dpi)[number])
        image = self._images[number]
        scale = self.dpi / _POINTS
        left, top, right, bottom = (round(v * scale) for v in box)
        crop = image.crop((max(0, left), max(0, top), min(image.width, right), bottom))
        data = pytesseract.image_to_data(
            flatten(crop, self.dpi), lang=LANGUAGE, config="--psm 6",
            output_type=pytesseract.Output.DICT,
        )  # fmt: skip
        lines: dict[LineKey, list[str]] = {}
        sure = 1.0
        for index, text in enumerate(data["text"]):
            if text.strip() and float(data["conf"][index]) >= 0:
                lines.setdefault(_line_key(data, index), []).append(text.strip())
                sure = min(sure, float(data["conf"][index]) / 100)
        return join_wrapped([" ".join(words) for words in lines.values()]), sure if lines else 0.0


def _black_and_white(image: Image.Image) -> bool:
    """A page stored one bit a pixel (an archive's scan): black and white only, as rendered at
    its own resolution."""
    return bool(np.isin(np.asarray(image)[::4, ::4], (0, 255)).all())


def read_image(
    image: Image.Image, number: int, dpi: float = DPI, black_and_white: bool = False
) -> Page:
    """One straight page image → Page with OCR words (confidence from Tesseract) and ruling
    lines. `black_and_white`: the page was stored one bit a pixel (see `erase_rules`)."""
    # Table borders derail Tesseract's layout analysis: they are taken out of the image (and
    # kept as rules for the table reader), scanner speckle too.
    cleaned, rules, vertical = erase_rules(
        image.filter(ImageFilter.MedianFilter(3)),
        _POINTS / dpi,
        black_and_white=image if black_and_white else None,
    )
    flat = np.asarray(flatten(cleaned, dpi))
    strips = grid_strips(vertical)
    data = pytesseract.image_to_data(
        # One uniform block: only tables and title pages are read, and a table's cells are
        # lost when Tesseract splits it into column blocks of its own. But a ruled table's
        # columns are read one by one, below the page: a number centred beside a wrapped
        # cell would otherwise be read into a line of its own with the halves of two text
        # lines made up around it.
        Image.fromarray(stack_columns(flat, strips)),
        lang=LANGUAGE,
        config="--psm 6",
        output_type=pytesseract.Output.DICT,
    )
    _unstack(data, strips)
    _read_missed(flat, data, dpi)
    _read_stacked(flat, data, dpi)
    _to_ink(flat, data, dpi)
    _read_apart(flat, data, dpi)
    _read_overlapping(flat, data, dpi)
    _reread_figures(flat, data, dpi)
    _superscripts(flat, data)
    _drop_marks(data, dpi)
    _drop_double_readings(data)
    _join_parted(flat, data)
    scale = _POINTS / dpi
    sizes = _line_sizes(data)
    _add_unread_dashes(flat, data, sizes)
    _add_unread_periods(flat, data, sizes)
    words = []
    strokes: list[float | None] = []  # the words' strokes in ems, for those with letters
    keys: list[LineKey] = []
    for index, text in enumerate(data["text"]):
        text = text.strip()
        confidence = float(data["conf"][index])
        left, top = data["left"][index], data["top"][index]
        width, height = data["width"][index], data["height"][index]
        if (
            text == "+"
            and 0 <= confidence < _SURE_SLASH
            and plus_sign(_whole_mark(flat, left, top, width, height))
        ):
            # A plus sign set apart from its figures, read unsurely: its ink shows it one.
            confidence = _SURE_SLASH
        if not _printed(text, confidence):
            continue
        line_size = sizes.get(_line_key(data, index))
        sign = False
        if text in ("-", "—", "–"):
            if width < height:
                continue  # a speck or a border's end, not a dash, which lies flat
            # A dash standing alone: Swedish prints a spaced dash (tankstreck), or an empty
            # cell's, as an en dash, unless its length beside the line's text tells otherwise
            # (a minus: "- 3,49").
            text = "–"
            sign = line_size is not None and _before_figure(data, index, line_size)
        box = flat[max(0, top - 1) : top + height + 1, max(0, left - 1) : left + width + 1]
        if line_size is not None:
            # Tesseract cannot tell a hyphen from a dash, and closes a thousands space.
            text = as_drawn(text, box, line_size, sign)
            if any(ch in "-–—" for ch in text) and blurred(box, line_size):
                confidence = min(confidence, _GUESSED)
        em = line_size or height / _span(text)
        strokes.append(stroke_width(box) / em if any(ch.isalpha() for ch in text) else None)
        keys.append(_line_key(data, index))
        words.append(
            Word(
                text=text,
                x0=left * scale,
                x1=(left + width) * scale,
                top=top * scale,
                bottom=(top + height) * scale,
                size=em * scale,
                confidence=round(confidence / 100, 3),
            )
        )
    words = _with_weights(words, strokes, keys)
    words = [_font_box(w) for w in _without_marks_apart(words)]
    confidence = float(np.mean([w.confidence for w in words])) if words else 0.0
    return Page(
        number=number,
        width=image.width * scale,
        height=image.height * scale,
        words=tuple(words),
        rules=rules,
        vrules=vertical_rules(vertical, scale),
        source=Source.OCR,
        quality=round(confidence, 3),
    )


# A bold phrase's strokes are this many times the page's text's or more (Arial's bold 1.5; a
# scan's blur, thickening all strokes alike, brings a heading's down to 1.3), a plain
# phrase's less (a short word of capitals, whose strokes are straight, up to 1.2).
_BOLD = 1.25


def _with_weights(
    words: list[Word], strokes: list[float | None], keys: list[LineKey]
) -> list[Word]:
    """The words set in bold marked so: each phrase (a line's words a word space apart)
    whose strokes, in ems, are clearly thicker than the page's text's, most of which is
    plain. A phrase's strokes are its words' median: one word's vary (a round letter's sides,
    a hyphen), a cell's line's do not. Words without letters do not count, but take their
    phrase's weight ("Mål 3")."""
    measured = [s for s in strokes if s is not None]
    if not measured:
        return words
    plain = float(np.median(measured))
    phrases: list[list[int]] = []
    for i in sorted(range(len(words)), key=lambda i: (keys[i], words[i].x0)):
        last = phrases[-1][-1] if phrases else None
        if (
            last is not None
            and keys[last] == keys[i]
            and words[i].x0 - words[last].x1 < words[i].size
        ):
            phrases[-1].append(i)
        else:
            phrases.append([i])
    bold = set()
    for phrase in phrases:
        own = [strokes[i] for i in phrase if strokes[i] is not None]
        if own and float(np.median(own)) > _BOLD * plain:
            bold.update(phrase)
    return [replace(w, bold=True) if i in bold else w for i, w in enumerate(words)]


# What Tesseract makes of a superscript figure or an asterisk after a word's letters.
_RAISED_READINGS = "?!”\"*°¹²³"
_SUPERSCRIPTS = dict(zip("0123456789*", "⁰¹²³⁴⁵⁶⁷⁸⁹*", strict=True))
_SURE_SUPERSCRIPT = 60  # Tesseract's confidence (0–100) a superscript's reading needs


def _superscripts(pixels: np.ndarray, data: dict[str, list]) -> None:
    """A note's mark after a label's letters or figures ('Sjukfrånvaro¹', 'anställda²',
    'stöd*', a row's year '2020¹', 'dag 1–14¹') read again where its ink stands raised off the
    baseline: the Swedish model reads a small raised figure as '?', '!' or '”'. Cut out alone,
    it is read as one character, figures and an asterisk allowed, by the English model; a
    figure becomes a superscript one. A '°' after figures is a degree sign as printed."""
    sizes = _line_sizes(data)
    for index, text in enumerate(data["text"]):
        text = text.strip()
        em = sizes.get(_line_key(data, index))
        if (
            len(text) < 3
            or text[-1] not in _RAISED_READINGS
            or not text[-2].isalnum()
            or (text[-2].isdigit() and text[-1] == "°")
            or float(data["conf"][index]) < 0
            or em is None
        ):
            continue
        box = _word_box(pixels, data, index)
        raised = raised_end(box, em)
        if raised is None:
            continue
        mark = _read_mark(box, raised, em)
        if mark is not None:
            data["text"][index] = text[:-1] + _SUPERSCRIPTS[mark]


# Tesseract reads a mark a dozen pixels tall unsteadily: where the cut of its dark ink leaves
# it unsure, the cut a pixel wider (the stroke's grey edge kept) or the mark drawn three
# times as large often settles it. (pixels added around the ink, scale)
_MARK_CUTS = ((0, 1), (1, 1), (0, 3))


def _read_mark(box: np.ndarray, span: tuple[int, int], em: float) -> str | None:
    """The figure or asterisk the raised mark in `span` of the word's `box` shows, read alone
    by the English model; None where no cut reads it surely."""
    for grow, scale in _MARK_CUTS:
        mark = box[:, max(0, span[0] - grow) : span[1] + grow]
        rows = np.flatnonzero((mark < INK).any(axis=1))
        mark = mark[max(0, rows[0] - grow) : rows[-1] + 1 + grow]
        pad = round(em / 2)
        sheet = np.full((mark.shape[0] + 2 * pad, mark.shape[1] + 2 * pad), 255, np.uint8)
        sheet[pad : pad + mark.shape[0], pad : pad + mark.shape[1]] = mark
        image = Image.fromarray(sheet)
        if scale > 1:
            image = image.resize((image.width * scale, image.height * scale), Image.BICUBIC)
        read = pytesseract.image_to_data(
            image,
            lang="eng",
            config="--psm 10 -c tessedit_char_whitelist=0123456789*",
            output_type=pytesseract.Output.DICT,
        )
        found = [
            (t.strip(), float(c))
            for t, c in zip(read["text"], read["conf"], strict=True)
            if t.strip()
        ]
        if len(found) == 1 and len(found[0][0]) == 1 and found[0][1] >= _SURE_SUPERSCRIPT:
            return found[0][0]
    return None


_GUESSED = 60  # Tesseract's confidence (0–100) for a reading the ink cannot settle
_SURE_SLASH = 60  # Tesseract's confidence (0–100) above which a lone "/" is no speck


def _whole_mark(pixels: np.ndarray, left: int, top: int, width: int, height: int) -> np.ndarray:
    """The ink of a mark Tesseract boxed, its box widened to the mark's inked columns: the box
    of a thin plus sign may cut off its arms."""
    band = pixels[max(0, top - 1) : top + height + 1]
    inked = (band < INK).any(axis=0)
    right = left + width
    while left > 0 and inked[left - 1]:
        left -= 1
    while right < len(inked) and inked[right]:
        right += 1
    return band[:, max(0, left - 1) : right + 1]


def _printed(text: str, confidence: float) -> bool:
    """A word of the print: letters, figures or a sign, or a slash between words read surely
    ("SCB befolkningsstatistik / SCB medborgarundersökning") and a plus sign before figures;
    not a table border read as "|" or a stray speck."""
    if not text or confidence < 0:
        return False
    marks = any(ch.isalnum() or ch in "%–—-" for ch in text)
    # A slash, or a plus sign set apart from its figures ("+ 40 696"), read surely.
    return marks or (text in ("/", "+") and confidence >= _SURE_SLASH)


def _without_marks_apart(words: list[Word]) -> list[Word]:
    """The words without accents Tesseract read as words of their own: the ring of a bold
    "å" comes out as an "o" inside the box of "mål" ("Nämndens mål o 1" is no goal heading
    then). No word of the print lies within another's width and height; a mark is narrower
    than half the word it sits in and not as tall as its letters (a word of the line below may
    reach into another's box, and Tesseract boxes the 'i' of 'Besök i' within 'Besök')."""

    def inside(mark: Word, word: Word) -> bool:
        return (
            mark is not word
            and mark.x1 - mark.x0 < 0.5 * (word.x1 - word.x0)
            and word.x0 <= mark.x0
            and mark.x1 <= word.x1
            and mark.height < 0.6 * word.height
            and word.top < mark.bottom
            and mark.top < word.bottom
        )

    return [mark for mark in words if not any(inside(mark, word) for word in words)]


def _unstack(data: dict[str, list], strips: list[Strip]) -> None:
    """Tesseract's boxes of words read in a column's copy moved back to the column."""
    for index, top in enumerate(data["top"]):
        middle = top + data["height"][index] / 2
        for strip in strips:
            if strip.copy_top <= middle < strip.copy_top + strip.bottom - strip.top:
                data["top"][index] = top - strip.copy_top + strip.top
                break


_SURE_MISSED = 60  # Tesseract's confidence (0–100) a word read on a second look needs


def _read_missed(pixels: np.ndarray, data: dict[str, list], dpi: float) -> None:
    """Ink that no word was read from, read again, each piece alone: a page read as one block
    loses words whose lines lie between the lines beside them (a table's header cells set at
    the foot of cells of other heights: "Status" between "Klart" and its caption). Pieces
    are the ink a column gap apart from the words read, as high as a line of small type or
    more; a word read from one is kept when read surely."""
    points = dpi / _POINTS
    pad = max(2, round(dpi / 100))
    covered = np.zeros(pixels.shape, dtype=bool)
    for index, text in enumerate(data["text"]):
        if text.strip() and float(data["conf"][index]) >= 0:
            top, left = data["top"][index], data["left"][index]
            bottom, right = top + data["height"][index], left + data["width"][index]
            covered[max(0, top - pad) : bottom + pad, max(0, left - pad) : right + pad] = True
    space = round(6 * points)  # wider than a word space, narrower than a column gap
    found = ink_apart(pixels < 128, covered, space, (round(4 * points), round(3 * points)))
    # A piece beside a word read is a part of it, or of a line read as garble: not alone.
    boxes = [
        (left, top, right, bottom)
        for left, top, right, bottom in found
        if bottom - top <= 30 * points
        and not covered[top:bottom, max(0, left - space) : right + space].any()
    ]
    if not boxes:
        return
    for positions in _read_cut(pixels, boxes, pad, round(12 * points)).values():
        _add_read(data, positions)


def _read_cut(
    pixels: np.ndarray, boxes: list[tuple[int, int, int, int]], pad: int, gap: int
) -> dict[int, dict[str, list]]:
    """The given boxes (left, top, right, bottom) of the page read again, each cut out alone
    with `pad` pixels to spare, in one call: the words read in each, placed on the page."""
    sheet = np.full(
        (sum(b[3] - b[1] + 2 * pad + gap for b in boxes) + gap, pixels.shape[1]), 255, np.uint8
    )
    places = []  # (shift back to the page, top and bottom on the sheet)
    y = gap
    for left, top, right, bottom in boxes:
        crop = pixels[max(0, top - pad) : bottom + pad, max(0, left - pad) : right + pad]
        sheet[y : y + crop.shape[0], max(0, left - pad) : max(0, left - pad) + crop.shape[1]] = crop
        places.append((y - max(0, top - pad), y, y + crop.shape[0]))
        y += crop.shape[0] + gap
    again = pytesseract.image_to_data(
        Image.fromarray(sheet), lang=LANGUAGE, config="--psm 6", output_type=pytesseract.Output.DICT
    )
    found: dict[int, dict[str, list]] = {}
    for index, text in enumerate(again["text"]):
        middle = again["top"][index] + again["height"][index] / 2
        slot = next((i for i, (_, a, b) in enumerate(places) if a <= middle < b), None)
        if slot is None or not text.strip() or float(again["conf"][index]) < 0:
            continue
        words = found.setdefault(slot, {key: [] for key in again})
        for key in again:
            words[key].append(again[key][index])
        words["top"][-1] -= places[slot][0]
    return found


def _add_read(data: dict[str, list], words: dict[str, list], sure: bool = True) -> None:
    """Words read again added to the page's, in lines of their own (their blocks numbered
    after every block the page has: two reads never share a line); only those read surely
    unless `sure` is False."""
    after = max(data["block_num"], default=0)
    for index, confidence in enumerate(words["conf"]):
        if sure and float(confidence) < _SURE_MISSED:
            continue
        for key in data:
            data[key].append(words[key][index])
        data["block_num"][-1] += after


_STACKED = 1.7  # a word's box this many times as tall as the page's words may hold two lines


def _usual_height(data: dict[str, list]) -> float | None:
    """The median height of the words read surely, in pixels."""
    heights = [
        data["height"][i]
        for i, text in enumerate(data["text"])
        if any(ch.isalnum() for ch in text) and float(data["conf"][i]) >= _SURE_MISSED
    ]
    return float(np.median(heights)) if heights else None


_MARK = 0.4  # of the usual word's height: no letter's or figure's ink is as low as this


def _drop_marks(data: dict[str, list], dpi: float) -> None:
    """Words whose ink is far lower than any letter's, set right over another line's word:
    dots and accents read as words of their own ("i" from the dot of an "i", "Ö" from the
    dots of an "ö"), on a line Tesseract made up of the tops of the next line's letters. A
    word Tesseract boxed too small elsewhere is still a word."""
    usual = _usual_height(data)
    if usual is None:
        return
    gap = _MARK_GAP * dpi
    read = [i for i, text in enumerate(data["text"]) if any(ch.isalnum() for ch in text)]
    for index in read:
        if data["height"][index] >= _MARK * usual:
            continue
        left, right = data["left"][index], data["left"][index] + data["width"][index]
        bottom = data["top"][index] + data["height"][index]
        if any(
            _line_key(data, other) != _line_key(data, index)
            and data["left"][other] < right
            and left < data["left"][other] + data["width"][other]
            and data["top"][other] - bottom <= gap
            and data["top"][other] + data["height"][other] > bottom
            for other in read
        ):
            data["text"][index] = ""


def _read_stacked(pixels: np.ndarray, data: dict[str, list], dpi: float) -> None:
    """Words Tesseract made up of two lines, read again alone: a table's header cell set in
    tight lines ("Ödeshög / kommun / totalt") comes out as one word as tall as two lines,
    read unsurely ("kORShög"). Read alone, its lines are found; it is replaced by their words
    when each is read surely."""
    usual = _usual_height(data)
    if usual is None:
        return
    tall = _STACKED * usual
    # Words read unsurely or boxed as tall as two lines are suspect; those both are stacked.
    suspect = [
        i
        for i, text in enumerate(data["text"])
        if text.strip()
        and float(data["conf"][i]) >= 0
        and (float(data["conf"][i]) < _SURE_MISSED or data["height"][i] > tall)
    ]
    stacked = {
        i for i in suspect if float(data["conf"][i]) < _SURE_MISSED and data["height"][i] > tall
    }
    if not stacked:
        return
    # A label wrapped over two lines beside its row's cells comes out as a line of such words
    # ("Acer reg emensaiagnos" for "Andel med demensdiagnos i" over "särskilt boende"): each
    # cut alone would halve the other line's words, so neighbours on a line are read as one
    # piece, grown over unread ink that goes on within a word space (the lines' ends differ).
    # Suspect words between them are of the same garble ("bet to med fått" for the middle of
    # "kan rekrytera och" over "medarbetare med rätt"): a cut at one would halve a word.
    runs_: list[list[int]] = []
    for i in suspect:
        last = runs_[-1][-1] if runs_ else None
        if last is not None and (_line_key(data, i), data["word_num"][i]) == (
            _line_key(data, last),
            data["word_num"][last] + 1,
        ):
            runs_[-1].append(i)
        else:
            runs_.append([i])
    groups: list[list[int]] = []
    for run in runs_:
        ends = [place for place, i in enumerate(run) if i in stacked]
        if ends:
            groups.append(run[ends[0] : ends[-1] + 1])
    grouped = {i for group in groups for i in group}
    # Ink another word was read from is that word's, not a lost end of these lines.
    free = pixels < INK
    for i, text in enumerate(data["text"]):
        if text.strip() and float(data["conf"][i]) >= 0 and i not in grouped:
            top, left = data["top"][i], data["left"][i]
            free[top : top + data["height"][i], left : left + data["width"][i]] = False
    space = round(4 * dpi / _POINTS)
    boxes = [
        _grown(
            free,
            (
                min(data["left"][i] for i in group),
                min(data["top"][i] for i in group),
                max(data["left"][i] + data["width"][i] for i in group),
                max(data["top"][i] + data["height"][i] for i in group),
            ),
            space,
        )
        for group in groups
    ]
    pad = max(2, round(dpi / 100))
    for slot, words in _read_cut(pixels, boxes, pad, round(tall)).items():
        lines = set(zip(words["block_num"], words["par_num"], words["line_num"], strict=True))
        # Taken when its words are all read surely, or each more surely than any word of the
        # garble it replaces ("Mäta svarstider i" / "kvanal." for "a a Svarsider", read at
        # 9, 30 and 34): the word still unsure is left so.
        least = min(float(c) for c in words["conf"])
        if len(lines) < 2 or least < min(
            _SURE_MISSED, max(float(data["conf"][i]) for i in groups[slot]) + 1
        ):
            continue
        for i in groups[slot]:
            data["text"][i], data["conf"][i] = "", -1
        _add_read(data, words, sure=False)


def _grown(
    ink: np.ndarray, box: tuple[int, int, int, int], space: int
) -> tuple[int, int, int, int]:
    """The box (left, top, right, bottom) widened, in its rows, over the ink that goes on no
    more than `space` pixels from either side."""
    left, top, right, bottom = box
    rows = ink[top:bottom]
    while (inked := np.flatnonzero(rows[:, right : right + space].any(axis=0))).size:
        right += int(inked[-1]) + 1
    while (inked := np.flatnonzero(rows[:, max(0, left - space) : left].any(axis=0))).size:
        left = max(0, left - space) + int(inked[0])
    return left, top, right, bottom


def _flat(pixels: np.ndarray, box: tuple[int, int, int, int]) -> bool:
    """Whether the ink in the box (left, top, right, bottom) is a bar at least twice as wide
    as thick: a dash."""
    left, top, right, bottom = box
    ink = pixels[top:bottom, left:right] < INK
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return bool(rows.size) and cols[-1] + 1 - cols[0] >= 2 * (rows[-1] + 1 - rows[0])


def _read_apart(pixels: np.ndarray, data: dict[str, list], dpi: float) -> None:
    """Words read unsurely whose ink lies apart, further than a word space, read again piece
    by piece: Tesseract reads a line of cells beside a wrapped label as one line of garble and
    may box two cells as one word ("OR" over "–" and "61%"). The word is replaced by what is
    read in its pieces when all of it is read surely; a dash read as nothing is found later
    (_add_unread_dashes)."""
    space = round(6 * dpi / _POINTS)  # wider than a word space, narrower than a column gap
    apart: list[int] = []
    boxes: list[list[tuple[int, int, int, int]]] = []
    for index, text in enumerate(data["text"]):
        if not text.strip() or not 0 <= float(data["conf"][index]) < _SURE_MISSED:
            continue
        top, left = data["top"][index], data["left"][index]
        bottom = top + data["height"][index]
        inked = (pixels[top:bottom, left : left + data["width"][index]] < INK).any(axis=0)
        pieces: list[list[int]] = []
        for start, end in runs(inked):
            if pieces and start - pieces[-1][1] <= space:
                pieces[-1][1] = end
            else:
                pieces.append([start, end])
        if len(pieces) > 1:
            apart.append(index)
            boxes.append([(left + a, top, left + b, bottom) for a, b in pieces])
    if not apart:
        return
    flat = [box for pieces in boxes for box in pieces]
    owner = [slot for slot, pieces in enumerate(boxes) for _ in pieces]
    read: dict[int, list[dict[str, list]]] = {}
    cut = _read_cut(pixels, flat, max(2, round(dpi / 100)), space)
    for piece, words in cut.items():
        read.setdefault(owner[piece], []).append(words)
    # A piece read as nothing must be a dash: where a word's main ink reads as nothing, a
    # speck beside it read as "o" is no reading of the word.
    unread = {owner[p] for p, box in enumerate(flat) if p not in cut and not _flat(pixels, box)}
    for slot, found in read.items():
        if slot in unread or any(
            float(c) < _SURE_MISSED for words in found for c in words["conf"]
        ):
            continue
        index = apart[slot]
        data["text"][index], data["conf"][index] = "", -1
        for words in found:
            _add_read(data, words)


_OVERLAP = 0.2  # of the narrower word's width: words of the print overlap by a pixel or two
_LETTER_GAP = 1.5  # points: wider than the gap between letters, narrower than a word space


def _read_overlapping(pixels: np.ndarray, data: dict[str, list], dpi: float) -> None:
    """Words whose boxes overlap, read again as one: a cell centred between the two lines of
    the label beside it ("Delvis uppfyllt" beside "… dialog och / delaktighet …") is read
    into both lines Tesseract makes of them, part of a word in each ("Del" and "elvis",
    "Fört" and "örbättrad"), or an unsure word made of the ascenders of one ("or" over
    "kommunens"). No two words of the print overlap: such words, read alone as one piece,
    are replaced by what is read surely, when all that is read inside the piece is."""
    indices = [
        i for i, text in enumerate(data["text"]) if text.strip() and float(data["conf"][i]) >= 0
    ]
    group = {i: i for i in indices}
    letter_gap = _LETTER_GAP * dpi / _POINTS

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    def overlap(a: int, b: int) -> bool:
        width = min(data["left"][a] + data["width"][a], data["left"][b] + data["width"][b])
        width -= max(data["left"][a], data["left"][b])
        height = min(data["top"][a] + data["height"][a], data["top"][b] + data["height"][b])
        height -= max(data["top"][a], data["top"][b])
        narrower = min(data["width"][a], data["width"][b])
        lower = min(data["height"][a], data["height"][b])
        if height < 0.5 * lower:
            return False
        # Words of two lines on the same rows, closer than a word space: one word whose
        # letters Tesseract dealt out to both lines.
        touching = -width <= letter_gap and _line_key(data, a) != _line_key(data, b)
        return width >= max(3, _OVERLAP * narrower) or touching

    for position, a in enumerate(indices):
        for b in indices[position + 1 :]:
            if overlap(a, b):
                group[root(b)] = root(a)
    clusters: dict[int, list[int]] = {}
    for i in indices:
        clusters.setdefault(root(i), []).append(i)
    joined = [members for members in clusters.values() if len(members) > 1]
    if not joined:
        return
    boxes = [
        (
            min(data["left"][i] for i in members),
            min(data["top"][i] for i in members),
            max(data["left"][i] + data["width"][i] for i in members),
            max(data["top"][i] + data["height"][i] for i in members),
        )
        for members in joined
    ]
    gap = max(box[3] - box[1] for box in boxes)
    for slot, words in _read_cut(pixels, boxes, max(2, round(dpi / 100)), gap).items():
        # A piece read unsurely at the cut's side is a part of the word beside it, cut off.
        left, _, right, _ = boxes[slot]
        sure = [
            float(c) >= _SURE_MISSED
            for c, x, width in zip(words["conf"], words["left"], words["width"], strict=True)
            if float(c) >= _SURE_MISSED or (left < x and x + width < right)
        ]
        if not sure or not all(sure):
            continue
        for i in joined[slot]:
            data["text"][i], data["conf"][i] = "", -1
        _add_read(data, words)


_DOUBLE = 0.4  # share of the smaller box that two readings of the same ink share, or more


def _drop_double_readings(data: dict[str, list]) -> None:
    """A word boxed over ink that words of other lines, read more surely (or as surely and
    wider), were read from already is dropped: Tesseract now and then makes up a line of the
    tops or feet of a line's letters ("Följ kundnöjdheten m nk" over "Följa upp kundnöjdheten
    med en kort enkät", "0" over the ascenders of "Delaktiga invånare"), where a cell set
    lower than the others tilts the line it fits."""
    read = [
        i for i, text in enumerate(data["text"]) if text.strip() and float(data["conf"][i]) >= 0
    ]
    box = {
        i: (
            data["left"][i],
            data["top"][i],
            data["left"][i] + data["width"][i],
            data["top"][i] + data["height"][i],
        )
        for i in read
    }
    rank = {i: (float(data["conf"][i]), data["width"][i]) for i in read}
    # A box as tall as two lines ("medier" boxed over the line above it too, its leading too
    # tight for `_to_ink` to part them) shares the other line's ink: it is no witness.
    heights = [box[i][3] - box[i][1] for i in read]
    tall = _STACKED * float(np.median(heights)) if heights else 0.0
    by_top = sorted(read, key=lambda i: box[i][1])
    tops = [box[i][1] for i in by_top]
    tallest = max((b[3] - b[1] for b in box.values()), default=0)
    dropped = []
    for i in read:
        left, top, right, bottom = box[i]
        shared = 0
        for j in by_top[bisect_left(tops, top - tallest) : bisect_left(tops, bottom)]:
            if (
                rank[j] <= rank[i]
                or _line_key(data, i) == _line_key(data, j)
                or box[j][3] - box[j][1] > tall
            ):
                continue
            across = min(right, box[j][2]) - max(left, box[j][0])
            down = min(bottom, box[j][3]) - max(top, box[j][1])
            shared += max(0, across) * max(0, down)
        if shared >= _DOUBLE * (right - left) * (bottom - top) > 0:
            dropped.append(i)
    for i in dropped:
        data["text"][i] = ""


_MARK_GAP = 0.04  # inches: an i's dot or a ring stands this close over its letter, or closer


def _word_box(pixels: np.ndarray, data: dict[str, list], index: int) -> np.ndarray:
    """The pixels of a word's box as Tesseract gave it."""
    top, left = data["top"][index], data["left"][index]
    return pixels[top : top + data["height"][index], left : left + data["width"][index]]


def _to_ink(pixels: np.ndarray, data: dict[str, list], dpi: float) -> None:
    """Each word's box cut to the rows its ink fills: Tesseract now and then boxes a word as
    tall as the line it made up of two (an 'i' boxed 18 pt tall over a heading and the text
    beside it), which sets it on no line. The word's ink is its largest run of inked rows with
    the dots and accents close over it; a letter's descender reaching in from the line above
    and the next line's ascenders under it are left out."""
    gap = _MARK_GAP * dpi
    cut_off: list[tuple[int, int, int, int]] = []
    for index, text in enumerate(data["text"]):
        if not text.strip() or float(data["conf"][index]) < 0:
            continue
        top, left = data["top"][index], data["left"][index]
        box = _word_box(pixels, data, index)
        inked = runs((box < INK).any(axis=1))
        if not inked:
            continue
        # Dots and accents stand over their letters: the runs close above the largest are the
        # word's, not another line as tall as a line's letters, however close. None below it
        # is, a descender hangs from its letter: ink a blank row or more under the word is the
        # next line's ascenders ("vid" under "planprogram").
        largest = max(range(len(inked)), key=lambda i: int((box[slice(*inked[i])] < INK).sum()))
        start, end = inked[largest]
        for above_start, above_end in reversed(inked[:largest]):
            if start - above_end > gap or above_end - above_start >= _LINE_PART * (end - start):
                break
            start = above_start
        data["top"][index], data["height"][index] = top + start, end - start
        # Ink as tall as a line's, cut off: a line Tesseract took into the word unread (a
        # header's '%' set under its 'Förändring').
        for a, b in inked:
            if (b <= start or a >= end) and b - a >= _LINE_PART * (end - start):
                xs = np.flatnonzero((box[a:b] < INK).any(axis=0))
                # Not a stroke upright alone (a rule's stub, a letter's stem).
                if xs[-1] + 1 - xs[0] >= _LINE_PART * (b - a):
                    cut_off.append((left + int(xs[0]), top + a, left + int(xs[-1]) + 1, top + b))
    _read_cut_off(pixels, data, cut_off, dpi)


_LINE_PART = 0.5  # of a word's ink's height: ink cut off from it this tall is a line's


def _read_cut_off(
    pixels: np.ndarray, data: dict[str, list], boxes: list[tuple[int, int, int, int]], dpi: float
) -> None:
    """Lines of ink cut off from words' boxes read alone, where no other word was read from
    them: each kept when read surely, or as a per cent sign where its ink shows one (the
    Swedish model knows none)."""
    boxes = [
        box
        for box in boxes
        if not any(
            data["text"][i].strip()
            and float(data["conf"][i]) >= 0
            and data["left"][i] < box[2]
            and box[0] < data["left"][i] + data["width"][i]
            and data["top"][i] < box[3]
            and box[1] < data["top"][i] + data["height"][i]
            for i in range(len(data["text"]))
        )
    ]
    if not boxes:
        return
    read = _read_cut(pixels, boxes, max(2, round(dpi / 100)), max(b[3] - b[1] for b in boxes))
    for slot, (left, top, right, bottom) in enumerate(boxes):
        words = read.get(slot)
        if words and all(float(c) >= _SURE_MISSED for c in words["conf"]):
            _add_read(data, words)
        elif len(columns(ink := pixels[top:bottom, left:right])) == 1 and per_cent_sign(ink):
            sign = {key: [0] for key in data}
            sign.update(text=["%"], conf=[_SURE_MISSED], left=[left], top=[top])
            sign.update(width=[right - left], height=[bottom - top])
            _add_read(data, sign)


_FIGURES = "0123456789%.,"
_FIGURE = re.compile(r"^\d{1,3}(?:[.,]\d{1,2})?%?$")
_FOUR_DIGITS = re.compile(r"^\d{4}$")  # a year, or a count set without a thousands space
# Figures the Swedish model reads as letters or signs: "15" as "IS", "55" as "SS", "77" as
# "TT", "44" as "AA"; and a thin "1" as "|", when it is as tall as the numbers.
_LOOKALIKE = re.compile(r"^[AIOSBTZ|\"'!]{2,4}$")
_MISREAD_FIGURE = re.compile(r"^[\dAIOSBTZ|\"'!.,]+$")  # "1S", '1"': not "-4,8" or "2018:"
UNSURE_FIGURE = 60  # Tesseract's confidence (0–100) below which a figure is read again
# A number read in place of look-alike letters, which are surely wrong beside figures, may
# be read less surely.
LOOKALIKE_FIGURE = 30
_FIGURE_EM = 0.72  # a digit's height in ems of its font
_MAX_SIGN_MISREAD = 3  # "%" read by the Swedish model: "4", "240", "KX", "/o"
_SIGN_WORD = re.compile(r"^\(?[^\s()]{1,4}\)?$")  # "%" after a word: "96", "(9260)", "Yo"
_NOT_A_SIGN = "-–—+.,:;()"  # marks of words and numbers, none a misread per cent sign


def _reread_figures(pixels: np.ndarray, data: dict[str, list], dpi: float) -> None:
    """Figures read again, each alone and with nothing but figures allowed.

    Those Tesseract read unsurely ("8 %" as "84") keep their new reading when it is a number
    read more surely, and its digits are as many as the ink shows. And every figure, a word
    of look-alike letters among figures ("15" read as "IS"), and a short word after a figure,
    is read by the English model too. The Swedish one does not know the per cent sign ("62 %"
    comes out as "62 4", "62 240" or "62 KX", surely), the English one does, but misreads å,
    ä and ö, so only a per cent sign is taken from it, a number's or one standing after a
    number; and a number it reads surely, where the Swedish reading has letters in it or
    digits the ink does not show ("72" read as "172", "11" as "1"), and the English one has
    as many as it shows. (Its digits alone are no better: it reads "2.3" as "23".) A sign in
    a header ('Andel %', 'Förändring %') follows a word: there the Swedish model makes a
    figure it is unsure of ('Andel 20') or a short run of marks ('/o', '"Ao') of it."""
    figures = [i for i, text in enumerate(data["text"]) if any(ch.isdigit() for ch in text)]
    after = _after_figures(data)
    lookalikes = [
        i
        for i, text in enumerate(data["text"])
        if (_LOOKALIKE.match(text.strip()) or (text.strip() == "|" and _figure_tall(data, i)))
        and _among_figures(data, i)
    ]
    marks = {
        i
        for i, text in enumerate(data["text"])
        if 0 < len(text.strip()) <= _MAX_SIGN_MISREAD
        and any(not ch.isalnum() and ch not in _NOT_A_SIGN for ch in text.strip())
    }
    unsure = [i for i in figures if 0 <= float(data["conf"][i]) < UNSURE_FIGURE]
    first = {i: (data["text"][i].strip(), float(data["conf"][i])) for i in unsure}
    for index, (text, confidence) in _read_alone(pixels, data, unsure, dpi, LANGUAGE).items():
        if (
            _FIGURE.match(text)
            and confidence > float(data["conf"][index])
            and not _fewer_fit(pixels, data, index, text)
        ):
            data["text"][index], data["conf"][index] = text, confidence
    again = sorted(after.union(figures, lookalikes, marks))

    def english(indices: list[int], signs_only: bool = False) -> None:
        for index, (text, confidence) in _read_alone(pixels, data, indices, dpi, "eng").items():
            old = data["text"][index].strip()
            misread = index in after or index in marks or float(data["conf"][index]) < UNSURE_FIGURE
            box = _word_box(pixels, data, index)
            # Read unsurely, the sign stands where the ink shows one.
            sign = text == "%" and misread and (confidence >= UNSURE_FIGURE or per_cent_sign(box))
            if "%" in text and "%" not in old and (_FIGURE.match(text) or sign):
                number, minus = text.rstrip("%"), ""
                # '62 4': the '4' was the sign; '84' from '8 %': the number and its sign, a
                # space apart or not as the ink shows. A minus the Swedish model read before
                # the number ("-3H" for "- 3 %") is kept, apart from it or not as the ink
                # shows.
                if number:
                    signed = (
                        after_sign(box)
                        if old.startswith(("-", "–")) and number[0].isdigit()
                        else None
                    )
                    if signed is not None:
                        box, minus = box[:, signed[0] :], "- " if signed[1] else "-"
                    apart = sign_apart(box, sum(ch.isdigit() for ch in number))
                    number += " " if apart else ""
                data["text"][index] = f"{minus}{number}%"
                data["conf"][index] = min(confidence, float(data["conf"][index]))
            elif not signs_only and _english_figure(pixels, data, index, text, confidence):
                if index in first and first[index][0] != data["text"][index]:
                    # Three readings, none agreeing ("7" read alone as "2" and "5"): the one
                    # in its line stands, as unsure as it was.
                    text, confidence = first[index]
                data["text"][index] = text
                data["conf"][index] = min(confidence, float(data["conf"][index]))

    english(again)
    # A sign after a figure the English model read ("1712 Yo" for "72 %"), read too.
    after = _after_figures(data)
    if later := sorted(after - set(again)):
        english(later)
    _sign_after_word(pixels, data, dpi)
    _unread_sign_after_word(pixels, data, dpi)
    # A sign Tesseract read no word of ("61" for "61 %"): the figure read with it.
    widths = {i: data["width"][i] for i in figures}
    unread = {i: w for i in figures if (w := _unread_sign(pixels, data, i)) is not None}
    for index, width in unread.items():
        data["width"][index] = width
    english(sorted(unread), signs_only=True)
    for index in unread:
        if "%" not in data["text"][index]:
            data["width"][index] = widths[index]
    for index in lookalikes:
        if data["text"][index].strip() == "|":
            # A thin "1" neither model reads alone (a border would be taller or shorter): a
            # guess, left unsure.
            data["text"][index] = "1"
            data["conf"][index] = min(UNSURE_FIGURE, float(data["conf"][index]))


def _sign_after_word(pixels: np.ndarray, data: dict[str, list], dpi: float) -> None:
    """A per cent sign ending a label ('Förändring %', 'Andel kvinnor (%)'), which the Swedish
    model reads surely as a figure or a letter or two ("96", "(9260)", "Yo", "N"), read by the
    English one: where it reads the sign surely and the ink shows one, the sign is taken, in
    the brackets read. A word of lower-case letters alone ('och') is a word."""
    words = [
        i
        for i in range(1, len(data["text"]))
        if _line_key(data, i - 1) == _line_key(data, i)
        and any(ch.isalpha() for ch in data["text"][i - 1])
        and _SIGN_WORD.match(text := data["text"][i].strip())
        and "%" not in text
        and not text.strip("()").islower()
    ]
    for index, (text, confidence) in _read_alone(
        pixels, data, words, dpi, "eng", _FIGURES + "()"
    ).items():
        old = data["text"][index].strip()
        opened, closed = old.startswith("("), old.endswith(")")
        box = _word_box(pixels, data, index)
        box = within_brackets(box, opened, closed)
        # The English model reads a "96" now and then as the sign, too: the ink must show one.
        if text.strip("()") == "%" and confidence >= UNSURE_FIGURE and per_cent_sign(box):
            data["text"][index] = "(" * opened + "%" + ")" * closed
            data["conf"][index] = min(confidence, float(data["conf"][index]))


def _after_figures(data: dict[str, list]) -> set[int]:
    """The short words after a figure in its line, signed or not ("+4,0 Ya"): a per cent
    sign, misread."""
    return {
        i
        for i in range(1, len(data["text"]))
        if _line_key(data, i - 1) == _line_key(data, i)
        and _FIGURE.match(data["text"][i - 1].strip().lstrip("+-–−"))
        and 0 < len(data["text"][i].strip()) <= _MAX_SIGN_MISREAD
    }


def _unread_sign(pixels: np.ndarray, data: dict[str, list], index: int) -> int | None:
    """The width a figure's box takes in with the ink of a sign after it that Tesseract read
    no word of. None when there is none."""
    text = data["text"][index].strip()
    if not _FIGURE.match(text) or "%" in text:
        return None
    mark = _unread_mark(pixels, data, index, data["height"][index] / _FIGURE_EM)
    return None if mark is None else data["width"][index] + mark[1]


_DESCENDERS = frozenset("gjpqy")


def _unread_sign_after_word(pixels: np.ndarray, data: dict[str, list], dpi: float) -> None:
    """A per cent sign ending a label that Tesseract read no word of ('Andel %' read as
    'Andel', its sign lost when the page is read in a band): read alone by the English model,
    it is added to the label's line where it reads surely as the sign and its ink shows one."""
    found = []
    for index, text in enumerate(data["text"]):
        if float(data["conf"][index]) < 0 or not text.strip()[-1:].isalpha():
            continue
        # A word's box is as high as its capitals, or down to its descenders.
        em = data["height"][index] / (0.95 if _DESCENDERS & set(text) else _FIGURE_EM)
        if (mark := _unread_mark(pixels, data, index, em)) is not None:
            found.append((index, mark))
    if not found:
        return
    marks: dict[str, list] = {key: [data[key][i] for i, _ in found] for key in data}
    for n, (index, (start, end)) in enumerate(found):
        marks["left"][n] = data["left"][index] + data["width"][index] + start
        marks["width"][n] = end - start
    readings = _read_alone(pixels, marks, list(range(len(found))), dpi, "eng", "%")
    for n, (text, confidence) in readings.items():
        if (
            text == "%"
            and confidence >= UNSURE_FIGURE
            and per_cent_sign(_word_box(pixels, marks, n))
        ):
            for key in data:
                data[key].append(marks[key][n])
            data["text"][-1] = "%"
            data["conf"][-1] = min(confidence, float(data["conf"][found[n][0]]))


def _unread_mark(
    pixels: np.ndarray, data: dict[str, list], index: int, em: float
) -> tuple[int, int] | None:
    """The ink of a sign after a word that Tesseract read no word of, in pixels from the
    word's right edge: a mark about as tall as figures, as wide as a sign, a space apart or
    closer, before any word read. None when there is none."""
    top, left = data["top"][index], data["left"][index]
    height, right = data["height"][index], left + data["width"][index]
    bottom = top + height
    limit = min(
        [right + round(1.7 * em), pixels.shape[1]]
        + [
            data["left"][i]
            for i, word in enumerate(data["text"])
            if word.strip()
            and float(data["conf"][i]) >= 0
            and data["left"][i] >= right
            and data["top"][i] < bottom
            and top < data["top"][i] + data["height"][i]
        ]
    )
    ink = pixels[top:bottom, right:limit] < INK
    # The figure's own ink may reach past its box by a pixel or two (a "1"'s foot).
    pieces = [(a, b) for a, b in runs(ink.any(axis=0)) if a > 0 or b - a > 0.2 * em]
    if not pieces or pieces[0][0] > 0.6 * em:
        return None
    start, end = pieces[0]
    for a, b in pieces[1:]:
        if a - end > 0.1 * em:
            break
        end = b
    rows = np.flatnonzero(ink[:, start:end].any(axis=1))
    if not 0.35 * em <= end - start <= 1.0 * em or rows[-1] + 1 - rows[0] < 0.6 * _FIGURE_EM * em:
        return None
    return start, end


def _english_figure(
    pixels: np.ndarray, data: dict[str, list], index: int, text: str, confidence: float
) -> bool:
    """Whether the English model's reading of a word as a number (no per cent sign) is the
    better one: where the Swedish reading has letters ("IS"), or more or fewer digits than
    the ink shows, while it has as many; or where both have the same shape ("7.3" and "1.3",
    "7" and "2") and it is the surer."""
    old = data["text"][index].strip()
    if _FOUR_DIGITS.match(text) and _FIGURE.match(old):
        # A header's year with a digit lost ('2022' read as '202'): only the ink's count of
        # digits decides, never the readings' confidence.
        return confidence >= UNSURE_FIGURE and _fewer_fit(pixels, data, index, old, text)
    if not _FIGURE.match(text) or "%" in text + old or text == old:
        return False
    if not _FIGURE.match(old):
        return (
            bool(_MISREAD_FIGURE.match(old))
            and confidence >= LOOKALIKE_FIGURE
            and _fewer_fit(pixels, data, index, old, text)
        )
    ones = _ones_drawn(pixels, data, index, text)
    if ones is not None:
        return ones
    if _shape(text) == _shape(old):
        return confidence > float(data["conf"][index])
    return confidence >= UNSURE_FIGURE and _fewer_fit(pixels, data, index, old, text)


def _ones_drawn(pixels: np.ndarray, data: dict[str, list], index: int, text: str) -> bool | None:
    """Where the word as read and `text` part on a "1" against a "7" only (a decimal point
    against a comma aside: the ink decides it, glyphs.as_drawn), whether the ink shows
    `text`'s: a "7" has a bar across its top, a "1" a narrow flag. None where they part
    otherwise, or its digits cannot be told apart in the ink."""
    old, new = (re.sub(r"\D", "", t) for t in (data["text"][index], text))
    shapes = {re.sub(r"\d", "0", t).replace(".", ",") for t in (data["text"][index].strip(), text)}
    parted = [i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b]
    if len(shapes) > 1 or not parted or any({old[i], new[i]} != {"1", "7"} for i in parted):
        return None
    narrow = narrow_tops(_word_box(pixels, data, index))
    if narrow is None or len(narrow) != len(new):
        return None
    return all(narrow[i] == (new[i] == "1") for i in parted)


def _shape(figure: str) -> str:
    return re.sub(r"\d", "0", figure)


def _among_figures(data: dict[str, list], index: int) -> bool:
    """Whether a word stands alone in its line, or beside a figure."""
    key = _line_key(data, index)
    line = [i for i, text in enumerate(data["text"]) if text.strip() and _line_key(data, i) == key]
    place = line.index(index)
    beside = line[max(0, place - 1) : place] + line[place + 1 : place + 2]
    return not beside or any(_FIGURE.match(data["text"][i].strip()) for i in beside)


def _figure_tall(data: dict[str, list], index: int) -> bool:
    """Whether a word's box is as tall as the page's numbers: a thin "1" read as "|", not a
    table border's end (taller or shorter)."""
    heights = [
        data["height"][i] for i, text in enumerate(data["text"]) if _FIGURE.match(text.strip())
    ]
    if not heights:
        return False
    return abs(data["height"][index] / float(np.median(heights)) - 1) < 0.15


def _fewer_fit(
    pixels: np.ndarray, data: dict[str, list], index: int, text: str, other: str = ""
) -> bool:
    """Whether the word's `text` has letters in it, or more or fewer digits than its ink
    shows, while `other` (the word as read, when not given) has as many."""
    other = other or data["text"][index].strip()
    box = _word_box(pixels, data, index)
    shown = digit_count(box)
    if shown is None:
        return False

    def fits(reading: str) -> bool:
        number = _FIGURE.match(reading) or _FOUR_DIGITS.match(reading)
        return bool(number) and sum(ch.isdigit() for ch in reading) == shown

    return fits(other) and not fits(text)


def _read_alone(
    pixels: np.ndarray,
    data: dict[str, list],
    indices: list[int],
    dpi: float,
    language: str,
    allowed: str = _FIGURES,
) -> dict[int, tuple[str, float]]:
    """The given words read again, each cut out alone with nothing but the `allowed` marks
    (figures); all in one call, one below the other. Each word's new text and confidence, when
    it has one."""
    if not indices:
        return {}
    pad = max(2, round(dpi / 50))
    crops = []
    for index in indices:
        top, left = data["top"][index], data["left"][index]
        bottom, right = top + data["height"][index], left + data["width"][index]
        # A minus before the digits is measured (as_drawn), not read: with it, Tesseract reads
        # the digits at no confidence ("-0,1" as "0,1", surely without it).
        start = minus_end(pixels[top:bottom, left:right])
        start = max(0, left - pad) if start is None else left + start
        crops.append(pixels[max(0, top - pad) : bottom + pad, start : right + pad])
    gap = max(crop.shape[0] for crop in crops)
    sheet = np.full(
        (sum(c.shape[0] + gap for c in crops) + gap, max(c.shape[1] for c in crops) + 2 * gap),
        255,
        np.uint8,
    )
    tops = []
    y = gap
    for crop in crops:
        sheet[y : y + crop.shape[0], gap : gap + crop.shape[1]] = crop
        tops.append(y)
        y += crop.shape[0] + gap
    again = pytesseract.image_to_data(
        Image.fromarray(sheet),
        lang=language,
        config=f"--psm 6 -c tessedit_char_whitelist={allowed}",
        output_type=pytesseract.Output.DICT,
    )
    readings: dict[int, list[tuple[int, str, float]]] = {}
    for position, text in enumerate(again["text"]):
        middle = again["top"][position] + again["height"][position] / 2
        slot = next((i for i, t in enumerate(tops) if t <= middle < t + crops[i].shape[0]), None)
        if text.strip() and slot is not None:
            readings.setdefault(slot, []).append(
                (again["left"][position], text.strip(), float(again["conf"][position]))
            )
    return {
        indices[slot]: ("".join(t for _, t, _ in sorted(words)), min(c for *_, c in words))
        for slot, words in readings.items()
    }


LineKey = tuple[int, int, int]  # Tesseract's block, paragraph and line numbers


_PARTED = 0.5  # of a line's usual word space: a blank narrower than this parts letters


def _join_parted(pixels: np.ndarray, data: dict[str, list]) -> None:
    """Two words of a line made one where the ink between them leaves a blank much narrower
    than the line's word spaces and they spell a word together: Tesseract parts a word at a
    wide gap between two letters ("genom fört" for "genomfört", its "mf" kerned apart). Its
    boxes cut a word's last letter short now and then, so the blank is measured in the ink
    from the middle of one word to the middle of the next."""
    lines: dict[LineKey, list[int]] = {}
    for index, text in enumerate(data["text"]):
        if text.strip() and float(data["conf"][index]) >= 0:
            lines.setdefault(_line_key(data, index), []).append(index)
    sizes = _line_sizes(data)
    for key, members in lines.items():
        pairs = list(itertools.pairwise(members))
        blanks = [_blank_between(pixels, data, a, b) for a, b in pairs]
        for at, (first, second) in enumerate(pairs):
            # The line's word spaces: not the gaps between its cells, wider than an em.
            spaces = [b for b in blanks[:at] + blanks[at + 1 :] if b < sizes.get(key, 0.0)]
            one, two = data["text"][first].strip(), data["text"][second].strip()
            if (
                len(spaces) >= 2
                and blanks[at] < _PARTED * float(np.median(spaces))
                and one[-1:].isalpha()
                and two.isalpha()
                and two.islower()
                and lexicon.spelled(one + two)
            ):
                right = data["left"][second] + data["width"][second]
                bottom = max(data["top"][i] + data["height"][i] for i in (first, second))
                data["text"][first] = one + two
                data["conf"][first] = min(float(data["conf"][i]) for i in (first, second))
                data["top"][first] = min(data["top"][first], data["top"][second])
                data["width"][first] = right - data["left"][first]
                data["height"][first] = bottom - data["top"][first]
                data["text"][second], data["conf"][second] = "", -1


def _blank_between(pixels: np.ndarray, data: dict[str, list], first: int, second: int) -> int:
    """The widest blank in the ink from the middle of one word's box to the middle of the
    next, in the rows both boxes span."""
    top = max(data["top"][first], data["top"][second])
    bottom = min(data["top"][i] + data["height"][i] for i in (first, second))
    left = data["left"][first] + data["width"][first] // 2
    right = data["left"][second] + data["width"][second] // 2
    if bottom <= top or right <= left:
        return 0
    inked = runs((pixels[top:bottom, left:right] < INK).any(axis=0))
    return max((b[0] - a[1] for a, b in itertools.pairwise(inked)), default=0)


def _line_key(data: dict[str, list], index: int) -> LineKey:
    return data["block_num"][index], data["par_num"][index], data["line_num"][index]


_SIGN_GAP = 0.5  # ems: a sign stands a word space (0.25–0.35 em) or less before its figures


def _before_figure(data: dict[str, list], index: int, em: float) -> bool:
    """Whether a word of the same line starting with a figure follows the word within a word
    space: a dash so set is the figure's sign, not an empty cell's dash a column gap away."""
    end, key = data["left"][index] + data["width"][index], _line_key(data, index)
    return any(
        text.strip()[:1].isdigit()
        and float(data["conf"][i]) >= 0
        and _line_key(data, i) == key
        and data["left"][index] < data["left"][i] <= end + _SIGN_GAP * em
        for i, text in enumerate(data["text"])
    )


UNREAD_DASH = 60  # the confidence (0–100) of a dash found in the ink, not read


def _add_unread_dashes(pixels: np.ndarray, data: dict[str, list], sizes: dict) -> None:
    """Dashes Tesseract left out, added as words: a lone dash in a table's cell (an empty
    cell's "–") is often not read at all. A dash is a thin bar of ink at the height of a
    dash in a line read, beside none of its words, alone between blanks."""
    found: dict[tuple[int, int], tuple[LineKey, int, int]] = {}
    boxes = [
        (data["left"][i], data["top"][i], data["width"][i], data["height"][i])
        for i, text in enumerate(data["text"])
        if text.strip()
    ]
    lines: dict[LineKey, list[int]] = {}
    for index, text in enumerate(data["text"]):
        if text.strip():
            lines.setdefault(_line_key(data, index), []).append(index)
    for key, members in lines.items():
        em = sizes.get(key)
        if not em:
            continue
        top = int(np.median([data["top"][i] for i in members]))
        bottom = int(np.median([data["top"][i] + data["height"][i] for i in members]))
        if bottom - top < 0.4 * em:
            continue
        band = pixels[top:bottom] < INK
        covered = np.zeros(band.shape[1], dtype=bool)
        for left, box_top, width, height in boxes:
            if box_top < bottom and top < box_top + height:
                covered[max(0, left - 2) : left + width + 2] = True
        ink = band.any(axis=0)
        for left, right in runs(ink):
            if covered[left:right].any() or not 0.2 * em <= right - left <= 1.2 * em:
                continue
            rows = np.flatnonzero(band[:, left:right].any(axis=1))
            thick = rows[-1] + 1 - rows[0]
            middle = (rows[0] + rows[-1] + 1) / 2
            if thick <= max(2, 0.15 * em) and 0.3 <= middle / (bottom - top) <= 0.85:
                found[left, top + int(rows[0])] = (key, right - left, int(thick))
    for (left, top), (key, width, height) in found.items():  # one dash of several lines
        for name, value in (
            ("text", "–"), ("conf", UNREAD_DASH), ("left", left), ("top", top),
            ("width", width), ("height", height), ("block_num", key[0]), ("par_num", key[1]),
            ("line_num", key[2]),
        ):  # fmt: skip
            data[name].append(value)
        for values in data.values():
            if len(values) < len(data["text"]):
                values.append(0)


def _add_unread_periods(pixels: np.ndarray, data: dict[str, list], sizes: dict) -> None:
    """A full stop Tesseract left off a word's end ('kvartal' for 'kvartal.' at the end of a
    cell), added to the word: a small solid dot on the baseline of the word's last letter,
    right after it, with no more ink beside it before the next word."""
    lefts = sorted((data["left"][i], i) for i, t in enumerate(data["text"]) if t.strip())
    for index, text in enumerate(data["text"]):
        text = text.strip()
        em = sizes.get(_line_key(data, index))
        if not em or float(data["conf"][index]) < 0 or not text[-1:].isalpha() or text[-1] in _LOW:
            continue
        top, left = data["top"][index], data["left"][index]
        bottom, right = top + data["height"][index], left + data["width"][index]
        last = pixels[top:bottom, max(left, right - round(0.25 * em)) : right] < INK
        inked = np.flatnonzero(last.any(axis=1))
        if not inked.size:
            continue
        baseline = top + int(inked[-1]) + 1
        after = next(
            (x for x, i in lefts if x >= right and _line_key(data, i) == _line_key(data, index)),
            pixels.shape[1],
        )
        limit = min(right + round(0.6 * em), after, pixels.shape[1])
        band = pixels[baseline - round(0.5 * em) : baseline + round(0.1 * em), right:limit] < INK
        pieces = runs(band.any(axis=0))
        if len(pieces) != 1 or pieces[0][0] > 0.2 * em:
            continue
        start, end = pieces[0]
        rows = np.flatnonzero(band[:, start:end].any(axis=1))
        height, width = rows[-1] + 1 - rows[0], end - start
        foot = baseline - round(0.5 * em) + rows[-1] + 1
        dot = band[rows[0] : rows[-1] + 1, start:end]
        if (
            0.06 * em <= width <= 0.2 * em
            and 0.06 * em <= height <= 0.2 * em
            and abs(foot - baseline) <= max(2, 0.06 * em)
            and dot.mean() >= 0.6
        ):
            data["text"][index] = text + "."
            data["width"][index] = end - (left - right)


def _line_sizes(data: dict[str, list]) -> dict[LineKey, float]:
    """The font size of each line read, in pixels: a word's box spans only as much of the
    font's height as its letters reach (x-height; ascenders, capitals and the dot of an i;
    descenders), so each box is scaled up by that share, and a line is as large as its
    middle word. A line of figures alone (a ruled table's number column) then measures like
    the text beside it; a box grown by a speck (an "i" with one above its dot, a "=" read
    from noise) leaves the line's size alone, which would otherwise end a grid at a line
    "set larger" than its rows."""
    found: dict[LineKey, list[float]] = {}
    for index, text in enumerate(data["text"]):
        if any(ch.isalnum() for ch in text):
            size = data["height"][index] / _span(text.strip())
            found.setdefault(_line_key(data, index), []).append(size)
    return {key: float(np.median(sizes)) for key, sizes in found.items()}


_HIGH = set("bdfhijklt0123456789åäöÅÄÖ%&?!/()[]{}|'\"")
_LOW = set("gjpqy,;()[]{}|")
_COMMAS = set(",;")


def _span(text: str) -> float:
    """The share of the font's full height (ascender to descender) a word's glyphs cover."""
    high = any(ch.isupper() or ch in _HIGH for ch in text)
    low = any(ch in _LOW for ch in text)
    if high and low:
        return 1.0
    return 0.76 if high or low else 0.53


def _font_box(word: Word) -> Word:
    """The word's box from its ink's box as tall as its font, as a text layer gives it: ink
    reaches the font's top only with an ascender, a capital or an accent, its bottom only with a
    descender, but every letter stands on the baseline. Two lines of one wrapped label
    ('Intresse och' / 'engagemang') then stand as far apart as any other two lines, not the
    leading plus the room neither uses."""
    if not any(ch.isalnum() for ch in word.text):
        # A dash or a plus sign: about the middle of the x-height, the middle of the font.
        middle = word.middle_y
        return replace(word, top=middle - word.size / 2, bottom=middle + word.size / 2)
    # A comma or a semicolon reaches about half as far below the baseline as a g or a p:
    # "80+," stands on the line of "invånare" beside it, not above.
    low = 1.0 if set(word.text) & (_LOW - _COMMAS) else 0.5 if set(word.text) & _COMMAS else 0.0
    baseline = word.bottom - low * _DESCENT * word.size
    return replace(
        word, top=baseline - (1 - _DESCENT) * word.size, bottom=baseline + _DESCENT * word.size
    )


_DESCENT = 0.24  # of a font's full height (see _span), below the baseline


Band = tuple[float, float]  # top and bottom of a page region, as shares of the page height
WHOLE_PAGE: Band = (0.0, 1.0)


def table_regions(path: Path, numbers: Iterable[int], dpi: float = 100) -> dict[int, Band]:
    """The part of each page whose image shows table columns (several text lines with a wide
    gap at the same place, or vertical rules), with room above for its heading. Prose, title
    pages and headings show none; those pages are left out."""
    regions: dict[int, Band] = {}
    for number, image in render(path, numbers, dpi).items():
        smooth = straighten(image, shrink=2).filter(ImageFilter.MedianFilter(3))
        band = _table_band(np.asarray(smooth) < 200)
        if band is not None:
            regions[number] = band
    return regions


def _table_band(ink: np.ndarray, min_lines: int = 4) -> Band | None:
    """From the top of the first table on the page to the bottom of the last: ruled grids, and
    unruled tables (lines with a wide gap at the same place); a page may hold several."""
    width = ink.shape[1]
    spans = [_ruled_span(ink)]  # a ruled grid: its column gaps are filled by the rules
    gap_width = max(3, int(width * 0.03))
    # Each line's wide gaps between its first and last ink: a table's columns leave a gutter
    # blank down its rows (left-aligned labels and right-aligned figures make each line's gap
    # start and end elsewhere, so the gaps are counted by the x they cover).
    lines: list[tuple[int, int, np.ndarray]] = []  # (top, bottom, blank in a wide gap)
    for top, bottom in _text_lines(ink):
        band = ink[top:bottom].any(axis=0)
        if band.mean() > 0.6:
            continue  # a filled bar (a shaded header), not text
        dark = np.flatnonzero(band)
        if len(dark) < width * 0.05:
            continue
        blank = np.zeros(width, dtype=bool)
        for start, end in runs(~band[dark[0] : dark[-1] + 1]):
            if end - start >= gap_width:
                blank[dark[0] + start : dark[0] + end] = True
        if blank.any():
            lines.append((top, bottom, blank))
    if lines:
        gutters = np.sum([blank for _, _, blank in lines], axis=0) >= min_lines
        rows = [(top, bottom) for top, bottom, blank in lines if (blank & gutters).any()]
        # Rows far from any other (a running header with its page number far right) are no
        # table's.
        step = 4 * float(np.median([b - t for t, b, _ in lines]))
        near = [
            row
            for i, row in enumerate(rows)
            if (i > 0 and row[0] - rows[i - 1][1] <= step)
            or (i + 1 < len(rows) and rows[i + 1][0] - row[1] <= step)
        ]
        if near:
            spans.append((min(t for t, _ in near), max(b for _, b in near)))
    known = [span for span in spans if span is not None]
    if not known:
        return None
    return _with_margins(min(t for t, _ in known), max(b for _, b in known), ink)


def _with_margins(top: int, bottom: int, ink: np.ndarray) -> Band:
    """Room above for the table's heading and header rows, a little below for a total row or
    the next table's heading; a table filling most of the page is read whole. An edge moves
    out to the blank leading between lines: half a heading is read as garble."""
    height = ink.shape[0]
    top, bottom = max(0, top - round(0.12 * height)), min(height, bottom + round(0.04 * height))
    profile = ink.sum(axis=1)
    blank = profile <= 0.02 * profile.max()
    reach = round(0.03 * height)  # a heading's height and more, less than a paragraph
    top = next((y for y in range(top, max(-1, top - reach), -1) if blank[y]), top)
    bottom = next((y for y in range(bottom, min(height, bottom + reach)) if blank[y]), bottom)
    return WHOLE_PAGE if (bottom - top) / height > 0.7 else (top / height, bottom / height)


def _text_lines(ink: np.ndarray) -> list[tuple[int, int]]:
    """Row ranges of text lines: runs between the valleys of the horizontal ink profile (the
    leading between lines is not always blank in a scan)."""
    profile = ink.sum(axis=1).astype(float)
    peak = np.percentile(profile[profile > 0], 90) if profile.any() else 0.0
    return [(top, bottom) for top, bottom in runs(profile > 0.15 * peak) if bottom - top >= 2]


def _ruled_span(ink: np.ndarray) -> tuple[int, int] | None:
    """Top and bottom of the vertical rules (of every ruled table on the page), where there
    are two or more at distinct x."""
    height, width = ink.shape
    rules = long_runs(ink.T, max(2, int(height * 0.08))).T
    columns = np.flatnonzero(rules.any(axis=0))
    if len(columns) == 0 or columns[-1] - columns[0] <= width * 0.03:
        return None
    rows = np.flatnonzero(rules.any(axis=1))
    return int(rows[0]), int(rows[-1]) + 1
