"""The generic small-table reader: labels → period and unit, and prose never as cells."""

from __future__ import annotations

from extract.pipeline import extract_file
from extract.tabeller import period_of, unit_of

from .conftest import SAMPLES


def test_period_is_the_year_a_column_names() -> None:
    assert period_of("Resultat Götene kommun 2018") == 2018
    assert period_of("Förändring %") is None


def test_unit_is_whom_a_column_counts() -> None:
    assert unit_of("Resultat Götene kommun 2018") == "Götene kommun"
    assert unit_of("Götene kommun totalt") == "Götene kommun totalt"
    assert unit_of("Antal 2018") == ""


def test_prose_pages_give_no_cells(profiles) -> None:
    for pdf in sorted((SAMPLES / "tabeller").glob("*.pdf")):
        rows = extract_file(pdf, profiles).rows["tabeller"]
        assert rows and {row.page for row in rows} == {3, 4, 5, 6}  # 1: title, 2: prose only
        assert all(len(row.row.split()) <= 6 for row in rows)
