"""Pure-Python Ed25519 (RFC 8032): the implementation Pyodide runs and the reference for the others.

Arithmetic is on Python integers modulo p = 2^255 - 19, with points in extended twisted Edwards
coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, xy = T/Z (Hisil–Wong–Carter–Dawson 2008; the formulas
are those of ref10, with a = -1). Additions and subtractions are left unreduced and only products
are reduced, which Python's integers make free.

* Fixed-base multiplication ([r]B when signing, [a]B for the public key) uses signed radix-2^6
  digits and a table of 43 x 32 affine multiples of B in "Niels" form (y+x, y-x, 2dxy): at most 43
  mixed additions and no doubling. The table (1,376 points) is built on first use, not at import.
* Verification computes [S]B - [k]A with one Straus/Shamir loop over width-5 wNAF digits of k
  (odd multiples of -A, computed per key) and width-8 wNAF digits of S (odd multiples of B, built
  on first use): about 253 doublings and 70 additions. The result is encoded and compared with
  the bytes of R, so the check is **cofactorless** and a non-canonical R can never match.
* Inversions use ``pow(z, -1, p)`` (extended Euclid in C, about 7x faster than Fermat here).

Not constant-time: table indices, branch patterns and big-integer operation times depend on
secret scalars. Prefer the native backend (pynacl / libsodium) wherever it is installed.

    >>> public, state = keypair(bytes(32))
    >>> public.hex()
    '3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29'
    >>> verify(prepare(public), public, b"msg", sign(state, b"msg"))
    True
"""

# Upper-case X, Y, Z, T, R are the coordinate and point names of RFC 8032 and the formulas' papers.
# ruff: noqa: N803, N806

from __future__ import annotations

import hashlib

__all__ = ["SMALL_ORDER_Y", "L", "P", "keypair", "prepare", "sign", "verify"]

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
_D = 0x52036CEE2B6FFE738CC740797779E89800700A4D4141D8AB75EB4DCA135978A3
_D2 = 0x2406D9DC56DFFCE7198E80F2EEF3D13000E0149A8283B156EBD69B9426B2F159
_SQRT_M1 = 0x2B8324804FC1DF0B2B4D00993DFBD7A72F431806AD2FE478C4EE1B274A0EA0B0
_BX = 0x216936D3CD6E53FEC0A4E231FDD6DC5C692CC7609525A7B2C9562D608F25D51A
_BY = 0x6666666666666666666666666666666666666666666666666666666666666658
_MASK255 = (1 << 255) - 1

#: y-coordinates of the eight points of small order (1, 2, 4 and 8): 1 (identity), p-1, 0 and the
#: two of order 8. An encoding whose y is one of these (either sign bit), or is >= p, is rejected
#: for A and for R — the same blocklist libsodium applies.
SMALL_ORDER_Y = frozenset({
    0, 1, P - 1,
    0x05FC536D880238B13933C6D305ACDFD5F098EFF289F4C345B027B2C28F95E826,
    0x7A03AC9277FDC74EC6CC392CFA53202A0F67100D760B3CBA4FD84D3D706A17C7,
})

# Extended point: (X, Y, Z, T). Niels (affine, precomputed): (y+x, y-x, 2d*x*y).
# Cached (projective, precomputed): (Y+X, Y-X, 2Z, 2d*T).
_Ext = tuple[int, int, int, int]
_Niels = tuple[int, int, int]

_FIXED_W = 6  # signed radix-2^6 digits for fixed-base multiplication
_FIXED_N = 43  # 43 * 6 = 258 bits > 253 + carry
_BASE_NAF_W = 8  # wNAF width of S in verification (table of 64 odd multiples of B)
_KEY_NAF_W = 5  # wNAF width of k in verification (8 odd multiples of -A per key)

_fixed_table: list[list[_Niels]] | None = None
_base_odd: list[_Niels] | None = None


# -- point arithmetic -----------------------------------------------------------------------------

def _double(pt: _Ext) -> _Ext:
    X, Y, Z, _ = pt
    xx = X * X % P
    yy = Y * Y % P
    zz2 = 2 * Z * Z % P
    s = X + Y
    cy = yy + xx
    cz = yy - xx
    cx = s * s % P - cy
    ct = zz2 - cz
    return cx * ct % P, cy * cz % P, cz * ct % P, cx * cy % P


def _add(p1: _Ext, p2: _Ext) -> _Ext:
    X1, Y1, Z1, T1 = p1
    X2, Y2, Z2, T2 = p2
    a = (Y1 - X1) * (Y2 - X2) % P
    b = (Y1 + X1) * (Y2 + X2) % P
    c = T1 * _D2 % P * T2 % P
    d = 2 * Z1 * Z2 % P
    cx = b - a
    cy = b + a
    cz = d + c
    ct = d - c
    return cx * ct % P, cy * cz % P, cz * ct % P, cx * cy % P


def _to_cached(pt: _Ext) -> tuple[int, int, int, int]:
    X, Y, Z, T = pt
    return (Y + X) % P, (Y - X) % P, 2 * Z % P, T * _D2 % P


def _normalize(points: list[_Ext]) -> list[_Niels]:
    """Affine Niels forms of many points with one inversion (Montgomery's trick)."""
    prefix = []
    acc = 1
    for pt in points:
        prefix.append(acc)
        acc = acc * pt[2] % P
    inv = pow(acc, -1, P)
    out: list[_Niels] = [(0, 0, 0)] * len(points)
    for i in range(len(points) - 1, -1, -1):
        X, Y, Z, _ = points[i]
        zi = inv * prefix[i] % P
        inv = inv * Z % P
        x = X * zi % P
        y = Y * zi % P
        out[i] = ((y + x) % P, (y - x) % P, x * y % P * _D2 % P)
    return out


def _encode(X: int, Y: int, Z: int) -> bytes:
    zi = pow(Z, -1, P)
    x = X * zi % P
    y = Y * zi % P
    return (y | ((x & 1) << 255)).to_bytes(32, "little")


def _decode(enc: bytes) -> _Ext | None:
    """Strict RFC 8032 §5.1.3 decoding: y < p, x recoverable, no "negative zero"; else ``None``."""
    v = int.from_bytes(enc, "little")
    y = v & _MASK255
    sign = v >> 255
    if y >= P:
        return None
    yy = y * y % P
    u = (yy - 1) % P
    w = (_D * yy + 1) % P
    w3 = w * w % P * w % P
    x = u * w3 % P * pow(u * w3 % P * w3 % P * w % P, (P - 5) // 8, P) % P
    wxx = w * x % P * x % P
    if wxx != u:
        if wxx != P - u:
            return None
        x = x * _SQRT_M1 % P
    if x == 0 and sign:
        return None
    if (x & 1) != sign:
        x = P - x
    return x, y, 1, x * y % P


# -- fixed-base multiplication ---------------------------------------------------------------------

def _build_fixed_table() -> list[list[_Niels]]:
    half = 1 << (_FIXED_W - 1)
    points: list[_Ext] = []
    base: _Ext = (_BX, _BY, 1, _BX * _BY % P)
    for _ in range(_FIXED_N):
        acc = base
        points.append(acc)
        for _ in range(half - 1):
            acc = _add(acc, base)
            points.append(acc)
        base = _double(acc)  # (2^(w-1)) * base, doubled: the next position's base
    flat = _normalize(points)
    return [flat[i * half:(i + 1) * half] for i in range(_FIXED_N)]


def _signed_digits(k: int) -> list[int]:
    w = _FIXED_W
    full = 1 << w
    half = full >> 1
    mask = full - 1
    digits = []
    carry = 0
    for _ in range(_FIXED_N):
        d = (k & mask) + carry
        k >>= w
        if d >= half:
            d -= full
            carry = 1
        else:
            carry = 0
        digits.append(d)
    return digits


def _base_mult(k: int) -> tuple[int, int, int]:
    """[k]B for 0 <= k < 2^253, as projective (X, Y, Z)."""
    global _fixed_table
    table = _fixed_table
    if table is None:
        table = _fixed_table = _build_fixed_table()
    X, Y, Z, T = 0, 1, 1, 0
    for row, d in zip(table, _signed_digits(k), strict=True):
        if d == 0:
            continue
        if d > 0:
            ypx, ymx, xy2d = row[d - 1]
        else:
            ymx, ypx, xy2d = row[-d - 1]
            xy2d = -xy2d
        pp = (Y + X) * ypx % P
        mm = (Y - X) * ymx % P
        tt = T * xy2d % P
        z2 = Z + Z
        cx = pp - mm
        cy = pp + mm
        cz = z2 + tt
        ct = z2 - tt
        X = cx * ct % P
        Y = cy * cz % P
        Z = cz * ct % P
        T = cx * cy % P
    return X, Y, Z


# -- verification -----------------------------------------------------------------------------------

def _wnaf(k: int, w: int) -> list[int]:
    """Width-w non-adjacent form of k >= 0, least significant digit first."""
    out = [0] * (k.bit_length() + 1)
    full = 1 << w
    half = full >> 1
    mask = full - 1
    i = 0
    while k:
        if k & 1:
            d = k & mask
            if d >= half:
                d -= full
            out[i] = d
            k -= d
            k >>= 1
            i += 1
        else:
            tz = (k & -k).bit_length() - 1
            k >>= tz
            i += tz
    return out


def _odd_multiples(pt: _Ext, count: int) -> list[_Ext]:
    two = _double(pt)
    out = [pt]
    for _ in range(count - 1):
        out.append(_add(out[-1], two))
    return out


def _base_odd_table() -> list[_Niels]:
    global _base_odd
    if _base_odd is None:
        base: _Ext = (_BX, _BY, 1, _BX * _BY % P)
        _base_odd = _normalize(_odd_multiples(base, 1 << (_BASE_NAF_W - 2)))
    return _base_odd


class _PreparedKey:
    """A decoded, strictly valid public key and the odd multiples of -A (cached form)."""

    __slots__ = ("neg_multiples",)

    def __init__(self, point: _Ext) -> None:
        X, Y, Z, T = point
        neg = (P - X, Y, Z, P - T)
        self.neg_multiples = [_to_cached(q) for q in _odd_multiples(neg, 1 << (_KEY_NAF_W - 2))]


def prepare(public_key: bytes) -> _PreparedKey | None:
    """Decode a public key for :func:`verify`; ``None`` if it is not a canonical, large-order point."""
    if len(public_key) != 32:
        return None
    y = int.from_bytes(public_key, "little") & _MASK255
    if y in SMALL_ORDER_Y:
        return None
    point = _decode(public_key)
    return None if point is None else _PreparedKey(point)


def _double_scalar(s: int, k: int, key: _PreparedKey) -> tuple[int, int, int]:
    """[s]B + [k](-A) as projective (X, Y, Z), variable time."""
    naf_s = _wnaf(s, _BASE_NAF_W)
    naf_k = _wnaf(k, _KEY_NAF_W)
    n = max(len(naf_s), len(naf_k))
    naf_s += [0] * (n - len(naf_s))
    naf_k += [0] * (n - len(naf_k))
    tb = _base_odd_table()
    ta = key.neg_multiples
    X, Y, Z, T = 0, 1, 1, 0
    i = n - 1
    while i >= 0 and naf_s[i] == 0 and naf_k[i] == 0:
        i -= 1
    first = True
    while i >= 0:
        a = naf_k[i]
        b = naf_s[i]
        if first:
            first = False
        else:
            # doubling from (X, Y, Z) to completed coordinates
            xx = X * X % P
            yy = Y * Y % P
            zz2 = Z * Z % P * 2
            t = X + Y
            cy = yy + xx
            cz = yy - xx
            cx = t * t % P - cy
            ct = zz2 - cz
            X = cx * ct % P
            Y = cy * cz % P
            Z = cz * ct % P
            if a == 0 and b == 0:
                i -= 1
                continue
            T = cx * cy % P
        if a:
            if a > 0:
                ypx, ymx, z2, t2d = ta[a >> 1]
            else:
                ymx, ypx, z2, t2d = ta[(-a) >> 1]
                t2d = -t2d
            pp = (Y + X) * ypx % P
            mm = (Y - X) * ymx % P
            tt = T * t2d % P
            zz = Z * z2 % P
            cx = pp - mm
            cy = pp + mm
            cz = zz + tt
            ct = zz - tt
            X = cx * ct % P
            Y = cy * cz % P
            Z = cz * ct % P
            T = cx * cy % P
        if b:
            if b > 0:
                ypx, ymx, xy2d = tb[b >> 1]
            else:
                ymx, ypx, xy2d = tb[(-b) >> 1]
                xy2d = -xy2d
            pp = (Y + X) * ypx % P
            mm = (Y - X) * ymx % P
            tt = T * xy2d % P
            z2 = Z + Z
            cx = pp - mm
            cy = pp + mm
            cz = z2 + tt
            ct = z2 - tt
            X = cx * ct % P
            Y = cy * cz % P
            Z = cz * ct % P
            T = cx * cy % P
        i -= 1
    return X, Y, Z


# -- the scheme -----------------------------------------------------------------------------------

def keypair(seed: bytes) -> tuple[bytes, tuple[int, bytes, bytes]]:
    """``(public key, signing state)`` from a 32-byte seed (RFC 8032 §5.1.5)."""
    h = hashlib.sha512(seed).digest()
    a = int.from_bytes(h[:32], "little")
    a = (a & ((1 << 254) - 8)) | (1 << 254)
    public = _encode(*_base_mult(a % L))
    return public, (a % L, h[32:], public)


def sign(state: tuple[int, bytes, bytes], message: bytes) -> bytes:
    """The 64-byte signature R || S of ``message`` (RFC 8032 §5.1.6)."""
    a, prefix, public = state
    h = hashlib.sha512(prefix)
    h.update(message)
    r = int.from_bytes(h.digest(), "little") % L
    R = _encode(*_base_mult(r))
    h = hashlib.sha512(R)
    h.update(public)
    h.update(message)
    k = int.from_bytes(h.digest(), "little") % L
    return R + ((r + k * a) % L).to_bytes(32, "little")


def verify(key: _PreparedKey | None, public_key: bytes, message: bytes, signature: bytes) -> bool:
    """Strict, cofactorless RFC 8032 §5.1.7 verification: encode([S]B - [k]A) == R."""
    if key is None or len(signature) != 64 or len(public_key) != 32:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= L:
        return False
    r_enc = signature[:32]
    ry = int.from_bytes(r_enc, "little") & _MASK255
    if ry >= P or ry in SMALL_ORDER_Y:
        return False
    h = hashlib.sha512(r_enc)
    h.update(public_key)
    h.update(message)
    k = int.from_bytes(h.digest(), "little") % L
    return _encode(*_double_scalar(s, k, key)) == r_enc
