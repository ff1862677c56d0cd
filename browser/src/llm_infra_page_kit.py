"""Small helpers the playground tools share on the Python side; ``tool-kit.ts`` is their TypeScript
twin, with the same messages, so both sides fail on a bad field with the same error.

Nothing heavy is imported here (the page imports every tool at start-up).

    >>> bytes_of_hex("0B 0b", "key").hex(), iso_of_ms(0), iso_of_ms(2**48 - 1)
    ('0b0b', '1970-01-01T00:00:00.000Z', '+010889-08-02T05:31:50.655Z')
"""

from __future__ import annotations

import json
import re

from llm_infra._json_types import JSONObject, JSONValue
from llm_infra.errors import InfraError

__all__ = ["bytes_of", "bytes_of_hex", "document_of", "integer", "iso_of_ms", "obj", "optional", "utf8"]

_SPACE = re.compile(r"\s+")
_NOT_HEX = re.compile(r"[^0-9a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def bytes_of_hex(text: JSONValue, field: str) -> bytes:
    """The bytes of hex text (whitespace ignored, any case); else ``InfraError(validation)`` naming ``field``."""
    if not isinstance(text, str):
        raise InfraError.validation(f"{field} must be hex text", field=field)
    s = _SPACE.sub("", text)
    bad = _NOT_HEX.search(s)
    if bad is not None:
        raise InfraError.validation(
            f"{field} is not hex: character {json.dumps(bad.group(), ensure_ascii=False)} at index {bad.start()}",
            field=field)
    if len(s) % 2:
        raise InfraError.validation(f"{field} is not hex: odd length {len(s)}", field=field)
    return bytes.fromhex(s)


def utf8(text: JSONValue) -> bytes:
    """UTF-8 of text (a lone surrogate becomes U+FFFD, as JavaScript's ``TextEncoder`` does)."""
    return _SURROGATE.sub("\ufffd", "" if text is None else str(text)).encode("utf-8")


def bytes_of(text: JSONValue, encoding: JSONValue, field: str) -> bytes:
    """Text as typed (``text``) or the bytes of hex (``hex``), per the tool's encoding select."""
    return bytes_of_hex(text, field) if encoding == "hex" else utf8(text)


def _civil(days: int) -> tuple[int, int, int]:
    """(year, month, day) of a day count since 1970-01-01, proleptic Gregorian (H. Hinnant's algorithm)."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, day


def iso_of_ms(ms: int) -> str:
    """Integer Unix milliseconds as ISO 8601 UTC with milliseconds, exactly as JavaScript's ``toISOString``."""
    days, rest = divmod(ms, 86_400_000)
    year, month, day = _civil(days)
    y = f"{year:04d}" if 0 <= year <= 9999 else f"{'+' if year > 0 else '-'}{abs(year):06d}"
    h, rest = divmod(rest, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{y}-{month:02d}-{day:02d}T{h:02d}:{m:02d}:{s:02d}.{milli:03d}Z"


def optional(text: JSONValue) -> str | None:
    """A text field's value, or ``None`` when it is empty (an optional input)."""
    s = ("" if text is None else str(text)).strip()
    return s or None


def integer(value: JSONValue, field: str, lo: int, hi: int) -> int:
    """A whole number field in [lo, hi]; else ``InfraError(validation)`` naming ``field``."""
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer()
    if not ok or not lo <= value <= hi:  # type: ignore[operator]
        got = json.dumps(value, ensure_ascii=False)
        raise InfraError.validation(f"{field} must be a whole number from {lo} to {hi}, got {got}", field=field)
    return int(value)  # type: ignore[arg-type]


def obj(value: JSONValue, field: str) -> JSONObject:
    """A JSON object field; else ``InfraError(validation)`` naming ``field``."""
    if not isinstance(value, dict):
        raise InfraError.validation(f"{field} must be a JSON object", field=field)
    return value


def document_of(text: JSONValue, field: str) -> JSONValue:
    """A JSON document typed into a field, parsed by the library's strict parser
    (``llm_infra.json.parse``: duplicate keys, NaN and lone surrogates are errors); its error is
    prefixed with the field's name."""
    from llm_infra.json import parse  # imported on first use, not at the page's start

    try:
        return parse("" if text is None else str(text))
    except InfraError as exc:
        raise InfraError(exc.kind, f"{field}: {exc.message}", context={"field": field, **exc.context}) from None
