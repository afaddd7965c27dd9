"""What the writer writes: computed tables (blocks) placed on sheets. Both the record tables and
the comparison tables take this form, so one writer serves them all and the chart code finds
the cells it refers to by the same layout rule the writer uses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Block:
    """A header and its rows; on a sheet, optionally under a bold title line."""

    header: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    title: str = ""
    csv: str = ""  # file stem under OUT/csv/; "" when the block has no CSV of its own
    signed: str = ""  # a column whose rises and falls are coloured green and red

    def column(self, name: str) -> int:
        """1-based column number of a header name."""
        return self.header.index(name) + 1


@dataclass(frozen=True)
class Sheet:
    name: str
    blocks: tuple[Block, ...]

    def header_rows(self) -> list[int]:
        """1-based row of each block's header: blocks stack with one empty row between them."""
        rows: list[int] = []
        top = 1
        for block in self.blocks:
            header = top + (1 if block.title else 0)
            rows.append(header)
            top = header + len(block.rows) + 2
        return rows
