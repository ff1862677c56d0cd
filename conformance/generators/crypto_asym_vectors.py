"""Generate conformance/vectors/crypto/ed25519_*.json and argon2_*.json.

Expectations never come from llm_infra itself:

* Ed25519: RFC 8032 §7.1 (../shared/vectors/rfc/rfc8032_ed25519.json); random keys and messages
  signed and verified by **pynacl** (libsodium) and cross-checked with **cryptography** (OpenSSL);
  the edge cases of "Taming the many EdDSAs" (Chalkias, Garillot, Nikolaenko 2020;
  novifinancial/ed25519-speccheck ``cases.txt`` and ``cases.json``) and a selection of C2SP/CCTV
  ``ed25519vectors.json``, whose verdicts are libsodium's and are also checked here against the
  rule the library documents (S < L, canonical A and R, no small-order A or R, cofactorless).
  Where OpenSSL (hence Node's WebCrypto) answers differently the case's note says so.
* Argon2id: RFC 9106 §5.3 (../shared/vectors/rfc/rfc9106_argon2id.json); random parameters
  computed by **argon2-cffi** (the reference C implementation), through
  ``argon2.low_level.hash_secret_raw`` or, with a secret or associated data, its raw
  ``argon2.low_level.core`` binding; PHC strings made, checked and rehash-judged by argon2-cffi's
  ``PasswordHasher``. Memory stays at 8–256 KiB so every case is quick in Pyodide.
* Invalid inputs (lengths, ranges, malformed PHC strings) follow the documented rules of
  docs/crypto.md; where argon2-cffi is laxer (e.g. it accepts a PHC string without ``v=``)
  the note says so.

Random inputs come from ``random.Random`` with fixed seeds. Run: python conformance/generators/crypto_asym_vectors.py
"""

from __future__ import annotations

import base64
import json
import random
from pathlib import Path

import argon2
from _common import write
from argon2.low_level import ARGON2_VERSION, Type, core, ffi, hash_secret_raw, lib
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

RFC = Path(__file__).resolve().parents[3] / "shared" / "vectors" / "rfc"
H = bytes.fromhex
P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
SMALL_ORDER_Y = {0, 1, P - 1,
                 0x05FC536D880238B13933C6D305ACDFD5F098EFF289F4C345B027B2C28F95E826,
                 0x7A03AC9277FDC74EC6CC392CFA53202A0F67100D760B3CBA4FD84D3D706A17C7}


def _rfc(name: str) -> dict:
    path = RFC / name
    if not path.exists():  # running from the main checkout rather than a worktree
        path = Path("/work/shared/vectors/rfc") / name
    return json.loads(path.read_text(encoding="utf-8"))


# -- Ed25519 ----------------------------------------------------------------------------------------

def nacl_verify(pub: bytes, msg: bytes, sig: bytes) -> bool:
    try:
        VerifyKey(pub).verify(msg, sig)
    except (BadSignatureError, ValueError, TypeError):
        return False
    return True


def openssl_verify(pub: bytes, msg: bytes, sig: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(pub).verify(sig, msg)
    except (InvalidSignature, ValueError):
        return False
    return True


def strict_rules_ok(pub: bytes, sig: bytes) -> bool:
    """The byte-level rules of the documented policy (S < L, canonical, not small order)."""
    if len(pub) != 32 or len(sig) != 64 or int.from_bytes(sig[32:], "little") >= L:
        return False
    for enc in (pub, sig[:32]):
        y = int.from_bytes(enc, "little") & ((1 << 255) - 1)
        if y >= P or y in SMALL_ORDER_Y:
            return False
    return True


def verify_case(cid: str, pub: bytes, msg: bytes, sig: bytes, note: str = "", tags: list[str] | None = None,
                expect: bool | None = None) -> dict:
    valid = nacl_verify(pub, msg, sig)
    if expect is not None:
        assert valid == expect, (cid, valid, expect)
    if valid:
        assert strict_rules_ok(pub, sig), cid
    lax = openssl_verify(pub, msg, sig) if len(pub) == 32 and len(sig) == 64 else False
    if lax != valid:
        note = (note + " " if note else "") + f"(OpenSSL/WebCrypto alone says {str(lax).lower()}.)"
    case: dict = {"id": cid, "input": {"public_key": pub.hex(), "message": msg.hex(), "signature": sig.hex()},
                  "expect": {"valid": valid}}
    if tags:
        case["tags"] = tags
    if note:
        case["note"] = note
    return case


TAMING = [  # speccheck cases.txt (12 cases, numbered as in the paper) + the two differing cases of cases.json
    ("8c93255d71dcab10e8f379c26200f3c7bd5f09d9bc3068d3ef4edeb4853022b6",
     "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
     "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a0000000000000000000000000000000000000000000000000000000000000000",
     "S = 0, small-order A and R: passes cofactored and cofactorless equations; small order is rejected"),
    ("9bd9f44f4dcc75bd531b56b2cd280b0bb38fc1cd6d1230e14861d861de092e79",
     "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
     "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43a5bb704786be79fc476f91d3f3f89b03984d8068dcf1bb7dfc6637b45450ac04",
     "0 < S < L, small-order A, mixed-order R: both equations hold; small-order A is rejected"),
    ("aebf3f2601a0c8c5d39cc7d8911642f740b78168218da8471772b35f9d35b9ab",
     "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43",
     "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa8c4bd45aecaca5b24fb97bc10ac27ac8751a7dfe1baff8b953ec9f5833ca260e",
     "0 < S < L, mixed-order A, small-order R: both equations hold; small-order R is rejected"),
    ("9bd9f44f4dcc75bd531b56b2cd280b0bb38fc1cd6d1230e14861d861de092e79",
     "cdb267ce40c5cd45306fa5d2f29731459387dbf9eb933b7bd5aed9a765b88d4d",
     "9046a64750444938de19f227bb80485e92b83fdb4b6506c160484c016cc1852f87909e14428a7a1d62e9f22f3d3ad7802db02eb2e688b6c52fcd6648a98bd009",
     "0 < S < L, mixed-order A and R, cofactorless equation holds: valid"),
    ("e47d62c63f830dc7a6851a0b1f33ae4bb2f507fb6cffec4011eaccd55b53f56c",
     "cdb267ce40c5cd45306fa5d2f29731459387dbf9eb933b7bd5aed9a765b88d4d",
     "160a1cb0dc9c0258cd0a7d23e94d8fa878bcb1925f2c64246b2dee1796bed5125ec6bc982a269b723e0668e540911a9a6a58921d6925e434ab10aa7940551a09",
     "mixed-order A and R, only the cofactored equation holds: invalid (verification is cofactorless)"),
    ("e47d62c63f830dc7a6851a0b1f33ae4bb2f507fb6cffec4011eaccd55b53f56c",
     "cdb267ce40c5cd45306fa5d2f29731459387dbf9eb933b7bd5aed9a765b88d4d",
     "21122a84e0b5fca4052f5b1235c80a537878b38f3142356b2c2384ebad4668b7e40bc836dac0f71076f9abe3a53f9c03c1ceeeddb658d0030494ace586687405",
     "mixed-order A, passes only cofactored with a pre-reduced scalar: invalid"),
    ("85e241a07d148b41e47d62c63f830dc7a6851a0b1f33ae4bb2f507fb6cffec40",
     "442aad9f089ad9e14647b1ef9099a1ff4798d78589e66f28eca69c11f582a623",
     "e96f66be976d82e60150baecff9906684aebb1ef181f67a7189ac78ea23b6c0e547f7690a0e2ddcd04d87dbc3490dc19b3b3052f7ff0538cb68afb369ba3a514",
     "S > L (would verify if S were reduced): invalid"),
    ("85e241a07d148b41e47d62c63f830dc7a6851a0b1f33ae4bb2f507fb6cffec40",
     "442aad9f089ad9e14647b1ef9099a1ff4798d78589e66f28eca69c11f582a623",
     "8ce5b96c8f26d0ab6c47958c9e68b937104cd36e13c33566acd2fe8d38aa19427e71f98a473474f2f13f06f97c20d58cc3f54b8bd0d272f42b695dd7e89a8c22",
     "S much larger than L: invalid"),
    ("9bedc267423725d473888631ebf45988bad3db83851ee85c85e241a07d148b41",
     "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43",
     "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff03be9678ac102edcd92b0210bb34d7428d12ffc5df5f37e359941266a4e35f0f",
     "non-canonical R (y = p-1 with the sign bit set: x = 0, 'negative zero'), k from the received bytes: invalid"),
    ("9bedc267423725d473888631ebf45988bad3db83851ee85c85e241a07d148b41",
     "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43",
     "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffca8c5b64cd208982aa38d4936621a4775aa233aa0505711d8fdcfdaa943d4908",
     "non-canonical R, k from the re-encoded R: invalid"),
    ("e96b7021eb39c1a163b6da4e3093dcd3f21387da4cc4572be588fafae23c155b",
     "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
     "a9d55260f765261eb9b84e106f665e00b867287a761990d7135963ee0a7d59dca5bb704786be79fc476f91d3f3f89b03984d8068dcf1bb7dfc6637b45450ac04",
     "non-canonical, small-order A (x = 0 with the sign bit), k from the received bytes: invalid"),
    ("39a591f5321bbe07fd5a23dc2f39d025d74526615746727ceefd6e82ae65c06f",
     "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
     "a9d55260f765261eb9b84e106f665e00b867287a761990d7135963ee0a7d59dca5bb704786be79fc476f91d3f3f89b03984d8068dcf1bb7dfc6637b45450ac04",
     "non-canonical, small-order A, k from the re-encoded A: invalid"),
    ("fdaebc429f4a735932a160da1301080c13280eea8bc280d1b392c6b9e6ba3a5a",
     "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43",
     "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f454d370c8d9fc323a41450f8d513eafeb5b0697390c1e505a0d4ddc71f566607",
     "cases.json variant of case 8: R encoded with y = p: invalid"),
    ("84b698d39be126ff55fe45079e6c8bf64a0d7db6994560b4e96b7021eb39c1a1",
     "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43",
     "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f084d5b99c2a9463d9c8bd5026916996984eeec87ddf1d3be329006ace1b37b09",
     "cases.json variant of case 9: R encoded with y = p, re-encoded k: invalid"),
]

_K0 = "00" * 32
_KM = "10eb7c3acfb2bed3e0d6ab89bf5a3d6afddd1176ce4812e38d9fd485058fdb1f"  # mixed-order A
_KP = "ed" + "ff" * 30 + "7f"  # y = p: non-canonical encoding of y = 0
_RP = "ed" + "ff" * 30 + "7f"
_RPS = "ed" + "ff" * 31
CCTV = [  # (number, key, sig, msg, flags) from C2SP/CCTV ed25519/ed25519vectors.json
    (0, _K0, "00" * 64, "ed25519vectors 3", "low_order_R low_order_A low_order_residue"),
    (6, _KM, "36684ea91032ba5b1dbab2d02f4debc74c3327f2b3802e2e4d371aa42b12b56bc02e2b9e63e385c058bf62b14b3a2b29ccefe8e38ddb536bc3f9865320a3d801",
     "ed25519vectors 10", "low_order_component_R low_order_component_A low_order_residue"),
    (7, _KM, "36684ea91032ba5b1dbab2d02f4debc74c3327f2b3802e2e4d371aa42b12b56bbbfd00bd9c259d8d222d15e67a3d8228585050dbb9b9585be20d8fadc721da03",
     "ed25519vectors", "low_order_component_R low_order_component_A"),
    (8, _KP, "00" * 64, "ed25519vectors 8", "low_order_R low_order_A low_order_residue non_canonical_A"),
    (14, _K0, _RP + "00" * 32, "ed25519vectors 3", "low_order_R low_order_A low_order_residue non_canonical_R"),
    (16, _KM, _RP + "1cb421dfbd92aa6c30d550bff53c81cf650ace6deb96a8ec22d2fef84dbbe20b", "ed25519vectors 6",
     "low_order_R low_order_component_A low_order_residue non_canonical_R"),
    (22, _K0, "00" * 31 + "80" + "00" * 32, "ed25519vectors 4", "low_order_R low_order_A low_order_residue"),
    (24, _K0, "b797b156efcd45a4e2454d2fd0b21438b3ccd80d4c7fd1d1b2c8e55bd4ed4a9405ba9a796274d80437afa36f1236563f2f3b0aa84cecddc3d20914615ba4fe02",
     "ed25519vectors", "low_order_A low_order_component_R low_order_residue"),
    (28, _KM, "b797b156efcd45a4e2454d2fd0b21438b3ccd80d4c7fd1d1b2c8e55bd4ed4a94639734cf989e314e9e049fc01a3864d191fed8f231b12fee6fa50aaadba44b0e",
     "ed25519vectors 9", "low_order_component_R low_order_component_A low_order_residue"),
    (29, _KM, "b797b156efcd45a4e2454d2fd0b21438b3ccd80d4c7fd1d1b2c8e55bd4ed4a94732d9e0279fe001d90327efa319816e3e4506b78432b8b4e1f2fdc4b960d700f",
     "ed25519vectors 2", "low_order_component_R low_order_component_A"),
    (36, _K0, _RPS + "00" * 32, "ed25519vectors 5", "low_order_R low_order_A low_order_residue non_canonical_R"),
    (38, _KM, _RPS + "7117c2ec783065c50f2c930cfc9d318c9737991acb260b49e2ca815474532709", "ed25519vectors",
     "low_order_R low_order_component_A low_order_residue non_canonical_R"),
]
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_REJECTING_FLAGS = {"low_order_A", "low_order_R", "non_canonical_A", "non_canonical_R", "low_order_residue"}


def ed25519_vectors() -> None:
    rfc = _rfc("rfc8032_ed25519.json")["cases"]
    rng = random.Random(8032)
    lengths = [0, 1, 2, 3, 16, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 200, 255, 256, 511, 1000]
    randoms = [(rng.randbytes(32), rng.randbytes(n)) for n in lengths]

    pub_cases, sign_cases = [], []
    for c in rfc:
        cid = "rfc8032-" + c["name"].lower().replace("test ", "test-").replace("(", "-").replace(")", "")
        seed, msg = H(c["secret_key"]), H(c["message"])
        assert SigningKey(seed).verify_key.encode().hex() == c["public_key"]
        assert SigningKey(seed).sign(msg).signature.hex() == c["signature"]
        pub_cases.append({"id": cid, "input": {"seed": c["secret_key"]}, "expect": {"public_key": c["public_key"]}})
        sign_cases.append({"id": cid, "input": {"seed": c["secret_key"], "message": c["message"]},
                           "expect": {"signature": c["signature"]}})
    for i, (seed, msg) in enumerate(randoms):
        sk = SigningKey(seed)
        pub = sk.verify_key.encode()
        sig = sk.sign(msg).signature
        assert openssl_verify(pub, msg, sig), f"cryptography disagrees on random-{i}"
        pub_cases.append({"id": f"random-{i:02d}", "input": {"seed": seed.hex()}, "expect": {"public_key": pub.hex()}})
        sign_cases.append({"id": f"random-{i:02d}-len{len(msg)}", "input": {"seed": seed.hex(), "message": msg.hex()},
                           "expect": {"signature": sig.hex()}})
    big = rng.randbytes(5000)
    sign_cases.append({"id": "random-5000-bytes", "input": {"seed": randoms[0][0].hex(), "message": big.hex()},
                       "expect": {"signature": SigningKey(randoms[0][0]).sign(big).signature.hex()}})
    for n in (0, 31, 33, 64):
        bad = {"id": f"seed-{n}-bytes", "input": {"seed": rng.randbytes(n).hex()}, "error": {"kind": "validation"}}
        pub_cases.append(bad)
        sign_cases.append({**bad, "input": {**bad["input"], "message": "00"}})
    write("crypto", "ed25519_public_key", "crypto.ed25519.public_key",
          "RFC 8032 §7.1 keys; random seeds (random.Random(8032)) computed with pynacl/libsodium; bad seed lengths are InfraError(validation)",
          pub_cases)
    write("crypto", "ed25519_sign", "crypto.ed25519.sign",
          "RFC 8032 §7.1 signatures; random seeds and messages signed with pynacl/libsodium and verified with cryptography/OpenSSL",
          sign_cases)

    # -- verify --------------------------------------------------------------------------------
    cases = []
    for c in rfc:
        cid = "rfc8032-" + c["name"].lower().replace("test ", "test-").replace("(", "-").replace(")", "")
        cases.append(verify_case(cid, H(c["public_key"]), H(c["message"]), H(c["signature"]), expect=True))
    for i, (seed, msg) in enumerate(randoms[:10]):
        sk = SigningKey(seed)
        cases.append(verify_case(f"random-{i:02d}-valid", sk.verify_key.encode(), msg, sk.sign(msg).signature,
                                 expect=True))
    seed, msg = rng.randbytes(32), b"llm-infra strict Ed25519 verification"
    sk = SigningKey(seed)
    pub = sk.verify_key.encode()
    sig = sk.sign(msg).signature
    r, s = sig[:32], int.from_bytes(sig[32:], "little")
    other = SigningKey(rng.randbytes(32)).verify_key.encode()

    def le(n: int) -> bytes:
        return n.to_bytes(32, "little")

    def flip(data: bytes, bit: int) -> bytes:
        out = bytearray(data)
        out[bit // 8] ^= 1 << (bit % 8)
        return bytes(out)

    inv = [
        ("base-valid", pub, msg, sig, "the signature the tampered cases start from", True),
        ("message-bit-0-flipped", pub, flip(msg, 0), sig, "", False),
        ("message-last-bit-flipped", pub, flip(msg, len(msg) * 8 - 1), sig, "", False),
        ("message-extended", pub, msg + b"\x00", sig, "", False),
        ("message-truncated", pub, msg[:-1], sig, "", False),
        ("message-empty", pub, b"", sig, "", False),
        ("r-bit-0-flipped", pub, msg, flip(sig, 0), "", False),
        ("r-sign-bit-flipped", pub, msg, flip(sig, 255), "", False),
        ("s-bit-0-flipped", pub, msg, flip(sig, 256), "", False),
        ("s-bit-250-flipped", pub, msg, flip(sig, 256 + 250), "", False),
        ("s-plus-l", pub, msg, r + le(s + L), "malleability: S + L is the same scalar mod L, but S >= L is rejected", False),
        ("s-plus-2l", pub, msg, r + le(s + 2 * L), "S + 2L", False),
        ("s-plus-8l", pub, msg, r + le(s + 8 * L), "S + 8L, still < 2^256", False),
        ("s-equals-l", pub, msg, r + le(L), "", False),
        ("s-zero", pub, msg, r + le(0), "", False),
        ("s-all-ones", pub, msg, r + b"\xff" * 32, "", False),
        ("s-top-bit-set", pub, msg, r + le(s | (1 << 255)), "", False),
        ("r-identity-s-zero", pub, msg, le(1) + le(0), "R = identity (small order)", False),
        ("signature-63-bytes", pub, msg, sig[:63], "truncated", False),
        ("signature-32-bytes", pub, msg, sig[:32], "truncated", False),
        ("signature-empty", pub, msg, b"", "", False),
        ("signature-65-bytes", pub, msg, sig + b"\x00", "extended", False),
        ("signature-128-bytes", pub, msg, sig + sig, "extended", False),
        ("signature-all-zero", pub, msg, bytes(64), "", False),
        ("public-key-31-bytes", pub[:31], msg, sig, "wrong public-key length", False),
        ("public-key-33-bytes", pub + b"\x00", msg, sig, "wrong public-key length", False),
        ("public-key-64-bytes", pub + pub, msg, sig, "wrong public-key length", False),
        ("public-key-empty", b"", msg, sig, "wrong public-key length", False),
        ("public-key-other", other, msg, sig, "a different key", False),
        ("public-key-bit-0-flipped", flip(pub, 0), msg, sig, "", False),
        ("public-key-sign-bit-flipped", flip(pub, 255), msg, sig, "-A instead of A", False),
        ("public-key-all-zero", bytes(32), msg, sig, "small order (y = 0)", False),
        ("public-key-identity", le(1), msg, sig, "small order (identity)", False),
        ("public-key-y-p", le(P), msg, sig, "non-canonical (y = p)", False),
        ("public-key-y-2p-minus-1", b"\xff" * 31 + b"\x7f", msg, sig, "non-canonical (y = 2^255 - 1)", False),
        ("public-key-off-curve", le(2), msg, sig, "y = 2 is not on the curve", False),
    ]
    for cid, p_, m_, s_, note, want in inv:
        cases.append(verify_case(cid, p_, m_, s_, note, expect=want))
    for i, (msg_h, pub_h, sig_h, note) in enumerate(TAMING):
        num = i if i < 12 else f"{i - 4}b"
        cases.append(verify_case(f"taming-{num}", H(pub_h), H(msg_h), H(sig_h), note, tags=["taming-eddsas"],
                                 expect=(i == 3)))
    for num, key, sig_h, msg_s, flags in CCTV:
        want = not (set(flags.split()) & _REJECTING_FLAGS)
        cases.append(verify_case(f"cctv-{num}", H(key), msg_s.encode(), H(sig_h), f"CCTV flags: {flags}",
                                 tags=["cctv"], expect=want))
    write("crypto", "ed25519_verify", "crypto.ed25519.verify",
          "RFC 8032 §7.1; pynacl/libsodium verdicts (strict, cofactorless) on random, tampered and malformed signatures; "
          "'Taming the many EdDSAs' (ed25519-speccheck) and C2SP/CCTV ed25519vectors edge cases",
          cases)


# -- Argon2id ---------------------------------------------------------------------------------------

def cffi_argon2id(pwd: bytes, salt: bytes, t: int, m: int, p: int, n: int, secret: bytes = b"", ad: bytes = b"") -> bytes:
    if not secret and not ad:
        return hash_secret_raw(pwd, salt, t, m, p, n, Type.ID, ARGON2_VERSION)
    out = ffi.new("uint8_t[]", n)
    bufs = [ffi.new("uint8_t[]", x) if x else ffi.NULL for x in (pwd, salt, secret, ad)]
    ctx = ffi.new("argon2_context *", {
        "version": ARGON2_VERSION, "out": out, "outlen": n, "pwd": bufs[0], "pwdlen": len(pwd),
        "salt": bufs[1], "saltlen": len(salt), "secret": bufs[2], "secretlen": len(secret), "ad": bufs[3],
        "adlen": len(ad), "t_cost": t, "m_cost": m, "lanes": p, "threads": p, "allocate_cbk": ffi.NULL,
        "free_cbk": ffi.NULL, "flags": lib.ARGON2_DEFAULT_FLAGS})
    assert core(ctx, Type.ID.value) == lib.ARGON2_OK
    return bytes(ffi.buffer(out, n))


def a2case(cid: str, pwd: bytes, salt: bytes, t: int, m: int, p: int, n: int, secret: bytes = b"", ad: bytes = b"",
           note: str = "") -> dict:
    inp: dict = {"password": pwd.hex(), "salt": salt.hex()}
    if secret:
        inp["secret"] = secret.hex()
    if ad:
        inp["ad"] = ad.hex()
    inp.update({"time_cost": t, "memory_kib": m, "parallelism": p, "length": n})
    case = {"id": cid, "input": inp, "expect": {"tag": cffi_argon2id(pwd, salt, t, m, p, n, secret, ad).hex()}}
    if note:
        case["note"] = note
    return case


def argon2_vectors() -> None:
    rfc = _rfc("rfc9106_argon2id.json")["cases"][0]
    assert rfc["version"] == 19
    cases = []
    rfc_case = a2case("rfc9106-5.3", H(rfc["password_hex"]), H(rfc["salt_hex"]), rfc["t_cost"], rfc["m_cost_kib"],
                      rfc["parallelism"], rfc["tag_length"], H(rfc["secret_hex"]), H(rfc["associated_data_hex"]),
                      "RFC 9106 §5.3 (secret and associated data)")
    assert rfc_case["expect"]["tag"] == rfc["expected_tag_hex"]
    cases.append(rfc_case)
    rng = random.Random(9106)
    lengths = [4, 5, 16, 31, 32, 33, 63, 64, 65, 96, 100, 128, 129, 200, 256, 1024]
    for i, n in enumerate(lengths):
        p = rng.choice([1, 1, 2, 3, 4])
        m = rng.randint(8 * p, 160)
        t = rng.randint(1, 3)
        pwd = rng.randbytes(rng.choice([0, 1, 8, 32, 64, 200]))
        salt = rng.randbytes(rng.choice([8, 16, 32, 100]))
        cases.append(a2case(f"random-{i:02d}-t{t}-m{m}-p{p}-len{n}", pwd, salt, t, m, p, n))
    for i in range(6):
        p = rng.choice([1, 2, 4])
        m = rng.randint(8 * p, 96)
        secret = rng.randbytes(rng.choice([1, 16, 32, 64]))
        ad = rng.randbytes(rng.choice([0, 5, 12, 100])) if i % 3 else b""
        secret = secret if i != 4 else b""
        ad = ad if i != 4 else rng.randbytes(20)
        cases.append(a2case(f"keyed-{i}-t2-m{m}-p{p}", rng.randbytes(16), rng.randbytes(16), 2, m, p, 32, secret, ad,
                            "with secret and/or associated data (argon2-cffi core())"))
    salt = bytes(range(16))
    cases += [
        a2case("memory-8p-exact", b"password", salt, 1, 16, 2, 32, note="m = 8p, the minimum"),
        a2case("memory-rounded-down", b"password", salt, 2, 37, 3, 32, note="m' = 4p*floor(m/4p) = 36 blocks, but H0 hashes m = 37"),
        a2case("memory-256", b"password", salt, 1, 256, 1, 32, note="several address blocks in the first pass"),
        a2case("memory-128-p8", b"password", salt, 1, 128, 8, 32),
        a2case("time-cost-6", b"password", salt, 6, 16, 1, 32),
        a2case("long-password", bytes(range(256)) * 4, salt, 1, 8, 1, 32),
        a2case("salt-8-bytes", b"", b"saltsalt", 1, 8, 1, 4, note="the smallest salt and tag"),
    ]
    base = {"password": b"password".hex(), "salt": salt.hex(), "time_cost": 1, "memory_kib": 8, "parallelism": 1,
            "length": 32}
    bad = [
        ("salt-7-bytes", {"salt": salt[:7].hex()}), ("salt-empty", {"salt": ""}),
        ("time-cost-0", {"time_cost": 0}), ("time-cost-2^32", {"time_cost": 2**32}),
        ("parallelism-0", {"parallelism": 0}), ("parallelism-2^24", {"parallelism": 2**24, "memory_kib": 2**27}),
        ("memory-below-8p", {"memory_kib": 15, "parallelism": 2}), ("memory-7", {"memory_kib": 7}),
        ("memory-2^32", {"memory_kib": 2**32}), ("memory-negative", {"memory_kib": -8}),
        ("length-3", {"length": 3}), ("length-0", {"length": 0}), ("length-2^32", {"length": 2**32}),
    ]
    for cid, change in bad:
        cases.append({"id": cid, "input": {**base, **change}, "error": {"kind": "validation"}})
    write("crypto", "argon2_argon2id", "crypto.argon2id",
          "RFC 9106 §5.3; random parameters (random.Random(9106)) computed with argon2-cffi (reference C implementation; "
          "secret/ad through argon2.low_level.core); out-of-range parameters are InfraError(validation) (RFC 9106 §3.1)",
          cases)
    password_vectors(rng)


def password_vectors(rng: random.Random) -> None:
    def hasher(t: int, m: int, p: int, n: int, salt_len: int) -> argon2.PasswordHasher:
        return argon2.PasswordHasher(time_cost=t, memory_cost=m, parallelism=p, hash_len=n, salt_len=salt_len,
                                     type=argon2.Type.ID)

    passwords = [b"", b"password", b"correct horse battery staple", "pässwörd ✓ 密码".encode(),
                 rng.randbytes(64), b"\x00" * 16]
    hash_cases, good = [], []
    for i, pwd in enumerate(passwords):
        t, m, p, n = rng.randint(1, 3), rng.choice([8, 16, 24, 32, 64]), 1, rng.choice([16, 32, 64])
        if i == 5:
            p, m = 2, 32
        salt = rng.randbytes(rng.choice([8, 16, 32]))
        phc = hasher(t, m, p, n, len(salt)).hash(pwd, salt=salt)
        hash_cases.append({"id": f"hash-{i}-t{t}-m{m}-p{p}-len{n}",
                           "input": {"password": pwd.hex(), "salt": salt.hex(), "time_cost": t, "memory_kib": m,
                                     "parallelism": p, "length": n},
                           "expect": {"phc": phc}})
        good.append((phc, pwd))
    bad_hash = {"password": "00", "salt": "00" * 7, "time_cost": 1, "memory_kib": 8, "parallelism": 1, "length": 32}
    hash_cases.append({"id": "salt-too-short", "input": bad_hash, "error": {"kind": "validation"}})
    hash_cases.append({"id": "length-too-short", "input": {**bad_hash, "salt": "00" * 8, "length": 3},
                       "error": {"kind": "validation"}})
    write("crypto", "argon2_password_hash", "crypto.password.hash",
          "PHC strings made by argon2-cffi PasswordHasher(...).hash(password, salt=salt)", hash_cases)

    ph = argon2.PasswordHasher()

    def cffi_valid(phc: str, pwd: bytes) -> bool | None:
        try:
            return ph.verify(phc, pwd)
        except argon2.exceptions.VerifyMismatchError:
            return False
        except (argon2.exceptions.InvalidHashError, argon2.exceptions.VerificationError, ValueError):
            return None

    verify_cases = []
    for i, (phc, pwd) in enumerate(good):
        assert cffi_valid(phc, pwd) is True
        verify_cases.append({"id": f"valid-{i}", "input": {"phc": phc, "password": pwd.hex()}, "expect": {"valid": True}})
        wrong = pwd + b"!" if i % 2 else b"x" + pwd[1:]
        assert cffi_valid(phc, wrong) is False
        verify_cases.append({"id": f"wrong-password-{i}", "input": {"phc": phc, "password": wrong.hex()},
                             "expect": {"valid": False}})
    pwd0 = good[1][1]
    tag = argon2.low_level.hash_secret_raw(pwd0, b"fixedsalt16bytes", 1, 8, 1, 32, Type.ID)

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode().rstrip("=")

    ok = f"$argon2id$v=19$m=8,t=1,p=1${b64(b'fixedsalt16bytes')}${b64(tag)}"
    assert cffi_valid(ok, pwd0) is True
    flip_tag = b64(bytes([tag[0] ^ 1]) + tag[1:])
    well_formed_false = [
        ("tag-altered", f"$argon2id$v=19$m=8,t=1,p=1${b64(b'fixedsalt16bytes')}${flip_tag}"),
        ("salt-altered", f"$argon2id$v=19$m=8,t=1,p=1${b64(b'fixedsalt16bytez')}${b64(tag)}"),
        ("time-cost-altered", ok.replace("t=1", "t=2")),
        ("memory-altered", ok.replace("m=8", "m=16")),
        ("tag-truncated", f"$argon2id$v=19$m=8,t=1,p=1${b64(b'fixedsalt16bytes')}${b64(tag[:16])}"),
    ]
    verify_cases.append({"id": "reference", "input": {"phc": ok, "password": pwd0.hex()}, "expect": {"valid": True}})
    for cid, phc in well_formed_false:
        assert cffi_valid(phc, pwd0) is False, cid
        verify_cases.append({"id": cid, "input": {"phc": phc, "password": pwd0.hex()}, "expect": {"valid": False}})
    s16, t32 = b64(b"fixedsalt16bytes"), b64(tag)
    malformed = [
        ("empty", ""),
        ("argon2i", ok.replace("argon2id", "argon2i")),
        ("argon2d", ok.replace("argon2id", "argon2d")),
        ("uppercase-id", ok.replace("argon2id", "ARGON2ID")),
        ("no-version", ok.replace("$v=19", "")),
        ("version-16", ok.replace("v=19", "v=16")),
        ("version-leading-zero", ok.replace("v=19", "v=019")),
        ("params-reordered", ok.replace("m=8,t=1,p=1", "t=1,m=8,p=1")),
        ("param-leading-zero", ok.replace("m=8", "m=08")),
        ("param-plus-sign", ok.replace("t=1", "t=+1")),
        ("param-extra-keyid", ok.replace("p=1$", "p=1,keyid=AAAA$")),
        ("param-space", ok.replace("m=8,", "m=8, ")),
        ("p-zero", ok.replace("p=1", "p=0")),
        ("t-zero", ok.replace("t=1", "t=0")),
        ("m-below-8p", ok.replace("m=8,t=1,p=1", "m=15,t=1,p=2")),
        ("m-too-large", ok.replace("m=8", "m=4294967296")),
        ("m-eleven-digits", ok.replace("m=8", "m=00000000008")),
        ("salt-empty", f"$argon2id$v=19$m=8,t=1,p=1$${t32}"),
        ("salt-7-bytes", f"$argon2id$v=19$m=8,t=1,p=1${b64(b'7bytes!')}${t32}"),
        ("hash-3-bytes", f"$argon2id$v=19$m=8,t=1,p=1${s16}${b64(tag[:3])}"),
        ("hash-missing", f"$argon2id$v=19$m=8,t=1,p=1${s16}"),
        ("base64-padding", ok + "="),
        ("base64-urlsafe-char", f"$argon2id$v=19$m=8,t=1,p=1${s16}${t32[:-2]}-{t32[-1]}"),
        ("base64-length-mod-4-is-1", f"$argon2id$v=19$m=8,t=1,p=1${s16}${t32}AB"),
        ("base64-noncanonical-bits", f"$argon2id$v=19$m=8,t=1,p=1${s16}${t32[:-1]}{B64[B64.index(t32[-1]) | 1]}"),
        ("trailing-dollar", ok + "$"),
        ("trailing-newline", ok + "\n"),
        ("leading-space", " " + ok),
        ("non-ascii-digit", ok.replace("m=8", "m=٨")),
        ("no-leading-dollar", ok[1:]),
    ]
    for cid, phc in malformed:
        lax = cffi_valid(phc, pwd0)
        case = {"id": f"malformed-{cid}", "input": {"phc": phc, "password": pwd0.hex()}, "error": {"kind": "validation"}}
        if lax is not None:
            case["note"] = f"argon2-cffi's parser accepts this string (verify -> {str(lax).lower()}); the strict PHC rules here reject it"
        verify_cases.append(case)
    write("crypto", "argon2_password_verify", "crypto.password.verify",
          "PHC strings made and verified by argon2-cffi; malformed strings are InfraError(validation) by the strict PHC rules "
          "of docs/crypto.md (notes mark where argon2-cffi is laxer)",
          verify_cases)

    rehash = []
    target = {"time_cost": 2, "memory_kib": 32, "parallelism": 1, "length": 32, "salt_length": 16}
    variants = [("same", {}), ("time-cost", {"time_cost": 3}), ("memory", {"memory_kib": 64}),
                ("parallelism", {"parallelism": 2}), ("length", {"length": 16}), ("salt-length", {"salt_length": 8})]
    for cid, change in variants:
        made = {**target, **change}
        phc = hasher(made["time_cost"], made["memory_kib"], made["parallelism"], made["length"],
                     made["salt_length"]).hash(b"pw", salt=rng.randbytes(made["salt_length"]))
        want = hasher(target["time_cost"], target["memory_kib"], target["parallelism"], target["length"],
                      target["salt_length"]).check_needs_rehash(phc)
        rehash.append({"id": f"{cid}-{'differs' if change else 'matches'}", "input": {"phc": phc, **target},
                       "expect": {"needs_rehash": want}})
    rehash.append({"id": "malformed", "input": {"phc": "$argon2id$v=19$m=8", **target}, "error": {"kind": "validation"}})
    write("crypto", "argon2_password_needs_rehash", "crypto.password.needs_rehash",
          "argon2-cffi PasswordHasher.check_needs_rehash (any parameter different -> true)", rehash)


if __name__ == "__main__":
    ed25519_vectors()
    argon2_vectors()
