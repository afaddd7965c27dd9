"""Accumulated results: every file read into an output folder so far, in one JSON state file.

A file is known by the SHA-256 of its content, so reading the same file again (under any name)
replaces its rows and other files' rows are kept. The outputs (workbook, CSVs) are rebuilt from
this state on every run; the state, not the CSVs, is read back, because only it ties each row
to the file content it came from (two reports may share a file name)."""

from __future__ import annotations

import contextlib
import fcntl
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .pipeline import FileResult, file_digest
from .records import SOURCES, TABLES, SourceRow, columns_of, values_of

STATE_FILE = "kvalex-state.json"
FORMAT = "kvalex-state/1"


class StateError(RuntimeError):
    """The state file exists but cannot be used; it is never overwritten then."""


@dataclass(frozen=True)
class Entry:
    key: str  # the file's sha256, or "sökväg:<path>" when the file could not be read at all
    source: SourceRow
    tables: dict[str, list[Any]]  # table key → records


@dataclass(frozen=True)
class Merged:
    entries: list[Entry]
    added: int
    replaced: int


def entry_of(result: FileResult) -> Entry:
    key = result.sha256 or _digest(Path(result.path))
    source = SourceRow(
        file=result.file_name,
        pages=result.pages,
        profiles=", ".join(dict.fromkeys(result.profiles)),
        rows=result.row_count,
        warnings="; ".join(result.warnings),
        error=result.error,
        sha256=key if not key.startswith("sökväg:") else "",
    )
    return Entry(key, source, result.rows)


def _digest(path: Path) -> str:
    """A file that failed in its worker (timeout, crash, read error) is hashed here, so that
    reading it again replaces its row in Källor."""
    try:
        return file_digest(path)
    except OSError:
        return f"sökväg:{path.resolve()}"


def merge(old: Sequence[Entry], new: Sequence[Entry]) -> Merged:
    """Old entries in their order, each replaced in place by a new one with the same key; new
    files appended in batch order. So a second run over the same files changes nothing."""
    by_key = {entry.key: entry for entry in old}
    added = replaced = 0
    for entry in new:
        if entry.key in by_key:
            replaced += 1
        else:
            added += 1
        by_key[entry.key] = entry
    return Merged(list(by_key.values()), added, replaced)


def tables_of(entries: Sequence[Entry]) -> dict[str, list[Any]]:
    """Every table's records over all entries, Källor last."""
    tables: dict[str, list[Any]] = {spec.key: [] for spec in TABLES}
    for entry in entries:
        for key, rows in entry.tables.items():
            tables.setdefault(key, []).extend(rows)
    tables[SOURCES.key] = [entry.source for entry in entries]
    return tables


# ---------------------------------------------------------------------------------------------
# The file: {"format": ..., "filer": [{"nyckel", "kallor": {column: value}, "tabeller": {table:
# [{column: value}]}}]}. Rows are stored by their Swedish column names, the output contract, so a
# record type that gains a column still reads old state (the new column gets its default).


def load(out_dir: Path) -> list[Entry]:
    path = out_dir / STATE_FILE
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise StateError(f"okänt format {data.get('format')!r}")
        return [_decode_entry(item) for item in data["filer"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise StateError(f"{path} kan inte läsas ({error})") from error


def dump(entries: Sequence[Entry]) -> str:
    data = {
        "format": FORMAT,
        "filer": [
            {
                "nyckel": entry.key,
                "kallor": by_column(entry.source),
                "tabeller": {
                    key: [by_column(r) for r in rows] for key, rows in entry.tables.items()
                },
            }
            for entry in entries
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, default=str)


@contextlib.contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """One run at a time per output folder: a second one waits, so no batch is lost."""
    with (out_dir / ".kvalex.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


_RECORD_TYPES = {spec.key: spec.record_type for spec in TABLES}


def _decode_entry(item: dict[str, Any]) -> Entry:
    tables = {
        key: [_decode(_RECORD_TYPES[key], row) for row in rows]
        for key, rows in item["tabeller"].items()
        if key in _RECORD_TYPES  # a table this version does not know is left out
    }
    return Entry(item["nyckel"], _decode(SourceRow, item["kallor"]), tables)


def by_column(record: object) -> dict[str, Any]:
    """A record as {column name: value}, the output contract's view of it."""
    return dict(zip(columns_of(type(record)), values_of(record), strict=True))


def _decode(record_type: type, row: dict[str, Any]) -> Any:
    return record_type(
        **{
            f.name: row[f.metadata["column"]]
            for f in fields(record_type)
            if f.metadata["column"] in row
        }
    )
