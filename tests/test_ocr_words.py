"""OCR words from Tesseract's answer (ocr.py), without running Tesseract: which are print, a
line's font size, marks read apart from their letters and per cent signs."""

from __future__ import annotations

import pytest

from extract import ocr
from extract.ocr import (
    _font_box,
    _line_sizes,
    _printed,
    _reread_figures,
    _without_marks_apart,
)
from extract.page import Word


def tesseract_line(*words: tuple[str, int], conf: float = 95.0) -> dict[str, list]:
    """Tesseract's answer for one line: each word's text and box height in pixels."""
    return {
        "text": [text for text, _ in words],
        "height": [height for _, height in words],
        "conf": [conf] * len(words),
        "block_num": [1] * len(words),
        "par_num": [1] * len(words),
        "line_num": [1] * len(words),
    }


def test_a_box_grown_by_a_speck_leaves_the_line_size_alone() -> None:
    # An "i" whose box reaches a speck above it, and noise read as "=": the line is still set
    # in the size of its words (otherwise a grid ends at it as at a larger heading).
    data = tesseract_line(("lässtunder", 25), ("i", 41), ("förskoleklass", 25), ("=", 41))
    assert _line_sizes(data) == {(1, 1, 1): 25 / 0.76}


def test_the_ring_of_an_a_read_apart_is_no_word() -> None:
    mal = Word("mål", 126, 146, 98.4, 107.8)
    ring = Word("o", 138, 141, 97.7, 101.0)
    number = Word("1", 151, 155, 98.6, 107.8)
    assert _without_marks_apart([Word("Nämndens", 63, 122, 98.4, 107.8), mal, ring, number])[
        1:
    ] == [mal, number]


def test_a_word_of_the_line_below_reaching_into_a_box_is_no_mark() -> None:
    # "Följare i sociala" over "medier": Tesseract's box of "medier" reaches up into the line
    # above, over "Följare"; a word as wide as another is no accent of it.
    foljare = Word("Följare", 75.4, 105.8, 475.0, 484.1)
    medier = Word("medier", 75.1, 107.8, 480.0, 495.1)
    assert _without_marks_apart([foljare, medier]) == [foljare, medier]


def test_an_ocr_word_is_as_tall_as_its_font() -> None:
    # A wrapped label's lines, "Intresse och" (capitals and ascenders, no descender) over
    # "engagemang" (descenders only): Tesseract boxes their ink, which leaves them 5.8 pt
    # apart, wider than rows; as tall as their 9.5 pt font they stand 1.3 pt apart, as the
    # text layer gives them, and a dash or x-height letters are centred in their font's box.
    over = _font_box(Word("Intresse", 75.6, 112.1, 234.5, 241.9, size=9.5))
    under = _font_box(Word("engagemang", 75.1, 136.6, 247.7, 255.1, size=9.5))
    assert (over.top, over.bottom) == (234.5, 244.0)
    assert (under.top, under.bottom) == (245.6, 255.1)
    dash = _font_box(Word("–", 300, 305, 239.0, 240.0, size=10))
    assert (dash.top, dash.bottom) == (234.5, 244.5)
    both = Word("Svar på frågan", 75, 140, 215.8, 227.2, size=11.4)
    assert _font_box(both) == both


@pytest.mark.parametrize(
    ("text", "confidence", "printed"),
    [
        ("SCB", 93.0, True),
        ("/", 91.0, True),  # "SCB befolkningsstatistik / SCB medborgarundersökning"
        ("+", 95.0, True),  # "+ 40 696"
        ("+", 20.0, False),
        ("/", 0.0, False),  # a speck
        ("|", 90.0, False),  # a table border
        ("–", 80.0, True),
        ("62", -1.0, False),  # Tesseract's block, not a word
    ],
)
def test_which_words_are_print(text: str, confidence: float, printed: bool) -> None:
    assert _printed(text, confidence) is printed


def test_a_per_cent_sign_the_swedish_model_read_as_a_word(monkeypatch) -> None:
    """ "82 %" read as "82 4" and "9,2 %" as "9,2 Yo": the English model, reading the word
    after a number alone, sees the sign; a unit it cannot read is left alone."""
    data = tesseract_line(("82", 25), ("4", 25), ("9,2", 25), ("Yo", 25), ("5", 25), ("kr", 25))
    english = {1: ("%", 92.0), 3: ("%", 91.0), 5: ("%", 12.0)}

    def read_alone(pixels, data, indices, dpi, language):
        return {i: english[i] for i in indices if i in english} if language == "eng" else {}

    monkeypatch.setattr(ocr, "_read_alone", read_alone)
    _reread_figures(None, data, 300)
    assert data["text"] == ["82", "%", "9,2", "%", "5", "kr"]
