from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extract.profiles import Profile, load_profiles

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def profiles() -> list[Profile]:
    return load_profiles()


def expected_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def as_strings(values: list) -> list[str]:
    return ["" if v is None else str(v) for v in values]
