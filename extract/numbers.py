"""Numbers as printed in Swedish reports → values. Never guesses: unparseable text gives None."""

from __future__ import annotations

import re

_MINUS = "−–-"
_SEPARATOR = "[ \u00a0\u202f]"  # thousands: space, no-break space, narrow no-break space
_NUMBER = re.compile(
    rf"^[+\-−–]?\s?\d{{1,3}}(?:{_SEPARATOR}\d{{3}})*(?:[.,]\d+)?$|^[+\-−–]?\d+(?:[.,]\d+)?$"
)
_PERCENT_TOKEN = re.compile(r"^(\d{1,3}(?:[.,]\d+)?)\s?%$|^((?:0[.,]\d{1,3})|(?:1[.,]0{1,3}))$")


def parse_number(text: str) -> float | None:
    """'8 840' → 8840, '3,49' → 3.49, '−5' → -5, '+12' → 12; anything else → None."""
    cleaned = text.strip()
    if not _NUMBER.match(cleaned):
        return None
    negative = cleaned[0] in _MINUS
    digits = cleaned.lstrip("+" + _MINUS).strip()
    digits = re.sub(_SEPARATOR, "", digits).replace(",", ".")
    value = float(digits)
    return -value if negative else value


def parse_percent(text: str) -> float | None:
    """'45 %', '45%', '45,5 %' → 45 / 45.5; a share written '0,45' or '1,00' → 45 / 100."""
    match = _PERCENT_TOKEN.match(text.strip())
    if not match:
        return None
    if match.group(1) is not None:
        return float(match.group(1).replace(",", "."))
    return round(float(match.group(2).replace(",", ".")) * 100, 6)
