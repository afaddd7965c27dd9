from __future__ import annotations

import csv
import functools
from collections.abc import Callable
from pathlib import Path

import pytest

from extract.pipeline import FileResult, extract_file
from extract.profiles import Profile, load_profiles

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def profiles() -> list[Profile]:
    return load_profiles()


@pytest.fixture(scope="session")
def extracted(profiles: list[Profile]) -> Callable[[Path], FileResult]:
    """A sample's extraction, read once per test session: its tables are checked apart."""
    return functools.cache(lambda path: extract_file(path, profiles))


def expected_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def as_strings(values: list) -> list[str]:
    return ["" if v is None else str(v) for v in values]
