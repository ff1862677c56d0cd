"""JSON for infrastructure: pointers, dot paths, JSON Patch and diff, merge patch, canonical JSON.

Every function here gives the same result, byte for byte, as its TypeScript twin in
``@llm-dev-ops/infra/json`` (the conformance vectors prove it); downstream services use them to
version configs, sync state between browser and server, and sign documents.

- **JSON Pointer** (RFC 6901): :func:`pointer_parse`, :func:`pointer_format`, :func:`pointer_get`,
  :func:`pointer_add`, :func:`pointer_replace`, :func:`pointer_remove`.
- **Dot paths** (``"db.hosts.0"``, ``\\.`` escapes a dot): :func:`path_get`, :func:`path_set`,
  :func:`path_parse`, :func:`path_format`.
- **JSON Patch** (RFC 6902): :func:`apply_patch` (atomic, non-mutating unless ``in_place``) and
  :func:`diff` (one documented algorithm; small patches; ``apply_patch(a, diff(a, b)) == b``).
- **JSON Merge Patch** (RFC 7396): :func:`merge_patch_apply`, :func:`merge_patch_create`.
- **Canonical JSON** (RFC 8785): :func:`canonicalize` → ``str``, :func:`canonical_bytes` →
  UTF-8 ``bytes``, :func:`format_number` (ECMAScript Number::toString in pure Python).
- **Values**: strict :func:`parse` (rejects duplicate keys, NaN/Infinity, lone surrogates),
  :func:`json_equal` (``1 == 1.0``, ``true != 1``), :func:`clone` (validated deep copy).

Limits: nesting deeper than :data:`MAX_DEPTH` (256) is ``InfraError(validation)`` everywhere;
``__proto__``, ``constructor`` and ``prototype`` (:data:`FORBIDDEN_NAMES`) may not be used as
pointer tokens, path segments or merge-patch members. Integers are exact in Python but doubles in
JavaScript: keep them within ±2^53 (or carry them as strings) when both sides must agree.

    >>> from llm_infra.json import apply_patch, canonicalize, diff, path_get
    >>> old = {"name": "api", "replicas": 2, "ports": [80]}
    >>> new = {"name": "api", "replicas": 3, "ports": [443, 80]}
    >>> patch = diff(old, new)
    >>> patch
    [{'op': 'add', 'path': '/ports/0', 'value': 443}, {'op': 'replace', 'path': '/replicas', 'value': 3}]
    >>> apply_patch(old, patch) == new, old["replicas"]
    (True, 2)
    >>> canonicalize(new), path_get(new, "ports.1")
    ('{"name":"api","ports":[443,80],"replicas":3}', 80)

See docs/json.md for the algorithms, the number model across runtimes and the error kinds.
"""

from ._canonical import canonical_bytes, canonicalize, format_number
from ._diff import MAX_ARRAY_WORK, diff
from ._merge import merge_patch_apply, merge_patch_create
from ._parse import parse
from ._patch import apply_patch
from ._path import path_format, path_get, path_parse, path_set
from ._pointer import pointer_add, pointer_format, pointer_get, pointer_parse, pointer_remove, pointer_replace
from ._values import FORBIDDEN_NAMES, MAX_DEPTH, clone, json_equal

__all__ = [
    "FORBIDDEN_NAMES",
    "MAX_ARRAY_WORK",
    "MAX_DEPTH",
    "apply_patch",
    "canonical_bytes",
    "canonicalize",
    "clone",
    "diff",
    "format_number",
    "json_equal",
    "merge_patch_apply",
    "merge_patch_create",
    "parse",
    "path_format",
    "path_get",
    "path_parse",
    "path_set",
    "pointer_add",
    "pointer_format",
    "pointer_get",
    "pointer_parse",
    "pointer_remove",
    "pointer_replace",
]
