"""Does a degraded copy give its original's rows? Used by `make bench` and the tests.

A copy's rows are right when they equal the born-digital original's expected rows
(samples/variants/expected/<copy>.<table>.csv, or short/ for the committed copies), every
column, with what the acceptance allows where OCR could not read the print: a text field
differing by two characters or fewer in a row that Granska lists, and a Kompass value derived
from the table's arithmetic (`kontroll` = härledd, listed in Granska too)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from extract.pipeline import FileResult
from extract.provenance import review_key
from extract.records import REVIEW, SPEC_BY_KEY, columns_of, values_of

_TOLERATED_EDITS = 2


@dataclass(frozen=True)
class TableScore:
    table: str
    right: int
    wanted: int
    missing: tuple[dict[str, str], ...]  # expected rows no extracted row matched


def expected_tables(expected_dir: Path, stem: str) -> dict[str, list[dict[str, str]]]:
    tables = {}
    for path in sorted(expected_dir.glob(f"{stem}.*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            tables[path.name.split(".")[1]] = list(csv.DictReader(handle))
    return tables


def score(result: FileResult, expected: dict[str, list[dict[str, str]]]) -> list[TableScore]:
    reviewed = {(r.table, r.page, r.row) for r in result.rows.get(REVIEW.key, [])}
    return [
        _score_table(table, result.rows.get(table, []), want, reviewed)
        for table, want in expected.items()
    ]


def _score_table(
    table: str, records: list, want: list[dict[str, str]], reviewed: set[tuple]
) -> TableScore:
    spec = SPEC_BY_KEY[table]
    columns = columns_of(spec.record_type)
    got = [
        (dict(zip(columns, ("" if v is None else str(v) for v in values_of(r)), strict=True)), r)
        for r in records
    ]
    keys = list(want[0]) if want else []
    by_values: dict[tuple[str, ...], list[int]] = {}
    for index, (row, _) in enumerate(got):
        by_values.setdefault(tuple(row[k] for k in keys), []).append(index)
    used: set[int] = set()
    left_over: list[dict[str, str]] = []
    for row in want:
        same = by_values.get(tuple(row[k] for k in keys))
        if same:
            used.add(same.pop())
        else:
            left_over.append(row)
    # Second pass: the acceptance's tolerance, against extracted rows not matched exactly.
    spare = [pair for index, pair in enumerate(got) if index not in used]
    missing = []
    for row in left_over:
        match = next(
            (i for i, (g, r) in enumerate(spare) if _tolerated(row, g, r, spec, reviewed)), None
        )
        if match is None:
            missing.append(row)
        else:
            spare.pop(match)
    return TableScore(table, len(want) - len(missing), len(want), tuple(missing))


def _tolerated(want: dict[str, str], got: dict[str, str], record, spec, reviewed) -> bool:
    key = record.subarea_no if spec.key == "kompass" else review_key(spec, record)
    if (spec.key, record.page, key) not in reviewed:
        return False
    for column, value in want.items():
        seen = got[column]
        if seen == value or (column == "kontroll" and seen == "härledd"):
            continue
        if (
            not any(ch.isalpha() for ch in value)
            or Levenshtein.distance(seen, value) > _TOLERATED_EDITS
        ):
            return False
    return True
