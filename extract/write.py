"""Writing results: one Excel workbook and one CSV per table, each replaced atomically so a
failure halfway never leaves a damaged file where a good one was."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .pipeline import FileResult
from .records import SOURCES, TABLES, SourceRow, TableSpec, columns_of, values_of


def source_rows(results: Sequence[FileResult]) -> list[SourceRow]:
    return [
        SourceRow(
            file=r.file_name,
            pages=r.pages,
            profiles=", ".join(dict.fromkeys(r.profiles)),
            rows=r.row_count,
            warnings="; ".join(r.warnings),
            error=r.error,
        )
        for r in results
    ]


def table_rows(results: Sequence[FileResult]) -> dict[str, list[Any]]:
    """Every table's records over all files, with Källor last."""
    tables: dict[str, list[Any]] = {spec.key: [] for spec in TABLES}
    for result in results:
        for key, rows in result.rows.items():
            tables.setdefault(key, []).extend(rows)
    tables[SOURCES.key] = source_rows(results)
    return tables


def write_outputs(results: Sequence[FileResult], out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "csv").mkdir(exist_ok=True)
    tables = table_rows(results)
    specs = [*TABLES, SOURCES]
    written = [out_dir / "kvalex.xlsx"]
    _atomic(written[0], lambda path: _write_xlsx(path, specs, tables))
    for spec in specs:
        target = out_dir / "csv" / f"{spec.key}.csv"
        _atomic(target, lambda path, spec=spec: _write_csv(path, spec, tables[spec.key]))
        written.append(target)
    return written


def _atomic(target: Path, write: Any) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_csv(path: Path, spec: TableSpec, rows: Sequence[Any]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns_of(spec.record_type))
        for row in rows:
            writer.writerow(["" if v is None else v for v in values_of(row)])


def _write_xlsx(path: Path, specs: Sequence[TableSpec], tables: dict[str, list[Any]]) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for spec in specs:
        sheet = workbook.create_sheet(spec.sheet)
        header = columns_of(spec.record_type)
        sheet.append(header)
        widths = [len(name) for name in header]
        for row in tables[spec.key]:
            values = values_of(row)
            sheet.append(values)
            widths = [
                max(w, len(str(v)) if v is not None else 0)
                for w, v in zip(widths, values, strict=True)
            ]
        for cell in sheet[1]:
            cell.font = bold
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 8), 60)
    workbook.save(path)
