"""Python ↔ TypeScript round trips: signatures made on one side verify on the other, PHC hashes too.

Both Python backends (pure, pynacl / argon2-cffi) and both TypeScript paths (WebCrypto, the
@noble/curves fallback) take part; deterministic Ed25519 must give the same bytes everywhere.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from llm_infra.conformance._runtimes import sdk_dist
from llm_infra.crypto import (
    Ed25519PrivateKey,
    ed25519_verify,
    hash_password,
    reset_backends,
    verify_password,
)
from tests.conftest import REPO

SCRIPT = r"""
import { readFileSync } from "node:fs";
const crypto_ = await import(process.argv[1] + "/crypto/index.js");
const ed = await import(process.argv[1] + "/crypto/ed25519.js");
const input = JSON.parse(readFileSync(0, "utf8"));
const hex = (s) => Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));
const toHex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
const out = {};
for (const backend of ["webcrypto", "noble"]) {
  ed._setEd25519Backend(backend);
  const key = await crypto_.Ed25519PrivateKey.fromSeed(hex(input.seed));
  const r = { public_key: toHex(key.publicKey.publicBytes()), verified: [], signatures: [] };
  for (const [m, s] of input.signed) {
    r.verified.push(await crypto_.ed25519Verify(hex(input.public_key), hex(m), hex(s)));
    r.verified.push(await crypto_.ed25519Verify(hex(input.public_key), hex(m + "00"), hex(s)));
  }
  for (const m of input.to_sign) r.signatures.push(toHex(await key.sign(hex(m))));
  out[backend] = r;
}
out.python_phc_ok = await crypto_.verifyPassword(input.phc, input.password);
out.python_phc_wrong = await crypto_.verifyPassword(input.phc, input.password + "!");
out.ts_phc = await crypto_.hashPassword(input.password, { timeCost: 1, memoryKib: 16, parallelism: 2 });
process.stdout.write(JSON.stringify(out));
"""


@pytest.mark.parametrize("mode", ["pure", "auto"])
def test_round_trips_between_python_and_typescript(mode: str, node: str, npm_workspace: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_INFRA_BACKEND", mode)
    reset_backends()
    dist = sdk_dist(REPO)
    seed = os.urandom(32)
    key = Ed25519PrivateKey.from_seed(seed)
    messages = [b"", b"a", os.urandom(100), "unicode ✓".encode()]
    signed = [[m.hex(), key.sign(m).hex()] for m in messages]
    password = "pässwörd ✓"
    phc = hash_password(password, time_cost=1, memory_kib=16)
    payload = {"seed": seed.hex(), "public_key": key.public_key().public_bytes().hex(), "signed": signed,
               "to_sign": [m.hex() for m in messages], "phc": phc, "password": password}
    proc = subprocess.run([node, "--input-type=module", "-e", SCRIPT, str(dist)], input=json.dumps(payload),
                          capture_output=True, text=True, check=False, timeout=120, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    for backend in ("webcrypto", "noble"):
        r = out[backend]
        assert r["public_key"] == payload["public_key"]
        assert r["verified"] == [True, False] * len(messages), backend
        assert r["signatures"] == [s for _, s in signed], "deterministic signatures must be identical"
        for m, s in zip(messages, r["signatures"], strict=True):
            assert ed25519_verify(key.public_key().public_bytes(), m, bytes.fromhex(s))
    assert out["python_phc_ok"] is True and out["python_phc_wrong"] is False
    assert out["ts_phc"].startswith("$argon2id$v=19$m=16,t=1,p=2$")
    assert verify_password(out["ts_phc"], password) and not verify_password(out["ts_phc"], password + "!")
    reset_backends()
