"""Short scanned copies of sample reports (samples/variants/short, made by
samples/make_scanned.py): image-only scans and an archive copy whose text layer came from
English OCR give the born-digital rows. As the acceptance allows, a text field may differ by a
character or two where OCR could not read it, but then the row is listed in Granska; a value
derived from the arithmetic is marked `härledd` and listed there too (samples/variant_rows.py
says what counts as the same row)."""

from __future__ import annotations

import pytest

from extract.pipeline import extract_file
from samples.variant_rows import expected_tables, score

from .conftest import SAMPLES

SHORT = SAMPLES / "variants" / "short"
COPIES = sorted({path.name.split(".")[0] for path in SHORT.glob("*.csv")})


def test_there_are_short_scanned_copies_of_two_report_kinds() -> None:
    assert set(COPIES) == {"short_scan", "short_arch", "short_tab_scan"}


@pytest.mark.parametrize("stem", COPIES)
def test_scanned_copy_gives_the_original_rows(stem: str, profiles) -> None:
    result = extract_file(SHORT / f"{stem}.pdf", profiles)
    assert result.error == ""
    scores = score(result, expected_tables(SHORT, stem))
    assert scores
    for table in scores:
        assert table.right == table.wanted, (table.table, table.missing[:2])
        # The scan has no text; the archive copy's damaged text is read again.
        assert {row.method for row in result.rows[table.table]} == {"ocr"}
