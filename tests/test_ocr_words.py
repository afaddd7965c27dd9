"""OCR post-processing on Tesseract's output (no Tesseract needed)."""

from __future__ import annotations

from extract.ocr import _line_sizes


def _data(words: list[tuple[str, int]]) -> dict[str, list]:
    """One Tesseract line of (text, box height) words."""
    return {
        "text": [text for text, _ in words],
        "height": [height for _, height in words],
        "block_num": [1] * len(words),
        "par_num": [1] * len(words),
        "line_num": [1] * len(words),
    }


def test_a_grown_box_does_not_make_a_line_large() -> None:
    # "Ta" and "fram" cover capitals and ascenders (0.76 of the font), "ett" too; one box
    # grown by a speck to three times its height must not set the line in a heading's size.
    data = _data([("Ta", 30), ("fram", 30), ("ett", 30), ("nytt", 90)])
    (size,) = _line_sizes(data).values()
    assert abs(size - 30 / 0.76) < 1
