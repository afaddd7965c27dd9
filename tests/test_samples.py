"""Every sample report gives exactly its expected rows, every column."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import extract_file
from extract.records import KOMPASS, columns_of, values_of

from .conftest import SAMPLES, as_strings, expected_rows

EXPECTED = sorted((SAMPLES / "expected").glob("*.kompass.csv"))


def _pdf_for(expected: Path) -> Path:
    stem = expected.name.split(".")[0]
    matches = list(SAMPLES.rglob(f"{stem}.pdf"))
    assert len(matches) == 1, f"one PDF per expected file: {stem}"
    return matches[0]


def test_there_are_samples_of_both_revisions() -> None:
    frameworks = {row["ramverk"] for path in EXPECTED for row in expected_rows(path)}
    assert frameworks == {"Kommunkompassen 2010–2016", "Kommunkompassen 2019/2020"}
    assert len(EXPECTED) >= 4


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_sample_rows_equal_expected(expected: Path, profiles) -> None:
    result = extract_file(_pdf_for(expected), profiles)
    assert result.error == ""
    columns = columns_of(KOMPASS.record_type)
    got = [
        dict(zip(columns, as_strings(values_of(r)), strict=True)) for r in result.rows["kompass"]
    ]
    want = expected_rows(expected)
    assert [r["delområde_nr"] for r in got] == [r["delområde_nr"] for r in want]
    for got_row, want_row in zip(got, want, strict=True):
        assert got_row == want_row
