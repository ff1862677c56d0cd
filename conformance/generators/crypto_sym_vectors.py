"""Generate the symmetric-crypto vectors: conformance/vectors/crypto/{hash,blake3,hmac,aes_gcm,encoding}_*.json.

Expectations never come from llm_infra. Their sources, per file (each file's ``source`` says it):

* published data, transcribed below and re-checked here against a peer library before writing:
  FIPS 180-2 examples (../shared/vectors/rfc/fips180_examples.json and Appendices C/D), RFC 4231
  (HMAC-SHA-2), the McGrew–Viega GCM test cases 1–18, NIST CAVP ``gcmEncryptExtIV`` cases (12-,
  1- and 128-byte IVs) and the inc32 counter-wrap cases of Go's ``crypto/cipher`` test suite,
  RFC 4648 §10 (base64);
* the BLAKE3 official test-vector layout (input byte i = i % 251, the official input lengths,
  131-byte extended outputs, its key and context string), computed with the ``blake3`` package;
* random cases from fixed seeds computed with ``hashlib`` / ``hmac`` (OpenSSL), ``blake3`` and
  ``cryptography``. GCM nonces that ``cryptography`` refuses (< 8 or > 128 bytes) are encrypted
  by ``cryptography`` with the *equivalent* 16-byte nonce: GCM uses a nonce only through its
  pre-counter block J0, so the generator derives J0 with a textbook GHASH (written here from
  SP 800-38D, independent of the library) and solves for the 16-byte nonce with that J0.

Run: python conformance/generators/crypto_sym_vectors.py
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random
from pathlib import Path

import blake3
from _common import write
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

RFC = Path(__file__).resolve().parents[3] / "shared" / "vectors" / "rfc"
if not RFC.is_dir():  # the checkout may live elsewhere; the shared data sits next to the worktrees
    RFC = Path("/work/shared/vectors/rfc")

MOD = "crypto"
H = bytes.fromhex


def hx(b: bytes) -> str:
    return b.hex()


# --------------------------------------------------------------------------------------------
# SHA-2
# --------------------------------------------------------------------------------------------

# FIPS 180-2 Appendix C (SHA-512) and D (SHA-384): "abc" and the 896-bit two-block message.
MSG_896 = b"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
FIPS180_384_512 = [
    ("sha384", b"abc", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
    ("sha512", b"abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
    ("sha384", MSG_896, "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039"),
    ("sha512", MSG_896, "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"),
    ("sha384", b"", "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b"),
    ("sha512", b"", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"),
]


def sha2_cases() -> None:
    fips = json.loads((RFC / "fips180_examples.json").read_text())
    cases = []
    for c in fips["cases"]:
        data = H(c["message_hex"]) * c["repeat"]
        assert hashlib.sha256(data).hexdigest() == c["expected"], c["name"]
        if c["repeat"] != 1:
            continue  # one million 'a': in hash_stream.json (chunks x repeat), not as 2 MB of hex
        cases.append({"id": f"fips180-sha256-{len(cases)}", "input": {"alg": "sha256", "data": hx(data)},
                      "expect": {"digest": c["expected"]}, "note": c["name"]})
    for alg, data, expected in FIPS180_384_512:
        assert hashlib.new(alg, data).hexdigest() == expected, (alg, data)
        cases.append({"id": f"fips180-{alg}-{len(cases)}", "input": {"alg": alg, "data": hx(data)},
                      "expect": {"digest": expected}})
    write(MOD, "hash_fips180", "crypto.hash", "FIPS 180-2 examples (B.1-B.3 SHA-256; C, D SHA-512/384, and the empty "
          "message); checked against hashlib", cases)

    rng = random.Random(5001)
    cases = []
    for i in range(36):
        alg = ("sha256", "sha384", "sha512")[i % 3]
        n = rng.choice([1, 55, 56, 63, 64, 65, 111, 112, 127, 128, 129, 200, 1000, 4096])
        data = rng.randbytes(n)
        cases.append({"id": f"random-{alg}-{i}", "input": {"alg": alg, "data": hx(data)},
                      "expect": {"digest": hashlib.new(alg, data).hexdigest()}})
    write(MOD, "hash_sha2_random", "crypto.hash", "random inputs (random.Random(5001)) around the 64/128-byte block "
          "boundaries, digests computed with hashlib (OpenSSL)", cases)


# --------------------------------------------------------------------------------------------
# BLAKE3
# --------------------------------------------------------------------------------------------

# The official test_vectors.json layout (BLAKE3 repository): these input lengths, input byte
# i = i % 251, 131 bytes of extended output, and this key and context string.
B3_LENGTHS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 63, 64, 65, 127, 128, 129, 1023, 1024, 1025, 2048, 2049, 3072, 3073, 4096,
              4097, 5120, 5121, 6144, 6145, 7168, 7169, 8192, 8193, 16384, 31744, 102400]
B3_KEY = b"whats the Elvish word for friend"
B3_CONTEXT = "BLAKE3 2019-12-27 16:29:52 test vectors context"
B3_OUT = 131
# From the published file: the first 32 bytes of the unkeyed hash of the empty input.
B3_EMPTY = "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"


def b3_input(n: int) -> bytes:
    return bytes(i % 251 for i in range(n))


def blake3_cases() -> None:
    assert blake3.blake3(b"").hexdigest() == B3_EMPTY
    plain, keyed, derived = [], [], []
    for n in B3_LENGTHS:
        data = b3_input(n)
        plain.append({"id": f"official-{n}", "input": {"alg": "blake3", "data": hx(data), "length": B3_OUT},
                      "expect": {"digest": blake3.blake3(data).hexdigest(length=B3_OUT)}})
        keyed.append({"id": f"official-{n}", "input": {"key": hx(B3_KEY), "data": hx(data), "length": B3_OUT},
                      "expect": {"digest": blake3.blake3(data, key=B3_KEY).hexdigest(length=B3_OUT)}})
        derived.append({"id": f"official-{n}", "input": {"context": B3_CONTEXT, "key_material": hx(data),
                                                          "length": B3_OUT},
                        "expect": {"key": blake3.blake3(data, derive_key_context=B3_CONTEXT).hexdigest(length=B3_OUT)}})
    layout = ("the BLAKE3 official test-vector layout (input i % 251, the official lengths, 131-byte output, "
              "key 'whats the Elvish word for friend', its context string); computed with the blake3 package "
              f"{blake3.__version__}")
    write(MOD, "hash_blake3_official", "crypto.hash", layout, plain)
    write(MOD, "blake3_keyed_hash_official", "crypto.blake3.keyed_hash", layout, keyed)
    write(MOD, "blake3_derive_key_official", "crypto.blake3.derive_key", layout, derived)

    rng = random.Random(5002)
    plain, keyed, derived = [], [], []
    contexts = ["", "example.com 2026-01-01 session tokens", "ünïcödé context ✓", "x" * 300]
    for i in range(30):
        n = rng.choice([0, 1, 31, 64, 65, 1000, 1024, 1025, 2047, 2048, 2049, 4097])
        length = rng.choice([0, 1, 16, 32, 33, 63, 64, 65, 128, 300, 1000])
        data = rng.randbytes(n)
        key = rng.randbytes(32)
        ctx = contexts[i % len(contexts)]
        plain.append({"id": f"random-{i}", "input": {"alg": "blake3", "data": hx(data), "length": length},
                      "expect": {"digest": blake3.blake3(data).hexdigest(length=length)}})
        keyed.append({"id": f"random-{i}", "input": {"key": hx(key), "data": hx(data), "length": length},
                      "expect": {"digest": blake3.blake3(data, key=key).hexdigest(length=length)}})
        derived.append({"id": f"random-{i}", "input": {"context": ctx, "key_material": hx(data), "length": length},
                        "expect": {"key": blake3.blake3(data, derive_key_context=ctx).hexdigest(length=length)}})
    # the default length (32) when the field is absent
    data = rng.randbytes(100)
    key = rng.randbytes(32)
    plain.append({"id": "default-length", "input": {"alg": "blake3", "data": hx(data)},
                  "expect": {"digest": blake3.blake3(data).hexdigest()}})
    keyed.append({"id": "default-length", "input": {"key": hx(key), "data": hx(data)},
                  "expect": {"digest": blake3.blake3(data, key=key).hexdigest()}})
    derived.append({"id": "default-length", "input": {"context": "ctx", "key_material": hx(data)},
                    "expect": {"key": blake3.blake3(data, derive_key_context="ctx").hexdigest()}})
    # invalid
    keyed += [
        {"id": "key-31-bytes", "input": {"key": hx(bytes(31)), "data": ""}, "error": {"kind": "crypto"}},
        {"id": "key-33-bytes", "input": {"key": hx(bytes(33)), "data": ""}, "error": {"kind": "crypto"}},
        {"id": "key-empty", "input": {"key": "", "data": "00"}, "error": {"kind": "crypto"}},
        {"id": "negative-length", "input": {"key": hx(bytes(32)), "data": "", "length": -1},
         "error": {"kind": "validation"}},
    ]
    derived += [
        {"id": "context-not-a-string", "input": {"context": 5, "key_material": ""}, "error": {"kind": "validation"}},
        {"id": "length-too-large", "input": {"context": "c", "key_material": "", "length": (1 << 24) + 1},
         "error": {"kind": "validation"}, "note": "outputs are limited to 16 MiB per call"},
    ]
    src = f"random inputs (random.Random(5002)) computed with the blake3 package {blake3.__version__}"
    write(MOD, "hash_blake3_random", "crypto.hash", src, plain)
    write(MOD, "blake3_keyed_hash_random", "crypto.blake3.keyed_hash", src, keyed)
    write(MOD, "blake3_derive_key_random", "crypto.blake3.derive_key", src, derived)

    invalid = [
        {"id": "unknown-alg", "input": {"alg": "md5", "data": ""}, "error": {"kind": "validation"}},
        {"id": "alg-uppercase", "input": {"alg": "SHA256", "data": ""}, "error": {"kind": "validation"}},
        {"id": "length-with-sha256", "input": {"alg": "sha256", "data": "", "length": 32},
         "error": {"kind": "validation"}, "note": "length applies to blake3 (XOF) only"},
        {"id": "blake3-negative-length", "input": {"alg": "blake3", "data": "", "length": -1},
         "error": {"kind": "validation"}},
        {"id": "blake3-length-too-large", "input": {"alg": "blake3", "data": "", "length": (1 << 24) + 1},
         "error": {"kind": "validation"}},
        {"id": "blake3-length-zero", "input": {"alg": "blake3", "data": "", "length": 0},
         "expect": {"digest": ""}, "note": "a zero-length output is valid"},
    ]
    write(MOD, "hash_invalid", "crypto.hash", "argument checks of the llm-infra API (DESIGN.md op catalog); the "
          "zero-length BLAKE3 output from the blake3 package", invalid)


def stream_cases() -> None:
    """crypto.hash.stream: the chunks, fed ``repeat`` times, equal the one-shot digest of their concatenation."""
    rng = random.Random(5003)
    cases = []
    million_a = [("61" * 1000)]
    assert hashlib.sha256(b"a" * 1_000_000).hexdigest() == \
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    cases.append({"id": "fips180-sha256-million-a", "input": {"alg": "sha256", "chunks": million_a, "repeat": 1000},
                  "expect": {"digest": "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
                  "note": "FIPS 180-2 B.3: one million 'a' as 1000 updates of 1000 bytes"})
    cases.append({"id": "blake3-million-a", "input": {"alg": "blake3", "chunks": million_a, "repeat": 1000},
                  "expect": {"digest": blake3.blake3(b"a" * 1_000_000).hexdigest()}})
    splits = [[0], [1], [63, 1], [64, 64], [65], [1023, 1], [1024], [1025, 3], [1, 1023, 1024, 1],
              [100] * 20, [5000, 1], [2048, 2048, 1], [3, 7, 1024, 2049, 64]]
    for i, split in enumerate(splits):
        for alg in ("sha256", "sha384", "sha512", "blake3"):
            chunks = [rng.randbytes(k) for k in split]
            data = b"".join(chunks)
            if alg == "blake3":
                length = rng.choice([32, 1, 100])
                digest = blake3.blake3(data).hexdigest(length=length)
                inp = {"alg": alg, "chunks": [hx(c) for c in chunks], "length": length}
            else:
                digest = hashlib.new(alg, data).hexdigest()
                inp = {"alg": alg, "chunks": [hx(c) for c in chunks]}
            cases.append({"id": f"split-{i}-{alg}", "input": inp, "expect": {"digest": digest}})
    for i, split in enumerate([[1, 1023, 1025], [2049], [64] * 40]):
        chunks = [rng.randbytes(k) for k in split]
        data = b"".join(chunks)
        key = rng.randbytes(32)
        cases.append({"id": f"keyed-{i}", "input": {"alg": "blake3", "chunks": [hx(c) for c in chunks],
                                                     "key": hx(key), "length": 40},
                      "expect": {"digest": blake3.blake3(data, key=key).hexdigest(length=40)}})
        cases.append({"id": f"derive-{i}", "input": {"alg": "blake3", "chunks": [hx(c) for c in chunks],
                                                      "context": f"stream test {i}"},
                      "expect": {"digest": blake3.blake3(data, derive_key_context=f"stream test {i}").hexdigest()}})
    cases += [
        {"id": "key-with-sha256", "input": {"alg": "sha256", "chunks": [], "key": hx(bytes(32))},
         "error": {"kind": "validation"}},
        {"id": "key-and-context", "input": {"alg": "blake3", "chunks": [], "key": hx(bytes(32)), "context": "c"},
         "error": {"kind": "validation"}},
        {"id": "stream-key-short", "input": {"alg": "blake3", "chunks": [], "key": hx(bytes(16))},
         "error": {"kind": "crypto"}},
    ]
    write(MOD, "hash_stream", "crypto.hash.stream", "streaming updates (random.Random(5003) splits around block and "
          "chunk boundaries; FIPS 180-2 B.3); digests of the concatenation by hashlib and the blake3 package",
          cases)


# --------------------------------------------------------------------------------------------
# HMAC
# --------------------------------------------------------------------------------------------

RFC4231 = [  # (case, key, data, sha256, sha384, sha512) — RFC 4231 §4.2–4.8
    ("1", H("0b" * 20), b"Hi There",
     "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
     "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6",
     "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"),
    ("2", b"Jefe", b"what do ya want for nothing?",
     "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
     "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
     "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"),
    ("3", H("aa" * 20), H("dd" * 50),
     "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
     "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b2a5ab39dc13814b94e3ab6e101a34f27",
     "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb"),
    ("4", bytes(range(1, 26)), H("cd" * 50),
     "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
     "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e6801dd23c4a7d679ccf8a386c674cffb",
     "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd"),
    ("5", H("0c" * 20), b"Test With Truncation",  # the RFC gives the first 128 bits only
     "a3b6167473100ee06e0c796c2955552b", "3abf34c3503b2a23a46efc619baef897", "415fad6271580a531d4179bc891d87a6"),
    ("6", H("aa" * 131), b"Test Using Larger Than Block-Size Key - Hash Key First",
     "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
     "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952",
     "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"),
    ("7", H("aa" * 131), b"This is a test using a larger than block-size key and a larger than block-size data. The key "
     b"needs to be hashed before being used by the HMAC algorithm.",
     "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
     "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5a678cc31e799176d3860e6110c46523e",
     "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58"),
]


def hmac_cases() -> None:
    cases, verify = [], []
    for name, key, data, *macs in RFC4231:
        for alg, rfc_mac in zip(("sha256", "sha384", "sha512"), macs, strict=True):
            full = hmac.new(key, data, alg).hexdigest()
            assert full.startswith(rfc_mac), (name, alg)
            case = {"id": f"rfc4231-{name}-{alg}", "input": {"alg": alg, "key": hx(key), "data": hx(data)},
                    "expect": {"mac": full}}
            if name == "5":
                case["note"] = "RFC 4231 4.6 publishes the truncated MAC; the full MAC is from hmac (OpenSSL)"
                verify.append({"id": f"rfc4231-5-truncated-{alg}",
                               "input": {"alg": alg, "key": hx(key), "data": hx(data), "mac": rfc_mac},
                               "expect": {"valid": False}, "note": "a truncated MAC never verifies"})
            cases.append(case)
    write(MOD, "hmac_rfc4231", "crypto.hmac", "RFC 4231 §4.2-4.8 (case 5: the RFC's truncated MAC is checked as a "
          "prefix; the full value is from hmac/OpenSSL)", cases)

    rng = random.Random(5004)
    cases = []
    for i in range(36):
        alg = ("sha256", "sha384", "sha512")[i % 3]
        key = rng.randbytes(rng.choice([0, 1, 16, 32, 63, 64, 65, 127, 128, 129, 200]))
        data = rng.randbytes(rng.choice([0, 1, 64, 100, 1000]))
        cases.append({"id": f"random-{alg}-{i}", "input": {"alg": alg, "key": hx(key), "data": hx(data)},
                      "expect": {"mac": hmac.new(key, data, alg).hexdigest()}})
    cases += [
        {"id": "unknown-alg", "input": {"alg": "sha1", "key": "00", "data": ""}, "error": {"kind": "validation"}},
        {"id": "blake3-is-not-an-hmac", "input": {"alg": "blake3", "key": "00", "data": ""},
         "error": {"kind": "validation"}},
    ]
    write(MOD, "hmac_random", "crypto.hmac", "random keys around the 64/128-byte block sizes (random.Random(5004)), "
          "MACs computed with hmac (OpenSSL)", cases)

    for i in range(12):
        alg = ("sha256", "sha384", "sha512")[i % 3]
        key = rng.randbytes(rng.choice([0, 32, 100]))
        data = rng.randbytes(rng.choice([0, 10, 200]))
        mac = hmac.new(key, data, alg).digest()
        verify.append({"id": f"valid-{i}", "input": {"alg": alg, "key": hx(key), "data": hx(data), "mac": hx(mac)},
                       "expect": {"valid": True}})
        bad = bytearray(mac)
        bad[rng.randrange(len(bad))] ^= 1 << rng.randrange(8)
        verify.append({"id": f"flipped-bit-{i}", "input": {"alg": alg, "key": hx(key), "data": hx(data),
                                                           "mac": hx(bytes(bad))}, "expect": {"valid": False}})
        verify.append({"id": f"wrong-data-{i}", "input": {"alg": alg, "key": hx(key), "data": hx(data + b"x"),
                                                          "mac": hx(mac)}, "expect": {"valid": False}})
        verify.append({"id": f"too-long-{i}", "input": {"alg": alg, "key": hx(key), "data": hx(data),
                                                        "mac": hx(mac + b"\0")}, "expect": {"valid": False}})
    verify += [
        {"id": "empty-mac", "input": {"alg": "sha256", "key": "00", "data": "", "mac": ""}, "expect": {"valid": False}},
        {"id": "unknown-alg", "input": {"alg": "md5", "key": "00", "data": "", "mac": ""},
         "error": {"kind": "validation"}},
    ]
    write(MOD, "hmac_verify", "crypto.hmac.verify", "MACs computed with hmac (OpenSSL), then altered (random.Random"
          "(5004)); RFC 4231 case 5's truncated MACs", verify)


# --------------------------------------------------------------------------------------------
# AES-GCM
# --------------------------------------------------------------------------------------------

_R = 0xE1 << 120


def gf_mul(x: int, y: int) -> int:
    """SP 800-38D §6.3, Algorithm 1, bit by bit."""
    z, v = 0, y
    for i in range(128):
        if (x >> (127 - i)) & 1:
            z ^= v
        v = (v >> 1) ^ _R if v & 1 else v >> 1
    return z


def gf_inv(x: int) -> int:
    """x^(2^128 - 2) by square-and-multiply."""
    result, base, e = 1 << 127, x, (1 << 128) - 2  # 1 << 127 is the field's 1 in GCM bit order
    while e:
        if e & 1:
            result = gf_mul(result, base)
        base = gf_mul(base, base)
        e >>= 1
    return result


def ghash(h: int, data: bytes) -> int:
    y = 0
    for i in range(0, len(data), 16):
        y = gf_mul(y ^ int.from_bytes(data[i:i + 16], "big"), h)
    return y


def equivalent_nonce(key: bytes, nonce: bytes) -> bytes:
    """A 16-byte nonce with the same pre-counter block J0 as ``nonce`` (so GCM output is identical)."""
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    h = int.from_bytes(enc.update(bytes(16)), "big")
    if len(nonce) == 12:
        j0 = int.from_bytes(nonce + b"\0\0\0\1", "big")
    else:
        padded = nonce + bytes(-len(nonce) % 16) + (8 * len(nonce)).to_bytes(16, "big")
        j0 = ghash(h, padded)
    # J0' = ((N' · H) ^ L) · H with L = [0]64 ‖ [128]64, solved for N'
    length_block = 128
    hinv = gf_inv(h)
    n2 = gf_mul(gf_mul(j0, hinv) ^ length_block, hinv)
    out = n2.to_bytes(16, "big")
    assert ghash(h, out + (128).to_bytes(16, "big")) == j0
    return out


def gcm_encrypt(key: bytes, nonce: bytes, pt: bytes, aad: bytes) -> bytes:
    if 8 <= len(nonce) <= 128:
        return AESGCM(key).encrypt(nonce, pt, aad)
    return AESGCM(key).encrypt(equivalent_nonce(key, nonce), pt, aad)


P60 = ("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525"
       "b16aedf5aa0de657ba637b39")
P64 = P60 + "1aafd255"
A20 = "feedfacedeadbeeffeedfacedeadbeefabaddad2"
IV60 = ("9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b5254"
        "16aedbf5a0de6a57a637b39b")
K1 = "feffe9928665731c6d6a8f9467308308"
# McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", test cases 1-18: (key, iv, pt, aad, ct, tag)
MCGREW_VIEGA = [
    ("0" * 32, "0" * 24, "", "", "", "58e2fccefa7e3061367f1d57a4e7455a"),
    ("0" * 32, "0" * 24, "0" * 32, "", "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf"),
    (K1, "cafebabefacedbaddecaf888", P64, "",
     "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985",
     "4d5c2af327cd64a62cf35abd2ba6fab4"),
    (K1, "cafebabefacedbaddecaf888", P60, A20,
     "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
     "5bc94fbc3221a5db94fae95ae7121a47"),
    (K1, "cafebabefacedbad", P60, A20,
     "61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c742373806900e49f24b22b097544d4896b424989b5e1ebac0f07c23f4598",
     "3612d2e79e3b0785561be14aaca2fccb"),
    (K1, IV60, P60, A20,
     "8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5",
     "619cc5aefffe0bfa462af43c1699d050"),
    ("0" * 48, "0" * 24, "", "", "", "cd33b28ac773f74ba00ed1f312572435"),
    ("0" * 48, "0" * 24, "0" * 32, "", "98e7247c07f0fe411c267e4384b0f600", "2ff58d80033927ab8ef4d4587514f0fb"),
    (K1 + K1[:16], "cafebabefacedbaddecaf888", P64, "",
     "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c7d773d00c144c525ac619d18c84a3f4718e2448b2fe324d9ccda2710acade256",
     "9924a7c8587336bfb118024db8674a14"),
    (K1 + K1[:16], "cafebabefacedbaddecaf888", P60, A20,
     "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c7d773d00c144c525ac619d18c84a3f4718e2448b2fe324d9ccda2710",
     "2519498e80f1478f37ba55bd6d27618c"),
    (K1 + K1[:16], "cafebabefacedbad", P60, A20,
     "0f10f599ae14a154ed24b36e25324db8c566632ef2bbb34f8347280fc4507057fddc29df9a471f75c66541d4d4dad1c9e93a19a58e8b473fa0f062f7",
     "65dcc57fcf623a24094fcca40d3533f8"),
    (K1 + K1[:16], IV60, P60, A20,
     "d27e88681ce3243c4830165a8fdcf9ff1de9a1d8e6b447ef6ef7b79828666e4581e79012af34ddd9e2f037589b292db3e67c036745fa22e7e9b7373b",
     "dcf566ff291c25bbb8568fc3d376a6d9"),
    ("0" * 64, "0" * 24, "", "", "", "530f8afbc74536b9a963b4f1c4cb738b"),
    ("0" * 64, "0" * 24, "0" * 32, "", "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"),
    (K1 + K1, "cafebabefacedbaddecaf888", P64, "",
     "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad",
     "b094dac5d93471bdec1a502270e3cc6c"),
    (K1 + K1, "cafebabefacedbaddecaf888", P60, A20,
     "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
     "76fc6ece0f4e1768cddf8853bb2d551b"),
    (K1 + K1, "cafebabefacedbad", P60, A20,
     "c3762df1ca787d32ae47c13bf19844cbaf1ae14d0b976afac52ff7d79bba9de0feb582d33934a4f0954cc2363bc73f7862ac430e64abe499f47c9b1f",
     "3a337dbf46a792c45e454913fe2ea8f2"),
    (K1 + K1, IV60, P60, A20,
     "5a8def2f0c9e53f1f75d7853659e2a20eeb2b22aafde6419a058ab4f6f746bf40fc0c3b780f244452da3ebf1c5d82cdea2418997200ef82e44ae7e3f",
     "a44a8266ee1c8eb0c8b5d4cf5ae9f19a"),
]

# NIST CAVP gcmEncryptExtIV (as carried in Go's crypto/cipher gcm_test.go): (key, iv, pt, aad, ct ‖ tag)
CAVP = [
    ("11754cd72aec309bf52f7687212e8957", "3c819d9a9bed087615030b65", "", "", "250327c674aaf477aef2675748cf6971"),
    ("ca47248ac0b6f8372a97ac43508308ed", "ffd2b598feabc9019262d2be", "", "", "60d20404af527d248d893ae495707d1a"),
    ("fbe3467cc254f81be8e78d765a2e6333", "c6697351ff4aec29cdbaabf2", "", "67", "3659cdc25288bf499ac736c03bfc1159"),
    ("8a7f9d80d08ad0bd5a20fb689c88f9fc", "88b7b27d800937fda4f47301", "", "50edd0503e0d7b8c91608eb5a1",
     "ed6f65322a4740011f91d2aae22dd44e"),
    ("051758e95ed4abb2cdc69bb454110e82", "c99a66320db73158a35a255d", "",
     "67c6697351ff4aec29cdbaabf2fbe3467cc254f81be8e78d765a2e63339f", "6ce77f1a5616c505b6aec09420234036"),
    ("77be63708971c4e240d1cb79e8d77feb", "e0e00f19fed7ba0136a797f3", "", "7a43ec1d9c0a5a78a0b16533a6213cab",
     "209fcc8d3675ed938e9c7166709dd946"),
    ("7680c5d3ca6154758e510f4d25b98820", "f8f105f9c3df4965780321f8", "", "c94c410194c765e3dcc7964379758ed3",
     "94dca8edfcf90bb74b153c8d48a17930"),
    ("7fddb57453c241d03efbed3ac44e371c", "ee283a3fc75575e33efd4887", "d5de42b461646c255c87bd2962d3b9a2", "",
     "2ccda4a5415cb91e135c2a0f78c9b2fdb36d1df9b9d5e596f83e8b7f52971cb3"),
    ("ab72c77b97cb5fe9a382d9fe81ffdbed", "54cc7dc2c37ec006bcc6d1da", "007c5e5b3e59df24a7c355584fc1518d", "",
     "0e1bde206a07a9c2c1b65300f8c649972b4401346697138c7a4891ee59867d0c"),
    ("fe47fcce5fc32665d2ae399e4eec72ba", "5adb9609dbaeb58cbd6e7275",
     "7c0e88c88899a779228465074797cd4c2e1498d259b54390b85e3eef1c02df60e743f1b840382c4bccaf3bafb4ca8429bea063",
     "88319d6e1d3ffa5f987199166c8a9b56c2aeba5a",
     "98f4826f05a265e6dd2be82db241c0fbbbf9ffb1c173aa83964b7cf5393043736365253ddbc5db8778371495da76d269e5db3e291ef1982e4defedaa2249f898556b47"),
    ("ec0c2ba17aa95cd6afffe949da9cc3a8", "296bce5b50b7d66096d627ef",
     "b85b3753535b825cbe5f632c0b843c741351f18aa484281aebec2f45bb9eea2d79d987b764b9611f6c0f8641843d5d58f3a242",
     "f8d00f05d22bf68599bcdeb131292ad6e2df5d14",
     "a7443d31c26bdf2a1c945e29ee4bd344a99cfaf3aa71f8b3f191f83c2adfc7a07162995506fde6309ffc19e716eddf1a828c5a890147971946b627c40016da1ecf3e77"),
    ("fe9bb47deb3a61e423c2231841cfd1fb", "4d328eb776f500a2f7fb47aa", "f1cc3818e421876bb6b8bbd6c9", "",
     "b88c5c1977b35b517b0aeae96743fd4727fe5cdb4b5b42818dea7ef8c9"),
    ("6703df3701a7f54911ca72e24dca046a", "12823ab601c350ea4bc2488c", "793cd125b0b84a043e3ac67717", "",
     "b2051c80014f42f08735a7b0cd38e6bcd29962e5f2c13626b85a877101"),
    # IVlen = 8 bits (a 1-byte nonce) and 1024 bits (128 bytes)
    ("1672c3537afa82004c6b8a46f6f0d026", "05", "", "", "8e2ad721f9455f74d8b53d3141f27e8e"),
    ("9a4fea86a621a91ab371e492457796c0", "75", "ca6131faf0ff210e4e693d6c31c109fc5b6f54224eb120f37de31dc59ec669b6",
     "4f6e2585c161f05a9ae1f2f894e9f0ab52b45d0f",
     "5698c0a384241d30004290aac56bb3ece6fe8eacc5c4be98954deb9c3ff6aebf5d50e1af100509e1fba2a5e8a0af9670"),
    ("d0f1f4defa1e8c08b4b26d576392027c",
     "42b4f01eb9f5a1ea5b1eb73b0fb0baed54f387ecaa0393c7d7dffc6af50146ecc021abf7eb9038d4303d91f8d741a11743166c0860208bcc02c6258fd9511a2fa626f96d60b72fcff773af4e88e7a923506e4916ecbd814651e9f445adef4ad6a6b6c7290cc13b956130eef5b837c939fcac0cbbcc9656cd75b13823ee5acdac",
     "", "", "7ab49b57ddf5f62c427950111c5c4f0d"),
    ("4a0c00a3d284dea9d4bf8b8dde86685e",
     "f8cbe82588e784bcacbe092cd9089b51e01527297f635bf294b3aa787d91057ef23869789698ac960707857f163ecb242135a228ad93964f5dc4a4d7f88fd7b3b07dd0a5b37f9768fb05a523639f108c34c661498a56879e501a2321c8a4a94d7e1b89db255ac1f685e185263368e99735ebe62a7f2931b47282be8eb165e4d7",
     "6d4bf87640a6a48a50d28797b7", "8d8c7ffc55086d539b5a8f0d1232654c",
     "0d803ec309482f35b8e6226f2b56303239298e06b281c2d51aaba3c125"),
]

# Go crypto/cipher TestGCMCounterWrap: zero AES-128 key, 273 zero bytes, short nonces whose J0's low
# 32 bits are close to 2^32 - 1, so inc32 wraps inside the message. (nonce, tag)
COUNTER_WRAP = [
    ("0fa72e25", "37e1948cdfff09fbde0c40ad99fee4a7"),
    ("afe05cc1", "438f3aa9fee5e54903b1927bca26bbdf"),
    ("9ffecbef", "7b88ca424df9703e9e8611071ec7e16e"),
    ("ffc3e5b3", "38d49c86e0abe853ac250e66da54c01a"),
    ("cfdd729d", "e08402eaac36a1a402e09b1bd56500e8"),
    ("010ae3d486", "5405bb490b1f95d01e2ba735687154bc"),
    ("01b1107a9d", "939a585f342e01e17844627492d44dbf"),
]


def gcm_cases() -> None:
    enc: list[dict] = []
    dec: list[dict] = []

    def add(cid: str, key: str, iv: str, pt: str, aad: str, ct_tag: str, note: str | None = None) -> None:
        got = gcm_encrypt(H(key), H(iv), H(pt), H(aad)).hex()
        assert got == ct_tag, cid
        e = {"id": cid, "input": {"key": key, "nonce": iv, "plaintext": pt, "aad": aad},
             "expect": {"ciphertext": ct_tag}}
        d = {"id": cid, "input": {"key": key, "nonce": iv, "ciphertext": ct_tag, "aad": aad},
             "expect": {"plaintext": pt}}
        if note:
            e["note"] = d["note"] = note
        enc.append(e)
        dec.append(d)

    for i, (key, iv, pt, aad, ct, tag) in enumerate(MCGREW_VIEGA, 1):
        add(f"mcgrew-viega-{i}", key, iv, pt, aad, ct + tag, f"AES-{len(key) * 4}, {len(iv) // 2}-byte IV")
    src = "McGrew & Viega, The Galois/Counter Mode of Operation, test cases 1-18; checked against cryptography"
    write(MOD, "aes_gcm_encrypt_mcgrew_viega", "crypto.aes_gcm.encrypt", src, enc)
    write(MOD, "aes_gcm_decrypt_mcgrew_viega", "crypto.aes_gcm.decrypt", src, dec)

    enc.clear()
    dec.clear()
    for i, (key, iv, pt, aad, ct_tag) in enumerate(CAVP):
        add(f"cavp-{i}", key, iv, pt, aad, ct_tag, f"{len(iv) // 2}-byte IV")
    for i, (iv, tag) in enumerate(COUNTER_WRAP):
        ct_tag = gcm_encrypt(bytes(16), H(iv), bytes(273), b"").hex()
        assert ct_tag.endswith(tag), iv
        add(f"inc32-wrap-{i}", "0" * 32, iv, "0" * 546, "", ct_tag,
            "the 32-bit block counter wraps inside the message (the tag is Go's; the ciphertext is from cryptography)")
    src = ("NIST CAVP gcmEncryptExtIV (96-, 8- and 1024-bit IVs) and the inc32 counter-wrap cases of Go's "
           "crypto/cipher tests; checked against cryptography (short IVs via the equivalent 16-byte nonce)")
    write(MOD, "aes_gcm_encrypt_cavp", "crypto.aes_gcm.encrypt", src, enc)
    write(MOD, "aes_gcm_decrypt_cavp", "crypto.aes_gcm.decrypt", src, dec)

    rng = random.Random(5005)
    enc.clear()
    dec.clear()
    nonce_lengths = [1, 2, 4, 7, 8, 11, 12, 13, 16, 32, 60, 64, 128, 129, 200, 256]
    for i in range(48):
        key = rng.randbytes((16, 24, 32)[i % 3])
        nonce = rng.randbytes(nonce_lengths[i % len(nonce_lengths)])
        pt = rng.randbytes(rng.choice([0, 1, 15, 16, 17, 31, 32, 33, 64, 100, 255, 1000, 1600, 2100]))
        aad = rng.randbytes(rng.choice([0, 0, 1, 13, 16, 20, 100, 600]))
        add(f"random-{i}", hx(key), hx(nonce), hx(pt), hx(aad), gcm_encrypt(key, nonce, pt, aad).hex(),
            f"AES-{8 * len(key)}, {len(nonce)}-byte nonce, {len(pt)}-byte plaintext")
    src = ("random keys, nonces (1 to 256 bytes), plaintexts and AAD (random.Random(5005)), encrypted with "
           "cryptography's AESGCM; nonces outside its 8..128-byte range via the equivalent 16-byte nonce "
           "(a textbook GHASH derives J0)")
    enc_errors = [
        {"id": "key-15-bytes", "input": {"key": "00" * 15, "nonce": "00" * 12, "plaintext": "", "aad": ""},
         "error": {"kind": "crypto"}},
        {"id": "key-33-bytes", "input": {"key": "00" * 33, "nonce": "00" * 12, "plaintext": "", "aad": ""},
         "error": {"kind": "crypto"}},
        {"id": "key-empty", "input": {"key": "", "nonce": "00" * 12, "plaintext": "00", "aad": ""},
         "error": {"kind": "crypto"}},
        {"id": "nonce-empty", "input": {"key": "00" * 16, "nonce": "", "plaintext": "00", "aad": ""},
         "error": {"kind": "crypto"}},
    ]
    write(MOD, "aes_gcm_encrypt_random", "crypto.aes_gcm.encrypt", src, enc + enc_errors)

    # invalid decryptions: every alteration must fail with kind crypto, never return plaintext
    bad: list[dict] = []
    for i in range(10):
        key = rng.randbytes((16, 24, 32)[i % 3])
        nonce = rng.randbytes((12, 1, 60, 8, 16)[i % 5])
        pt = rng.randbytes(rng.choice([0, 1, 16, 40, 200]))
        aad = rng.randbytes(rng.choice([1, 16, 30]))
        ct = gcm_encrypt(key, nonce, pt, aad)

        def case(cid: str, k: bytes = key, n: bytes = nonce, c: bytes = ct, a: bytes = aad, i: int = i) -> None:
            bad.append({"id": f"{cid}-{i}", "input": {"key": hx(k), "nonce": hx(n), "ciphertext": hx(c), "aad": hx(a)},
                        "error": {"kind": "crypto"}})

        def flip(b: bytes, pos: int) -> bytes:
            out = bytearray(b)
            out[pos] ^= 1 << rng.randrange(8)
            return bytes(out)

        case("tampered-tag", c=flip(ct, len(ct) - 1 - rng.randrange(16)))
        if pt:
            case("tampered-ciphertext", c=flip(ct, rng.randrange(len(pt))))
        case("tampered-aad", a=flip(aad, rng.randrange(len(aad))))
        case("missing-aad", a=b"")
        case("wrong-nonce", n=flip(nonce, rng.randrange(len(nonce))))
        case("wrong-key", k=flip(key, rng.randrange(len(key))))
        case("truncated-tag", c=ct[:-1])
        case("extended", c=ct + b"\0")
    bad += [
        {"id": "ciphertext-empty", "input": {"key": "00" * 16, "nonce": "00" * 12, "ciphertext": "", "aad": ""},
         "error": {"kind": "crypto"}, "note": "shorter than the 16-byte tag"},
        {"id": "ciphertext-15-bytes", "input": {"key": "00" * 16, "nonce": "00" * 12, "ciphertext": "00" * 15,
                                                "aad": ""}, "error": {"kind": "crypto"}},
        {"id": "ciphertext-1-byte", "input": {"key": "00" * 32, "nonce": "01", "ciphertext": "ff", "aad": ""},
         "error": {"kind": "crypto"}},
        {"id": "key-17-bytes", "input": {"key": "00" * 17, "nonce": "00" * 12,
                                         "ciphertext": "58e2fccefa7e3061367f1d57a4e7455a", "aad": ""},
         "error": {"kind": "crypto"}},
        {"id": "key-empty", "input": {"key": "", "nonce": "00" * 12,
                                      "ciphertext": "58e2fccefa7e3061367f1d57a4e7455a", "aad": ""},
         "error": {"kind": "crypto"}},
        {"id": "nonce-empty", "input": {"key": "00" * 16, "nonce": "",
                                        "ciphertext": "58e2fccefa7e3061367f1d57a4e7455a", "aad": ""},
         "error": {"kind": "crypto"}},
        {"id": "go-tag-failure-nonce", "input": {"key": "ab72c77b97cb5fe9a382d9fe81ffdbed",
                                                 "nonce": "54cc7dc2c37ec006bcc6d1db",
                                                 "ciphertext": "0e1bde206a07a9c2c1b65300f8c649972b4401346697138c7a4891ee59867d0c",
                                                 "aad": ""},
         "error": {"kind": "crypto"}, "note": "CAVP case 8 under a nonce differing in its last bit (Go's TestTagFailureOverwrite)"},
    ]
    write(MOD, "aes_gcm_decrypt_random", "crypto.aes_gcm.decrypt", src + "; then altered (tag, ciphertext, AAD, "
          "nonce, key, length)", dec + bad)

    # crypto.aes_gcm.open: seal's format nonce(12) ‖ ciphertext ‖ tag
    opens: list[dict] = []
    for i in range(12):
        key = rng.randbytes((16, 24, 32)[i % 3])
        nonce = rng.randbytes(12)
        pt = rng.randbytes(rng.choice([0, 1, 16, 100, 500]))
        aad = rng.randbytes(rng.choice([0, 10]))
        sealed = nonce + AESGCM(key).encrypt(nonce, pt, aad)
        opens.append({"id": f"sealed-{i}", "input": {"key": hx(key), "sealed": hx(sealed), "aad": hx(aad)},
                      "expect": {"plaintext": hx(pt)}})
        if i < 4:
            tampered = bytearray(sealed)
            tampered[rng.randrange(12)] ^= 0x80
            opens.append({"id": f"tampered-nonce-{i}", "input": {"key": hx(key), "sealed": hx(bytes(tampered)),
                                                                "aad": hx(aad)}, "error": {"kind": "crypto"}})
            opens.append({"id": f"wrong-aad-{i}", "input": {"key": hx(key), "sealed": hx(sealed),
                                                           "aad": hx(aad + b"!")}, "error": {"kind": "crypto"}})
    opens += [
        {"id": "too-short-27", "input": {"key": "00" * 16, "sealed": "00" * 27, "aad": ""},
         "error": {"kind": "crypto"}, "note": "12-byte nonce + 16-byte tag is the minimum"},
        {"id": "empty", "input": {"key": "00" * 16, "sealed": "", "aad": ""}, "error": {"kind": "crypto"}},
        {"id": "bad-key", "input": {"key": "00" * 20, "sealed": "00" * 28, "aad": ""}, "error": {"kind": "crypto"}},
        {"id": "aad-absent-means-empty", "input": {"key": hx(bytes(16)),
                                                   "sealed": hx(bytes(12) + AESGCM(bytes(16)).encrypt(bytes(12), b"x", b""))},
         "expect": {"plaintext": "78"}},
    ]
    write(MOD, "aes_gcm_open", "crypto.aes_gcm.open", "seal's format nonce(12) ‖ ciphertext ‖ tag, built with "
          "cryptography's AESGCM (random.Random(5005)); then altered", opens)


# --------------------------------------------------------------------------------------------
# encodings and comparison
# --------------------------------------------------------------------------------------------

RFC4648 = [(b"", ""), (b"f", "Zg"), (b"fo", "Zm8"), (b"foo", "Zm9v"), (b"foob", "Zm9vYg"), (b"fooba", "Zm9vYmE"),
           (b"foobar", "Zm9vYmFy")]


def encoding_cases() -> None:
    rng = random.Random(5006)
    enc, dec = [], []
    for data, text in RFC4648:
        assert base64.b64encode(data).decode().rstrip("=") == text
        enc.append({"id": f"rfc4648-{len(data)}", "input": {"data": hx(data)}, "expect": {"text": text}})
        dec.append({"id": f"rfc4648-{len(data)}", "input": {"text": text}, "expect": {"data": hx(data)}})
    for data, text in [(b"\xfb\xff", "-_8"), (b"\xff\xff\xff", "____"), (b"\xfb\xef\xbe", "----")]:
        enc.append({"id": f"url-alphabet-{text}", "input": {"data": hx(data)}, "expect": {"text": text}})
        dec.append({"id": f"url-alphabet-{text}", "input": {"text": text}, "expect": {"data": hx(data)}})
    for i in range(20):
        data = rng.randbytes(rng.choice([1, 2, 3, 4, 5, 31, 32, 33, 64, 100]))
        text = base64.urlsafe_b64encode(data).decode().rstrip("=")
        enc.append({"id": f"random-{i}", "input": {"data": hx(data)}, "expect": {"text": text}})
        dec.append({"id": f"random-{i}", "input": {"text": text}, "expect": {"data": hx(data)}})
    for cid, text, note in [
        ("padding-2", "Zg==", "padding is not accepted"), ("padding-1", "Zm8=", "padding is not accepted"),
        ("plus", "Zm9v+A", "'+' is standard base64, not base64url"), ("slash", "Zm9v/A", "'/' is standard base64"),
        ("space", "Zm9v Yg", "whitespace"), ("newline", "Zm9v\nYg", "whitespace"),
        ("length-1-mod-4", "Zm9vY", "5 characters cannot encode whole bytes"), ("single-char", "Z", "1 character"),
        ("non-canonical-2", "Zh", "unused trailing bits must be zero (Zg is canonical)"),
        ("non-canonical-3", "Zm9", "unused trailing bits must be zero (Zm8 is canonical)"),
        ("non-ascii", "Zm9vé", "non-ASCII"), ("inner-padding", "Zg==Zg", "padding in the middle"),
    ]:
        dec.append({"id": cid, "input": {"text": text}, "error": {"kind": "serialization"}, "note": note})
    src = "RFC 4648 §10 test vectors in the URL alphabet without padding; random bytes (random.Random(5006)) encoded "\
          "with Python's base64"
    write(MOD, "base64url_encode", "crypto.base64url.encode", src, enc)
    write(MOD, "base64url_decode", "crypto.base64url.decode", src + "; strictness cases per RFC 4648 §3.3 and §3.5",
          dec)

    henc, hdec = [], []
    for i in range(8):
        data = rng.randbytes(rng.choice([0, 1, 2, 16, 33]))
        henc.append({"id": f"random-{i}", "input": {"data": hx(data)}, "expect": {"text": data.hex()}})
        hdec.append({"id": f"random-{i}", "input": {"text": data.hex()}, "expect": {"data": data.hex()}})
    hdec += [
        {"id": "uppercase", "input": {"text": "DEADBEEF"}, "expect": {"data": "deadbeef"}},
        {"id": "mixed-case", "input": {"text": "aBcD"}, "expect": {"data": "abcd"}},
        {"id": "odd-length", "input": {"text": "abc"}, "error": {"kind": "serialization"}},
        {"id": "non-hex", "input": {"text": "zz"}, "error": {"kind": "serialization"}},
        {"id": "space", "input": {"text": "ab cd"}, "error": {"kind": "serialization"}},
        {"id": "prefix-0x", "input": {"text": "0x00"}, "error": {"kind": "serialization"}},
        {"id": "non-ascii-digit", "input": {"text": "\u0661\u0662"}, "error": {"kind": "serialization"},
         "note": "Arabic-Indic digits are not hex"},
    ]
    write(MOD, "hex_encode", "crypto.hex.encode", "random bytes (random.Random(5006)); lowercase hex per RFC 4648 §8",
          henc)
    write(MOD, "hex_decode", "crypto.hex.decode", "random bytes (random.Random(5006)); RFC 4648 §8 alphabet, either "
          "case", hdec)

    eq = []
    for i in range(6):
        a = rng.randbytes(rng.choice([0, 1, 16, 32]))
        eq.append({"id": f"same-{i}", "input": {"a": hx(a), "b": hx(a)}, "expect": {"equal": True}})
        if a:
            b = bytearray(a)
            b[rng.randrange(len(b))] ^= 1
            eq.append({"id": f"one-bit-{i}", "input": {"a": hx(a), "b": hx(bytes(b))}, "expect": {"equal": False}})
        eq.append({"id": f"prefix-{i}", "input": {"a": hx(a), "b": hx(a + b"\0")}, "expect": {"equal": False}})
    write(MOD, "constant_time_equal", "crypto.constant_time_equal", "byte-string equality (random.Random(5006))", eq)


def main() -> None:
    sha2_cases()
    blake3_cases()
    stream_cases()
    hmac_cases()
    gcm_cases()
    encoding_cases()


if __name__ == "__main__":
    main()
