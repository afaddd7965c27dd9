"""Writing results: every file read into the output folder so far (store.py) and the comparisons
rebuilt from all of them, as one Excel workbook and one CSV per block. Each file is written to a
temporary name and renamed into place, so a failure halfway never leaves a damaged file where
a good one was."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from textwrap import wrap
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .charts import add_charts
from .compare import RevisionComparison, catalog, changes, compare
from .compare_indicators import TABLE as INDICATORS
from .compare_indicators import compare_indicators
from .long_table import ACTION_PLANS, long_block
from .pipeline import FileResult
from .profiles import Profile
from .records import KOMPASS, SOURCES, TABLES, columns_of, values_of
from .sheets import Block, Sheet
from .store import (
    STATE_FILE,
    Merged,
    by_column,
    dump,
    entry_of,
    load,
    locked,
    merge,
    tables_of,
)

COMPARISON_SHEET = "Jämförelse kompass"
CHANGE_SHEET = "Förändring kompass"
INDICATOR_SHEET = "Jämförelse indikatorer"
# Comparison CSVs come and go with the data (one per revision); stale ones are removed.
_DERIVED_CSV = ("jamforelse_", "forandring_")


def table_rows(results: Sequence[FileResult]) -> dict[str, list[Any]]:
    """Every table's records over the files of one batch, with Källor last."""
    return tables_of([entry_of(r) for r in results])


@dataclass(frozen=True)
class Outputs:
    sheets: list[Sheet]  # in workbook order
    comparisons: list[RevisionComparison]  # the first comparison sheet's blocks, for the charts
    csv_only: list[Block]  # long.csv


def build_outputs(tables: Mapping[str, Sequence[Any]], profiles: Sequence[Profile]) -> Outputs:
    """The record tables, then the comparisons built from all of their rows."""
    sheets = [
        Sheet(spec.sheet, (_record_block(spec.key, spec.record_type, tables.get(spec.key, [])),))
        for spec in (*TABLES, SOURCES)
    ]
    kompass = tables.get(KOMPASS.key, [])
    names = catalog(profiles, kompass)
    comparisons = compare(kompass, names)
    change = changes(comparisons, names)
    # Other tables are read by their column contract, not by their record types.
    indicators = [by_column(r) for r in tables.get(INDICATORS, [])]
    plans = [by_column(r) for r in tables.get(ACTION_PLANS, [])]
    # A comparison with nothing to show leaves its sheet out (documented in the README).
    for name, blocks in (
        (COMPARISON_SHEET, [c.block() for c in comparisons]),
        (CHANGE_SHEET, [change] if change.rows else []),
        (INDICATOR_SHEET, compare_indicators(indicators)),
    ):
        if blocks:
            sheets.append(Sheet(name, tuple(blocks)))
    return Outputs(sheets, comparisons, [long_block(comparisons, names, indicators, plans)])


def _record_block(key: str, record_type: type, rows: Sequence[Any]) -> Block:
    return Block(tuple(columns_of(record_type)), tuple(tuple(values_of(r)) for r in rows), csv=key)


@dataclass(frozen=True)
class Written:
    workbook: Path
    csv_files: list[Path]
    merged: Merged  # how many files OUT/ holds now, how many were new or replaced


def write_outputs(
    results: Sequence[FileResult], out_dir: Path, profiles: Sequence[Profile]
) -> Written:
    """Add the batch to what OUT/ holds (the same file again replaces its rows), then rebuild
    every output from all of it."""
    csv_dir = out_dir / "csv"
    csv_dir.mkdir(parents=True, exist_ok=True)
    with locked(out_dir):
        merged = merge(load(out_dir), [entry_of(r) for r in results])
        # The state first: if writing an output fails, the next run rebuilds it from the state.
        atomic(out_dir / STATE_FILE, lambda path: path.write_text(dump(merged.entries), "utf-8"))
        outputs = build_outputs(tables_of(merged.entries), profiles)
        workbook = out_dir / "kvalex.xlsx"
        atomic(workbook, lambda path: _write_xlsx(path, outputs))
        written = []
        for block in [b for s in outputs.sheets for b in s.blocks] + outputs.csv_only:
            if block.csv:
                target = csv_dir / f"{block.csv}.csv"
                atomic(target, lambda path, block=block: _write_csv(path, block))
                written.append(target)
        for stale in csv_dir.glob("*.csv"):
            if stale.name.startswith(_DERIVED_CSV) and stale not in written:
                stale.unlink()
    return Written(workbook, written, merged)


_UMASK = os.umask(0o022)
os.umask(_UMASK)  # reading the umask means setting it; the old value is put straight back


def atomic(target: Path, write: Callable[[Path], object]) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    try:
        write(Path(temporary))
        os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp's 0600 would hide results from colleagues
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_csv(path: Path, block: Block) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(block.header)
        for row in block.rows:
            writer.writerow(["" if v is None else v for v in row])


def _write_xlsx(path: Path, outputs: Outputs) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in outputs.sheets:
        _fill(workbook.create_sheet(sheet.name), sheet)
    if outputs.comparisons:
        add_charts(
            workbook,
            next(s for s in outputs.sheets if s.name == COMPARISON_SHEET),
            outputs.comparisons,
        )
    for sheet in workbook.worksheets:  # printed one page wide, not cut into strips of columns
        sheet.page_setup.orientation = "landscape"
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    workbook.save(path)


_BOLD = Font(bold=True)
_RISE = PatternFill("solid", fgColor="C6EFCE")
_FALL = PatternFill("solid", fgColor="FFC7CE")


def _fill(sheet: Worksheet, layout: Sheet) -> None:
    widths: dict[int, int] = {}
    for block, header_row in zip(layout.blocks, layout.header_rows(), strict=True):
        if block.title:
            sheet.cell(header_row - 1, 1, block.title).font = Font(bold=True, size=12)
        for column, name in enumerate(block.header, start=1):
            cell = sheet.cell(header_row, column, name)
            cell.font = _BOLD
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            # Long headings wrap: a column is as wide as its longest heading word (bold, so a
            # little wider) or value, and the header row as high as its most wrapped heading.
            words = [len(word) + 2 for word in name.split()]
            widths[column] = max(widths.get(column, 0), *words)
        for offset, row in enumerate(block.rows, start=1):
            for column, value in enumerate(row, start=1):
                sheet.cell(header_row + offset, column, value)
                if value is not None:
                    widths[column] = max(widths[column], len(str(value)))
        if block.signed and block.rows:
            letter = get_column_letter(block.column(block.signed))
            cells = f"{letter}{header_row + 1}:{letter}{header_row + len(block.rows)}"
            sheet.conditional_formatting.add(
                cells, CellIsRule(operator="greaterThan", formula=["0"], fill=_RISE)
            )
            sheet.conditional_formatting.add(
                cells, CellIsRule(operator="lessThan", formula=["0"], fill=_FALL)
            )
    if len(layout.blocks) == 1 and not layout.blocks[0].title:
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    else:
        sheet.freeze_panes = "B1"  # blocks stack: keep the row labels in view instead
    widths = {column: min(max(width + 2, 8), 60) for column, width in widths.items()}
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
    for block, header_row in zip(layout.blocks, layout.header_rows(), strict=True):
        lines = max(len(wrap(name, widths[c] - 2)) for c, name in enumerate(block.header, start=1))
        if lines > 1:  # set, because a spreadsheet opening the file need not fit it
            sheet.row_dimensions[header_row].height = 15 * lines
