"""The JSON value type shared by every core module (layer 0, no imports of ours)."""

from __future__ import annotations

from typing import TypeAlias, Union

__all__ = ["JSONValue", "JSONObject"]

#: Any value that JSON can carry: ``null``, booleans, numbers, strings, arrays and objects.
JSONValue: TypeAlias = Union[None, bool, int, float, str, list["JSONValue"], dict[str, "JSONValue"]]
#: A JSON object (string keys).
JSONObject: TypeAlias = dict[str, JSONValue]
