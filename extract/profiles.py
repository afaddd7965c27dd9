"""Layout profiles: declarative TOML files in layouts/ that say which pages a layout lives on,
what its column headers are called, and what the layout's content is known to be."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LAYOUTS_DIR = Path(__file__).resolve().parent.parent / "layouts"

# Patterns write a space as [ \t]: a page's spaces of other widths (no-break, thin, narrow
# no-break: thousands separators in "3\u202f150") are matched as plain ones.
_PLAIN_SPACES = str.maketrans(
    dict.fromkeys(
        "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
        " ",
    )
)


class ProfileError(ValueError):
    """A profile file that does not say what it must."""


@functools.lru_cache(maxsize=1024)
def _plain(text: str) -> str:
    """A page's text with plain spaces, made once for every layout that looks at the page."""
    return text.translate(_PLAIN_SPACES)


@dataclass(frozen=True)
class Column:
    role: str
    headers: tuple[str, ...]
    type: str


@dataclass(frozen=True)
class Profile:
    name: str
    table: str  # which table kind reads it: kompass, ...
    describes: str
    page_patterns: tuple[re.Pattern[str], ...]  # a page is a candidate when all match
    continue_patterns: tuple[re.Pattern[str], ...]  # the next page is one too when any match
    headings: tuple[str, ...]  # headings that introduce the layout, to prefer its pages
    columns: dict[str, Column]
    content: dict[str, Any] = field(default_factory=dict)  # the table kind's own keys
    path: Path | None = None

    def wants(self, page_text: str) -> bool:
        plain = _plain(page_text)
        return all(pattern.search(plain) for pattern in self.page_patterns)

    def pages(self, page_texts: list[str]) -> list[int]:
        """1-based numbers of the pages this layout may be on, continuations included."""
        chosen: list[int] = []
        for number, text in enumerate(page_texts, start=1):
            if self.wants(text) or (chosen and chosen[-1] == number - 1 and self.goes_on(text)):
                chosen.append(number)
        return chosen

    def goes_on(self, page_text: str) -> bool:
        """The page holds what goes on this layout's table from the page before."""
        plain = _plain(page_text)
        return any(pattern.search(plain) for pattern in self.continue_patterns)


_KNOWN_KEYS = {"name", "table", "describes", "find", "columns"}


def load_profile(path: Path) -> Profile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"{path.name}: not valid TOML ({error})") from error
    missing = {"name", "table", "find", "columns"} - data.keys()
    if missing:
        raise ProfileError(f"{path.name}: missing {', '.join(sorted(missing))}")
    find = data["find"]
    try:
        patterns = _patterns(find["pages"])
        continues = _patterns(find.get("continues", []))
    except (KeyError, re.error) as error:
        raise ProfileError(f"{path.name}: [find] pages/continues must be regexes") from error
    columns = {
        role: Column(role, tuple(spec.get("header", [])), spec.get("type", "text"))
        for role, spec in data["columns"].items()
    }
    return Profile(
        name=data["name"],
        table=data["table"],
        describes=data.get("describes", ""),
        page_patterns=patterns,
        continue_patterns=continues,
        headings=tuple(find.get("heading", [])),
        columns=columns,
        content={k: v for k, v in data.items() if k not in _KNOWN_KEYS},
        path=path,
    )


def _patterns(sources: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(source, re.IGNORECASE | re.MULTILINE) for source in sources)


def load_profiles(directory: Path = LAYOUTS_DIR) -> list[Profile]:
    profiles = [load_profile(path) for path in sorted(directory.glob("*.toml"))]
    names = [p.name for p in profiles]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise ProfileError(f"profile names used twice: {', '.join(sorted(duplicates))}")
    return profiles
