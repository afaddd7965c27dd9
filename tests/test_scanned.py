"""Short scanned copies of sample reports (samples/variants/short, made by
samples/make_scanned.py): an image-only scan and an archive copy whose text layer came from
English OCR give the born-digital rows. As the acceptance allows, a text field may differ by a
character or two where OCR could not read it, but then the row is listed in Granska; a value
derived from the arithmetic is marked `härledd` and listed there too."""

from __future__ import annotations

from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

from extract.pipeline import extract_file
from extract.records import KompassRow, columns_of, values_of

from .conftest import SAMPLES, as_strings, expected_rows

SHORT = SAMPLES / "variants" / "short"
EXPECTED = sorted(SHORT.glob("*.kompass.csv"))
TEXT_FIELDS = {"område", "delområde"}


def test_there_are_short_scanned_copies() -> None:
    assert {path.name.split(".")[0] for path in EXPECTED} == {"short_scan", "short_arch"}


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_scanned_copy_gives_the_original_rows(expected: Path, profiles) -> None:
    result = extract_file(SHORT / f"{expected.name.split('.')[0]}.pdf", profiles)
    assert result.error == ""
    columns = columns_of(KompassRow)
    got = {
        row.subarea_no: dict(zip(columns, as_strings(values_of(row)), strict=True))
        for row in result.rows.get("kompass", [])
    }
    review = {row.row for row in result.rows.get("granska", [])}
    want = expected_rows(expected)
    assert sorted(got) == sorted(row["delområde_nr"] for row in want)
    for want_row in want:
        code = want_row["delområde_nr"]
        got_row = got[code]
        assert got_row["metod"] == "ocr"  # the scan has no text; the archive's is re-read
        for column, value in want_row.items():
            if got_row[column] == value:
                continue
            assert code in review, (code, column, value, got_row[column])
            if column in TEXT_FIELDS:
                assert Levenshtein.distance(got_row[column], value) <= 2, (code, column)
            else:
                assert column == "kontroll" and got_row[column] == "härledd", (code, column)
