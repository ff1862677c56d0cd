"""The JSON value type shared by every core module (layer 0, no imports of ours)."""

from __future__ import annotations

from typing import TypeAlias

__all__ = ["JSONObject", "JSONValue"]

#: Any value that JSON can carry: ``null``, booleans, numbers, strings, arrays and objects.
JSONValue: TypeAlias = bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"] | None
#: A JSON object (string keys).
JSONObject: TypeAlias = dict[str, JSONValue]
