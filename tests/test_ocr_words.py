"""OCR words from Tesseract's answer (ocr.py), without running Tesseract."""

from __future__ import annotations

from extract.ocr import _line_sizes


def tesseract_line(*words: tuple[str, int]) -> dict[str, list]:
    """Tesseract's answer for one line: each word's text and box height in pixels."""
    return {
        "text": [text for text, _ in words],
        "height": [height for _, height in words],
        "block_num": [1] * len(words),
        "par_num": [1] * len(words),
        "line_num": [1] * len(words),
    }


def test_a_box_grown_by_a_speck_leaves_the_line_size_alone() -> None:
    # An "i" whose box reaches a speck above it, and noise read as "=": the line is still set
    # in the size of its words (otherwise a grid ends at it as at a larger heading).
    data = tesseract_line(("lässtunder", 25), ("i", 41), ("förskoleklass", 25), ("=", 41))
    assert _line_sizes(data) == {(1, 1, 1): 25 / 0.76}
