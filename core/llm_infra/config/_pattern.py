"""Portable regular expressions for the ``pattern`` rule: one subset, the same matches in Python and JS.

Accepted syntax: literal characters; ``\\`` before a punctuation character; ``\\d \\D \\w \\W \\s \\S``
(ASCII meanings: ``[0-9]``, ``[A-Za-z0-9_]``, ``[ \\t\\n\\r\\f\\v]``); ``\\n \\r \\t``; ``.`` (any character
but ``\\n``); classes ``[...]``/``[^...]`` with ranges and ``\\d \\w \\s`` inside; groups ``(...)`` and
``(?:...)``; ``|``; quantifiers ``* + ? {n} {n,} {n,m}`` (optionally lazy ``?``); ``^`` only first and
``$`` only last (redundant: the whole value must match). Anything else (look-arounds, back-references,
named groups, ``\\b``, flags, ``{,m}``) is ``InfraError(config)``. The translation spells every class
out, so both engines see the same sets.
"""

from __future__ import annotations

import re

from ..errors import InfraError
from ._text import quote

__all__ = ["compile_portable", "translate"]

_META = set("\\.[](){}*+?|^$/")
_CLASS_ESC = {"d": "0-9", "w": "A-Za-z0-9_", "s": " \\t\\n\\r\\x0c\\x0b"}
_ESC = {
    "d": "[0-9]",
    "D": "[^0-9]",
    "w": "[A-Za-z0-9_]",
    "W": "[^A-Za-z0-9_]",
    "s": "[ \\t\\n\\r\\x0c\\x0b]",
    "S": "[^ \\t\\n\\r\\x0c\\x0b]",
    "n": "\\n",
    "r": "\\r",
    "t": "\\t",
}
_QUANT = re.compile(r"\{([0-9]+)(,([0-9]*))?\}")


def _bad(pattern: str, pos: int, what: str) -> InfraError:
    return InfraError.config(
        f"pattern {quote(pattern)}: {what} at offset {pos} (outside the portable subset)", pattern=pattern, offset=pos
    )


def _lit(c: str, in_class: bool = False) -> str:
    return "\\" + c if c in _META or (in_class and c == "-") else c


def translate(pattern: str) -> str:
    """The portable ``pattern`` as regex source both ``re`` and JavaScript ``RegExp`` (flag ``u``) read alike."""
    if not isinstance(pattern, str):
        raise InfraError.config("a pattern must be a string", field="pattern")
    out: list[str] = []
    i, n = 0, len(pattern)
    end = n
    if pattern.startswith("^"):
        i = 1
    if end > i and pattern.endswith("$") and not pattern.endswith("\\$"):
        end -= 1
    depth = 0
    can_repeat = False
    while i < end:
        c = pattern[i]
        if c == "\\":
            if i + 1 >= end:
                raise _bad(pattern, i, "a trailing backslash")
            e = pattern[i + 1]
            if e in _ESC:
                out.append(_ESC[e])
            elif not e.isalnum() and e.isascii() and e.isprintable():
                out.append(_lit(e))
            else:
                raise _bad(pattern, i, f"the escape \\{e}")
            i += 2
            can_repeat = True
        elif c == ".":
            out.append("[^\\n]")
            i += 1
            can_repeat = True
        elif c == "[":
            j = i + 1
            parts = ["["]
            if j < end and pattern[j] == "^":
                parts.append("^")
                j += 1
            first = True
            while True:
                if j >= end:
                    raise _bad(pattern, i, "an unterminated class")
                d = pattern[j]
                if d == "]" and not first:
                    break
                if d == "\\":
                    if j + 1 >= end:
                        raise _bad(pattern, j, "a trailing backslash")
                    e = pattern[j + 1]
                    if e in _CLASS_ESC:
                        parts.append(_CLASS_ESC[e])
                    elif e in "nrt":
                        parts.append("\\" + e)
                    elif not e.isalnum() and e.isascii() and e.isprintable():
                        parts.append(_lit(e, True))
                    else:
                        raise _bad(pattern, j, f"the escape \\{e} in a class")
                    j += 2
                elif d in {"[", "]"}:
                    raise _bad(pattern, j, f"an unescaped {d!r} in a class")
                elif j + 2 < end and pattern[j + 1] == "-" and pattern[j + 2] not in "]\\[":
                    lo, hi = d, pattern[j + 2]
                    if ord(lo) > ord(hi):
                        raise _bad(pattern, j, "a reversed range")
                    parts.append(_lit(lo, True) + "-" + _lit(hi, True))
                    j += 3
                else:
                    parts.append(_lit(d, True))
                    j += 1
                first = False
            parts.append("]")
            out.append("".join(parts))
            i = j + 1
            can_repeat = True
        elif c == "(":
            if pattern.startswith("(?:", i):
                out.append("(?:")
                i += 3
            elif pattern.startswith("(?", i):
                raise _bad(pattern, i, "a special group")
            else:
                out.append("(")
                i += 1
            depth += 1
            can_repeat = False
        elif c == ")":
            if depth == 0:
                raise _bad(pattern, i, "an unbalanced ')'")
            depth -= 1
            out.append(")")
            i += 1
            can_repeat = True
        elif c == "|":
            out.append("|")
            i += 1
            can_repeat = False
        elif c in "*+?{":
            if not can_repeat:
                raise _bad(pattern, i, "a quantifier with nothing to repeat")
            if c == "{":
                m = _QUANT.match(pattern, i, end)
                if m is None:
                    raise _bad(pattern, i, "a '{' that is not a quantifier")
                if m.group(3) and int(m.group(3)) < int(m.group(1)):
                    raise _bad(pattern, i, "a quantifier range out of order")
                out.append(m.group(0))
                i = m.end()
            else:
                out.append(c)
                i += 1
            if i < end and pattern[i] == "?":
                out.append("?")
                i += 1
            can_repeat = False
        elif c in "^$]}":
            raise _bad(pattern, i, f"an unescaped {c!r}")
        else:
            out.append(_lit(c))
            i += 1
            can_repeat = True
    if depth:
        raise _bad(pattern, n, "an unclosed '('")
    return "".join(out)


def compile_portable(pattern: str) -> re.Pattern[str]:
    """The compiled translation of ``pattern`` (use ``fullmatch``)."""
    try:
        return re.compile(translate(pattern))
    except re.error as exc:
        raise InfraError.config(f"pattern {quote(pattern)}: {exc}", pattern=pattern) from None
