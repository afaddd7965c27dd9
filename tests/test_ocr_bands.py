"""The part of a scanned page that is read (ocr.py): its band's edges and its crop, without
running Tesseract."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from extract import ocr
from extract.ocr import _with_margins
from extract.page import Page
from extract.page_image import skew


def test_a_band_edge_moves_out_of_a_heading_it_would_cut() -> None:
    # A table from 400 to 700 px on a 1000 px page: its margins (120 above, 40 below) end
    # inside the heading over it and inside the next table's heading under it.
    ink = np.zeros((1000, 600), dtype=bool)
    ink[270:292, 50:300] = True  # the heading above
    ink[400:700, 50:550] = True  # the table
    ink[730:752, 50:200] = True  # the heading below
    top, bottom = _with_margins(400, 700, ink)
    assert top * 1000 <= 270 and 752 <= bottom * 1000 <= 760
    assert _with_margins(400, 700, np.zeros_like(ink)) == (0.28, 0.74)


def test_a_crooked_page_is_straightened_before_its_band_is_cut(monkeypatch) -> None:
    # `table_regions` measures the band on the straightened page; the band cut from the
    # page as scanned would cut off the ends of its first and last lines.
    page = Image.new("L", (1200, 1700), 255)
    draw = ImageDraw.Draw(page)
    for y in range(200, 1500, 40):
        draw.rectangle((100, y, 1100, y + 12), fill=0)
    crooked = page.rotate(1.5, fillcolor=255)
    seen = []

    def read_image(image: Image.Image, number: int, dpi: float, black_and_white: bool) -> Page:
        seen.append(image)
        return Page(number, 0.0, 0.0, ())

    monkeypatch.setattr(ocr, "render", lambda path, numbers, dpi: {1: crooked})
    monkeypatch.setattr(ocr, "read_image", read_image)
    ocr.ocr_pages(Path("scan.pdf"), {1: (0.3, 0.6)}, 144)
    assert skew(seen[0]) == pytest.approx(0.0, abs=0.3)  # not 1.5
