"""Cross-runtime round trips: sealed by Python -> opened by TypeScript (Node) and back.

Python's ``seal``/``AESGCM`` and the SDK's ``seal``/``AESGCM`` must read each other's output:
the same ``nonce ‖ ciphertext ‖ tag`` format, the same GCM for every nonce length. Python runs
each direction under both backends (pure and auto), so the pure implementation is exercised too.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from llm_infra.conformance._runtimes import sdk_dist
from llm_infra.crypto import AESGCM, open, reset_backends, seal
from llm_infra.crypto._backend import ENV_VAR
from tests.conftest import REPO

# Reads {"key", "sealed": [{"sealed", "aad"}], "boxes": [{"nonce", "ciphertext", "aad"}]} (hex) on stdin;
# prints the plaintexts it opened plus its own sealed messages and ciphertexts for the same plaintexts.
NODE_SCRIPT = r"""
import { AESGCM, hexDecode, hexEncode, open, seal } from "@llm-dev-ops/infra/crypto";
let text = "";
for await (const chunk of process.stdin) text += chunk;
const job = JSON.parse(text);
const key = hexDecode(job.key);
const opened = [];
for (const s of job.sealed) opened.push(hexEncode(await open(key, hexDecode(s.sealed), hexDecode(s.aad))));
const decrypted = [];
for (const b of job.boxes) {
  const box = new AESGCM(key);
  decrypted.push(hexEncode(await box.decrypt(hexDecode(b.nonce), hexDecode(b.ciphertext), hexDecode(b.aad))));
}
const resealed = [];
for (const [i, p] of opened.entries()) {
  resealed.push(hexEncode(await seal(key, hexDecode(p), hexDecode(job.sealed[i].aad))));
}
const boxes = [];
for (const [i, b] of job.boxes.entries()) {
  const nonce = hexDecode(b.nonce);
  nonce[0] ^= 0xff;  // a different nonce than Python used
  const ct = await new AESGCM(key).encrypt(nonce, hexDecode(decrypted[i]), hexDecode(b.aad));
  boxes.push({ nonce: hexEncode(nonce), ciphertext: hexEncode(ct) });
}
let tampered = "accepted";
try { await open(key, hexDecode(job.tampered)); } catch (e) { tampered = `${e.name}:${e.kind}`; }
process.stdout.write(JSON.stringify({ opened, decrypted, resealed, boxes, tampered }));
"""

PLAINTEXTS = [b"", b"x", b"hello, world", os.urandom(1000), os.urandom(70_000)]
NONCE_LENGTHS = [1, 7, 8, 12, 16, 60, 128, 200]


@pytest.fixture(params=["pure", "auto"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv(ENV_VAR, request.param)
    reset_backends()
    yield str(request.param)
    reset_backends()


def run_node(node: str, job: dict) -> dict:
    sdk_dist(REPO)
    proc = subprocess.run([node, "--input-type=module", "-e", NODE_SCRIPT], input=json.dumps(job), cwd=REPO,
                          capture_output=True, text=True, check=False, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result: dict = json.loads(proc.stdout)
    return result


def test_sealed_by_python_opened_by_typescript_and_back(node: str, npm_workspace: Path, backend: str) -> None:
    key = AESGCM.generate_key(256)
    aads = [b"", b"ctx", os.urandom(33), b"", b"header"]
    sealed = [seal(key, p, a) for p, a in zip(PLAINTEXTS, aads, strict=True)]
    boxes = []
    for i, n in enumerate(NONCE_LENGTHS):
        nonce = os.urandom(n)
        plaintext = PLAINTEXTS[i % len(PLAINTEXTS)]
        boxes.append({"nonce": nonce.hex(), "ciphertext": AESGCM(key).encrypt(nonce, plaintext, b"aad").hex(),
                      "aad": b"aad".hex()})
    tampered = bytearray(sealed[2])
    tampered[-1] ^= 1
    out = run_node(node, {"key": key.hex(), "sealed": [{"sealed": s.hex(), "aad": a.hex()}
                                                       for s, a in zip(sealed, aads, strict=True)],
                          "boxes": boxes, "tampered": bytes(tampered).hex()})
    # TypeScript opened what Python sealed ...
    assert out["opened"] == [p.hex() for p in PLAINTEXTS]
    assert out["decrypted"] == [PLAINTEXTS[i % len(PLAINTEXTS)].hex() for i in range(len(NONCE_LENGTHS))]
    assert out["tampered"] == "InfraError:crypto"
    # ... and Python opens what TypeScript sealed
    for s, p, a in zip(out["resealed"], PLAINTEXTS, aads, strict=True):
        assert open(key, bytes.fromhex(s), a) == p
    for i, b in enumerate(out["boxes"]):
        nonce = bytes.fromhex(b["nonce"])
        assert len(nonce) == NONCE_LENGTHS[i]
        assert AESGCM(key).decrypt(nonce, bytes.fromhex(b["ciphertext"]), b"aad") == PLAINTEXTS[i % len(PLAINTEXTS)]
