"""Typed access to a vector case's ``input`` fields; a wrong shape is ``InfraError(validation)``."""

from __future__ import annotations

from ..._json_types import JSONObject, JSONValue
from ...errors import InfraError

__all__ = ["opt", "opt_bytes", "req", "req_bytes", "req_float_list", "req_int", "req_list", "req_obj", "req_str"]

_MISSING = object()


def _type(value: object) -> str:
    return "null" if value is None else type(value).__name__


def req(inp: JSONObject, name: str) -> JSONValue:
    if name not in inp:
        raise InfraError.validation(f"input.{name} is required", field=name)
    return inp[name]


def opt(inp: JSONObject, name: str, default: JSONValue = None) -> JSONValue:
    return inp.get(name, default)


def req_str(inp: JSONObject, name: str) -> str:
    value = req(inp, name)
    if not isinstance(value, str):
        raise InfraError.validation(f"input.{name} must be a string, got {_type(value)}", field=name)
    return value


def req_int(inp: JSONObject, name: str) -> int:
    value = req(inp, name)
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            return int(value)
        raise InfraError.validation(f"input.{name} must be an integer, got {_type(value)}", field=name)
    return value


def _hex(name: str, value: JSONValue) -> bytes:
    if not isinstance(value, str):
        raise InfraError.validation(f"input.{name} must be a hex string, got {_type(value)}", field=name)
    try:
        return bytes.fromhex(value)
    except ValueError:
        raise InfraError.validation(f"input.{name} is not valid hex", field=name) from None


def req_bytes(inp: JSONObject, name: str) -> bytes:
    return _hex(name, req(inp, name))


def opt_bytes(inp: JSONObject, name: str, default: bytes = b"") -> bytes:
    return default if inp.get(name) is None else _hex(name, inp[name])


def req_obj(inp: JSONObject, name: str) -> JSONObject:
    value = req(inp, name)
    if not isinstance(value, dict):
        raise InfraError.validation(f"input.{name} must be an object, got {_type(value)}", field=name)
    return value


def req_list(inp: JSONObject, name: str) -> list[JSONValue]:
    value = req(inp, name)
    if not isinstance(value, list):
        raise InfraError.validation(f"input.{name} must be an array, got {_type(value)}", field=name)
    return value


def req_float_list(inp: JSONObject, name: str) -> list[float]:
    out: list[float] = []
    for i, v in enumerate(req_list(inp, name)):
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise InfraError.validation(f"input.{name}[{i}] must be a number, got {_type(v)}", field=f"{name}[{i}]")
        out.append(float(v))
    return out
