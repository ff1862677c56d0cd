"""Python ↔ TypeScript JWT round trips: a token signed by one side verifies on the other, byte for byte.

For HS256/384/512 and EdDSA, with claims that stress the canonical form (Unicode, key order by
UTF-16 code units, ECMAScript numbers): Python signs under both backends (pure, auto), Node
verifies every token and signs the same claims itself (WebCrypto and @noble paths for EdDSA) — the
tokens must be identical — and Python verifies Node's tokens. Rejections must carry the same
reason *and* message in both languages.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from llm_infra.conformance._runtimes import sdk_dist
from llm_infra.crypto import Ed25519PrivateKey, jwt_sign, jwt_verify, reset_backends
from llm_infra.errors import InfraError
from tests.conftest import REPO

SCRIPT = r"""
import { readFileSync } from "node:fs";
const c = await import(process.argv[1] + "/crypto/index.js");
const input = JSON.parse(readFileSync(0, "utf8"));
const hex = (s) => Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));
const out = { verified: [], tokens: {}, rejections: [] };
for (const backend of ["webcrypto", "noble"]) {
  c._setEd25519Backend(backend);
  const ed = await c.Ed25519PrivateKey.fromSeed(hex(input.seed));
  const keys = { HS256: hex(input.secrets.HS256), HS384: hex(input.secrets.HS384), HS512: hex(input.secrets.HS512) };
  const tokens = [];
  for (const job of input.jobs) {
    const verifyKey = job.alg === "EdDSA" ? ed.publicKey : keys[job.alg];
    const claims = await c.jwtVerify(job.token, verifyKey, { algorithms: [job.alg], now: input.now, audience: "api" });
    out.verified.push(JSON.stringify(claims));
    const signKey = job.alg === "EdDSA" ? ed : keys[job.alg];
    tokens.push(await c.jwtSign(job.claims, signKey, { alg: job.alg, header: job.header ?? undefined }));
  }
  out.tokens[backend] = tokens;
}
for (const r of input.rejections) {
  const key = r.alg === "EdDSA" ? c.Ed25519PublicKey.fromBytes(hex(r.key)) : hex(r.key);
  try {
    await c.jwtVerify(r.token, key, { now: input.now, ...r.options });
    out.rejections.push(null);
  } catch (e) {
    out.rejections.push({ kind: e.kind, reason: e.context.reason ?? null, message: e.message });
  }
}
process.stdout.write(JSON.stringify(out));
"""

NOW = 1_700_000_000
SECRETS = {"HS256": os.urandom(32), "HS384": os.urandom(48), "HS512": os.urandom(100)}
CLAIM_SETS: list[dict[str, Any]] = [
    {"sub": "user-42", "aud": "api", "exp": NOW + 60, "iat": NOW, "scope": "read write"},
    {"aud": ["web", "api"], "name": "Zoë 中文 😀", "\ue000": 1, "\U0001f600": 2, "ctl": "\u0000\n\u2028\"\\"},
    {"aud": "api", "n": [1.0, -0.0, 1e21, 1e-7, 0.000001, 5e-324, 2**53, 0.1], "exp": NOW + 0.5,
     "nested": {"b": {}, "a": []}},
    {"aud": "api"},
]


def run_node(node: str, job: dict) -> dict:
    dist = sdk_dist(REPO)
    proc = subprocess.run([node, "--input-type=module", "-e", SCRIPT, str(dist)], input=json.dumps(job), cwd=REPO,
                          capture_output=True, text=True, check=False, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result: dict = json.loads(proc.stdout)
    return result


def _rejections(seed: bytes) -> list[dict]:
    pub = Ed25519PrivateKey.from_seed(seed).public_key().public_bytes()
    ok = jwt_sign({"sub": "a", "aud": "x", "exp": NOW - 1, "iss": "me"}, SECRETS["HS256"], alg="HS256")
    h, p, s = ok.split(".")
    forged = jwt_sign({"sub": "admin"}, pub, alg="HS256")
    secret = SECRETS["HS256"].hex()

    def hs(token: str, **options: Any) -> dict:
        return {"alg": "HS256", "key": secret, "token": token, "options": {"algorithms": ["HS256"], **options}}

    return [
        hs(ok, audience="x"), hs(ok, leeway=2.5, audience="y", issuer="me"), hs(ok, algorithms=["HS384"]),
        {"alg": "EdDSA", "key": pub.hex(), "token": forged, "options": {"algorithms": ["EdDSA", "HS256"]}},
        {**hs(ok), "key": SECRETS["HS256"][:20].hex()}, hs(f"{h}.{p}.{s[:-1]}A"), hs(f"{h}.{p}"),
        hs(f"{h}.{p}.{s}.x.y"),
        hs(f"{h}.{p}x.{s}"), hs("eyJhbGciOiJub25lIn0." + p + "."), hs(ok, algorithms=[]), hs(ok, algorithms=["none"]),
    ]


def _python_rejection(r: dict) -> dict | None:
    from llm_infra.crypto import Ed25519PublicKey

    key: Any = Ed25519PublicKey(bytes.fromhex(r["key"])) if r["alg"] == "EdDSA" else bytes.fromhex(r["key"])
    opts = dict(r["options"])
    try:
        jwt_verify(r["token"], key, now=NOW, **opts)
    except InfraError as exc:
        return {"kind": exc.kind.value, "reason": exc.context.get("reason"), "message": exc.message}
    return None


@pytest.mark.parametrize("mode", ["pure", "auto"])
def test_tokens_cross_between_python_and_typescript(mode: str, node: str, npm_workspace: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_INFRA_BACKEND", mode)
    reset_backends()
    seed = os.urandom(32)
    ed = Ed25519PrivateKey.from_seed(seed)
    jobs = []
    for alg in ("HS256", "HS384", "HS512", "EdDSA"):
        for i, claims in enumerate(CLAIM_SETS):
            header = {"kid": f"k-{i}", "typ": "at+jwt"} if i % 2 else None
            key: Any = ed if alg == "EdDSA" else SECRETS[alg]
            jobs.append({"alg": alg, "claims": claims, "header": header,
                         "token": jwt_sign(claims, key, alg=alg, header=header)})  # type: ignore[arg-type]
    rejections = _rejections(seed)
    out = run_node(node, {"seed": seed.hex(), "secrets": {k: v.hex() for k, v in SECRETS.items()}, "now": NOW,
                          "jobs": jobs, "rejections": rejections})
    # TypeScript verified every Python token and got the same claims ...
    for got, job in zip(out["verified"], jobs + jobs, strict=True):
        want = jwt_verify(job["token"], ed.public_key() if job["alg"] == "EdDSA" else SECRETS[job["alg"]],
                          algorithms=[job["alg"]], now=NOW, audience="api")
        assert json.loads(got) == want
    # ... signed the same claims into the very same bytes (both Ed25519 paths) ...
    for backend in ("webcrypto", "noble"):
        assert out["tokens"][backend] == [j["token"] for j in jobs], backend
    # ... and Python verifies what TypeScript signed
    for token, job in zip(out["tokens"]["noble"], jobs, strict=True):
        key = ed.public_key() if job["alg"] == "EdDSA" else SECRETS[job["alg"]]
        jwt_verify(token, key, algorithms=[job["alg"]], now=NOW, audience="api")
    # rejections: same kind, reason and message in both languages
    for got, r in zip(out["rejections"], rejections, strict=True):
        want = _python_rejection(r)
        assert want is not None
        assert got == want, (r["options"], got, want)
