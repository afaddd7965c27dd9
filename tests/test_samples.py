"""Every sample report gives exactly its expected rows, every column, in every table it has
(samples/expected/<stem>.<table>.csv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.records import SPEC_BY_KEY, columns_of, values_of

from .conftest import SAMPLES, as_strings, expected_rows

EXPECTED = sorted((SAMPLES / "expected").glob("*.*.csv"))


def _pdf_for(expected: Path) -> Path:
    stem = expected.name.split(".")[0]
    matches = list(SAMPLES.rglob(f"{stem}.pdf"))
    assert len(matches) == 1, f"one PDF per expected file: {stem}"
    return matches[0]


def test_there_are_samples_of_both_revisions() -> None:
    kompass = [path for path in EXPECTED if path.name.endswith(".kompass.csv")]
    frameworks = {row["ramverk"] for path in kompass for row in expected_rows(path)}
    assert frameworks == {"Kommunkompassen 2010–2016", "Kommunkompassen 2019/2020"}
    assert len(kompass) >= 4


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name.removesuffix(".csv"))
def test_sample_rows_equal_expected(expected: Path, extracted) -> None:
    table = SPEC_BY_KEY[expected.name.split(".")[1]]
    result = extracted(_pdf_for(expected))
    assert result.error == ""
    columns = columns_of(table.record_type)
    got = [
        dict(zip(columns, as_strings(values_of(r)), strict=True))
        for r in result.rows.get(table.key, [])
    ]
    want = expected_rows(expected)
    # No rows in a table the sample has none of: the generic small-table reader (tabeller)
    # leaves Kompass and handlingsplan reports alone.
    stem = expected.name.split(".")[0]
    kept = {path.name.split(".")[1] for path in EXPECTED if path.name.split(".")[0] == stem}
    assert not [key for key, rows in result.rows.items() if rows and key not in kept | {"granska"}]
    assert len(got) == len(want), [row for row in got if row not in want][:2]
    for got_row, want_row in zip(got, want, strict=True):
        assert {column: got_row[column] for column in want_row} == want_row
        # Provenance: born-digital samples are read from their text layer, every word sure.
        assert got_row.get("metod", "text") == "text"
        assert got_row.get("säkerhet", "1.0") == "1.0"
