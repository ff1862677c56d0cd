"""The browser page in real Chromium: clean load, the parity panel, every playground tool, keyboard,
narrow screens, failures shown as messages, offline after load. Tests share one loaded page and run
in file order (the upload test adds a failing row, the offline test reloads last)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from llm_infra.errors import InfraError, RetryPolicy
from tests.browser.conftest import NARROW, WIDE, shot
from tests.conftest import REPO

VECTORS = sorted((REPO / "conformance" / "vectors").rglob("*.json"))


def cases_per_op() -> dict[str, int]:
    out: dict[str, int] = {}
    for f in VECTORS:
        doc = json.loads(f.read_text())
        out[doc["op"]] = out.get(doc["op"], 0) + len(doc["cases"])
    return out


def pretty(value: object) -> str:
    """How the page prints a Python result (json.dumps indent=2), computed here in CPython."""
    return json.dumps(value, indent=2, ensure_ascii=False)


def run_tool(page: Any, tool: str, values: dict[str, str], *, submit: str = "click") -> Any:
    """Type ``values`` into the tool's form, run it (button click or Enter), wait for both sides."""
    card = page.locator(f"#tool-{tool}")
    for name, value in values.items():
        control = card.locator(f"[name='{name}']")
        if control.evaluate("el => el.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)
    card.locator(".verdict").evaluate("el => { el.dataset.verdict = 'stale'; }")
    if submit == "enter":
        card.locator("input[type=text]").first.press("Enter")
    else:
        card.get_by_role("button", name="Run in both").click()
    page.wait_for_function(
        f"!['stale', 'pending'].includes(document.querySelector('#tool-{tool} .verdict').dataset.verdict)")
    return card


def side(card: Any, which: str) -> str:
    text: str = card.locator(f"[data-side={which}] .output").inner_text()
    return text


def verdict(card: Any) -> tuple[str, str]:
    v = card.locator(".verdict")
    return v.get_attribute("data-verdict"), v.inner_text()


# -- loading -------------------------------------------------------------------------------------

def test_page_loads_without_errors_and_stays_on_loopback(loaded: tuple[Any, dict[str, list[str]]]) -> None:
    page, problems = loaded
    assert problems["errors"] == [] and problems["console"] == [], problems
    assert problems["foreign"] == [], f"requests left 127.0.0.1: {problems['foreign']}"
    status = page.inner_text("#status")
    assert "TypeScript SDK: ready" in status and "Python: ready" in status, status
    assert "CPython 3.14" in status and "llm_infra 0.1.0" in status
    assert page.locator("#alerts").is_hidden()
    loaded_urls = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert any("/sdk/" in u for u in loaded_urls)
    timings = page.evaluate("window.llmInfraPage.timings")
    assert timings["tsReady"] > 0 and timings["pythonReady"] > 0
    assert timings["python"]["platform"] == "emscripten"


def test_the_page_tells_what_it_ships(page: Any) -> None:
    info = page.inner_text("#build-info")
    wheel = next((REPO / "build" / "browser" / "site" / "wheels").glob("llm_infra-*.whl"))
    assert "llm-infra wheel" in info and "TypeScript SDK" in info and "Pyodide 314" in info, info
    assert f"{len(VECTORS)} vector files" in info
    assert wheel.stat().st_size > 0


# -- parity panel --------------------------------------------------------------------------------

def test_parity_panel_shows_every_vector_op_passing_in_both_runtimes(page: Any) -> None:
    summary = page.inner_text("#parity-summary")
    expected = cases_per_op()
    assert summary.startswith("All pass:"), summary
    assert f"{len(expected)} ops, {sum(expected.values())} cases from {len(VECTORS)} vector files" in summary
    rows = page.locator("#parity-rows tr")
    assert rows.count() == len(expected)
    for i in range(rows.count()):
        cells = rows.nth(i).locator("th, td").all_inner_texts()
        op, _files, cases, ts, py = cells
        assert int(cases) == expected[op]
        assert ts == py == f"✓ pass {expected[op]}", cells
    shot(page.locator("#parity"), "parity-wide")
    page.set_viewport_size(NARROW)
    shot(page.locator("#parity"), "parity-narrow")


def test_a_failing_vector_shows_its_diff_by_keyboard(page: Any, tmp_path: Path) -> None:
    doc = json.loads((REPO / "conformance/vectors/errors/retry_delays.json").read_text())
    case = next(c for c in doc["cases"] if c["id"] == "none-doubling-capped")
    case["expect"]["delays_ms"][0] += 1
    flipped = tmp_path / "flipped.json"
    flipped.write_text(json.dumps(doc))
    total = cases_per_op()["errors.retry.delays"] * 2
    page.set_input_files("#vector-upload", str(flipped))
    page.wait_for_function("document.getElementById('parity-summary').dataset.verdict === 'fail'")
    assert page.inner_text("#parity-summary").startswith("2 failing cases"), page.inner_text("#parity-summary")
    row = page.locator("#parity-rows tr", has_text="errors.retry.delays")
    assert "(your file)" in row.inner_text()
    buttons = row.get_by_role("button")
    assert buttons.count() == 2 and buttons.all_inner_texts() == [f"✗ FAIL 1/{total}"] * 2
    py_button = buttons.nth(1)
    py_button.focus()
    page.keyboard.press("Enter")
    detail = page.locator("#parity-detail")
    heading = detail.locator("h3")
    assert heading.inner_text() == f"errors.retry.delays in Python (Pyodide): 1 of {total} cases failed"
    assert page.evaluate("document.activeElement.tagName") == "H3", "focus moves to the diff"
    text = detail.inner_text()
    assert "none-doubling-capped" in text and "your file: flipped.json" in text
    gone = detail.locator(".line.gone").all_inner_texts()
    new = detail.locator(".line.new").all_inner_texts()
    want = case["expect"]["delays_ms"][0]
    assert any(str(want) in g for g in gone) and any(str(want - 1) in n for n in new), (gone, new)
    assert row.get_by_role("button").nth(1).get_attribute("aria-expanded") == "true"
    shot(page.locator("#parity"), "parity-failing-diff")


# -- playground: errors_error ---------------------------------------------------------------------

def test_error_tool_builds_the_same_error_json_in_both_languages(page: Any) -> None:
    card = run_tool(page, "errors_error", {"kind": "auth", "message": "token expired für ada",
                                          "context": '{"user": "ada", "attempt": 2}', "retryable": "yes"},
                    submit="enter")
    err = InfraError("auth", "token expired für ada", context={"user": "ada", "attempt": 2}, retryable=True)
    expected = pretty({"error": err.to_dict(), "wire": err.to_json()})
    assert side(card, "ts") == expected
    assert side(card, "py") == expected
    assert verdict(card) == ("identical", "✓ Identical: TypeScript and Python returned the same bytes.")
    shot(card, "tool-errors_error-wide")
    page.set_viewport_size(NARROW)
    shot(card, "tool-errors_error-narrow")


def test_error_tool_rejects_a_non_object_context_on_both_sides(page: Any) -> None:
    card = run_tool(page, "errors_error", {"kind": "io", "message": "disk full", "context": "[1, 2]",
                                          "retryable": "the kind's default"})
    for s in ("ts", "py"):
        text = side(card, s)
        assert "InfraError · validation" in text and "context must be a JSON object" in text, text
    assert verdict(card)[0] == "identical"


def test_error_tool_unknown_kind_is_a_clear_error(page: Any) -> None:
    card = run_tool(page, "errors_error", {"kind": "nope", "context": "{}"})
    for s in ("ts", "py"):
        assert "InfraError · validation" in side(card, s) and "unknown error kind" in side(card, s)
    kind, text = verdict(card)
    # The two languages quote the kind differently ('nope' / "nope"): shown, never hidden.
    assert kind in ("identical", "same-error") and "validation" in text
    shot(card, "tool-errors_error-bad-kind")


def test_error_tool_invalid_json_is_reported_on_the_field(page: Any) -> None:
    card = run_tool(page, "errors_error", {"kind": "io", "context": '{"user": '})
    message = card.locator(".input-error")
    assert message.is_visible() and message.inner_text().startswith("Context (a JSON object): not valid JSON")
    assert card.locator("[name=context]").get_attribute("aria-invalid") == "true"
    assert side(card, "ts") == side(card, "py") == "Not run: fix the input above."
    card.get_by_role("button", name="Reset").click()
    page.wait_for_function("document.querySelector('#tool-errors_error .verdict').dataset.verdict === 'identical'")
    assert card.locator(".input-error").is_hidden()


# -- playground: errors_retry ---------------------------------------------------------------------

def test_retry_tool_gives_the_delays_of_cpython(page: Any) -> None:
    values = {"initial_ms": "150", "multiplier": "1.5", "max_ms": "2000", "max_attempts": "7", "jitter": "equal",
              "random": "0.1, 0.9 0.5,0.333, 0.75, 0.01"}
    card = run_tool(page, "errors_retry", values)
    policy = RetryPolicy(initial_ms=150, multiplier=1.5, max_ms=2000, max_attempts=7, jitter="equal")
    delays = policy.delays([0.1, 0.9, 0.5, 0.333, 0.75, 0.01])
    expected = pretty({"delays_ms": delays, "total_ms": sum(delays), "retries": 6})
    assert side(card, "ts") == side(card, "py") == expected
    assert verdict(card)[0] == "identical"
    shot(card, "tool-errors_retry-wide")
    page.set_viewport_size(NARROW)
    shot(card, "tool-errors_retry-narrow")


@pytest.mark.parametrize(("values", "message"), [
    ({"multiplier": "0.5"}, "RetryPolicy.multiplier must be >= 1, got 0.5"),
    ({"multiplier": "2", "max_attempts": "9", "random": "0.5"}, "random stream exhausted"),
])
def test_retry_tool_bad_policy_is_the_same_error_in_both(page: Any, values: dict[str, str], message: str) -> None:
    card = run_tool(page, "errors_retry", {"jitter": "full", **values})
    for s in ("ts", "py"):
        assert "InfraError · validation" in side(card, s) and message in side(card, s), side(card, s)
    assert verdict(card) == ("identical", "✓ Identical error in both languages (validation).")
    if "0.5" in message:
        shot(card, "tool-errors_retry-bad-multiplier")


def test_retry_tool_bad_number_is_reported_on_the_field(page: Any) -> None:
    card = run_tool(page, "errors_retry", {"random": "0.5, lots"})
    assert card.locator(".input-error").inner_text() == (
        'Random stream (numbers in [0, 1)): item 2 is not a number: "lots"')
    card.get_by_role("button", name="Reset").click()


# -- playground: ids ------------------------------------------------------------------------------

RANDOM_HEX = bytes(range(7, 7 + 200)).hex()
CLOCK_MS = 1_700_000_000_123


def stream(hex_text: str) -> Any:
    """A random source reading ``hex_text`` in order (as the ids_generate tool does on both sides)."""
    data, pos = bytes.fromhex(hex_text), [0]

    def random(n: int) -> bytes:
        pos[0] += n
        return data[pos[0] - n:pos[0]]

    return random, pos


def shots(page: Any, card: Any, tool: str) -> None:
    """The tool's card on a wide and on a narrow screen (artifacts/screenshots/tool-<id>-{wide,narrow}.png)."""
    card.scroll_into_view_if_needed()
    shot(card, f"tool-{tool}-wide")
    page.set_viewport_size(NARROW)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{tool} scrolls sideways"
    shot(card, f"tool-{tool}-narrow")
    page.set_viewport_size(WIDE)


@pytest.mark.parametrize("kind", ["uuid7", "uuid4", "ulid", "nanoid", "snowflake"])
def test_ids_generate_gives_the_ids_of_cpython_from_the_same_bytes(page: Any, kind: str) -> None:
    from llm_infra import ids

    random, pos = stream(RANDOM_HEX)
    gen: Any = {
        "uuid7": lambda: ids.Uuid7Generator(clock=lambda: CLOCK_MS, random=random).next_str,
        "uuid4": lambda: ids.Uuid4Generator(random=random).next_str,
        "ulid": lambda: ids.UlidGenerator(clock=lambda: CLOCK_MS, random=random).next,
        "nanoid": lambda: ids.custom_random("0123456789abcdef-", 12, random),
        "snowflake": lambda: ids.SnowflakeGenerator(3, 9, clock=lambda: CLOCK_MS).next_str,
    }[kind]()
    expected = [gen() for _ in range(4)]
    card = run_tool(page, "ids_generate", {"kind": kind, "count": "4", "timestamp_ms": str(CLOCK_MS),
                                           "alphabet": "0123456789abcdef-", "size": "12", "datacenter_id": "3",
                                           "worker_id": "9", "random": RANDOM_HEX})
    want = pretty({"kind": kind, "ids": expected, "random_bytes_read": pos[0]})
    assert side(card, "ts") == want and side(card, "py") == want
    assert verdict(card) == ("identical", "✓ Identical: TypeScript and Python returned the same bytes.")
    if kind == "uuid7":
        assert all(ids.parse_uuid(u).timestamp_ms == CLOCK_MS for u in expected)
        shots(page, card, "ids_generate")


def test_ids_generate_too_few_random_bytes_is_a_clear_error(page: Any) -> None:
    card = run_tool(page, "ids_generate", {"kind": "uuid4", "count": "2", "random": "00ff 00ff"})
    for s in ("ts", "py"):
        text = side(card, s)
        assert "InfraError · validation" in text
        assert "random: the 4 bytes given are used up (0 read, 16 more needed)" in text
    assert verdict(card) == ("identical", "✓ Identical error in both languages (validation).")
    card = run_tool(page, "ids_generate", {"kind": "uuid4", "count": "2", "random": "xyz"})
    assert 'random is not hex: character "x" at index 0' in side(card, "py")
    shot(card, "tool-ids_generate-bad-random")
    run_tool(page, "ids_generate", {"kind": "uuid7", "count": "3", "random": RANDOM_HEX})


@pytest.mark.parametrize(("kind", "text", "time"), [
    ("uuid", "017F22E2-79B0-7CC3-98C4-DC0C0C07398F", "2022-02-22T19:22:22.000Z"),  # RFC 9562 appendix A.6
    ("uuid", "C232AB00-9414-11EC-B3C8-9F6BDECED846", "2022-02-22T19:22:22.000Z"),  # RFC 9562 appendix A.1 (v1)
    ("uuid", "919108f7-52d1-4320-9bac-f847db4148a8", None),                        # RFC 9562 appendix A.3 (v4)
    ("ulid", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "2016-07-30T23:54:10.259Z"),            # the ULID spec's example
    ("ulid", "7ZZZZZZZZZZZZZZZZZZZZZZZZZ", "+010889-08-02T05:31:50.655Z"),         # the largest ULID
    ("snowflake", "1541815603606036480", "2022-06-28T16:07:40.105Z"),
])
def test_ids_decode_shows_the_fields_and_the_time(page: Any, kind: str, text: str, time: str | None) -> None:
    from llm_infra import ids

    card = run_tool(page, "ids_decode", {"kind": kind, "id": text, "epoch_ms": str(ids.TWITTER_EPOCH_MS)})
    if kind == "uuid":
        u = ids.parse_uuid(text)
        value: Any = {"uuid": str(u.uuid), "version": u.version, "variant": u.variant, "timestamp_ms": u.timestamp_ms,
                      "time": time, "hex": u.hex, "as_ulid": ids.uuid_to_ulid(u.uuid)}
    elif kind == "ulid":
        parts = ids.decode_ulid(text)
        value = {"timestamp_ms": parts.timestamp_ms, "time": time, "random": parts.random.hex(),
                 "as_uuid": str(ids.ulid_to_uuid(text))}
    else:
        sf = ids.decode_snowflake(text)
        value = {"timestamp_ms": sf.timestamp_ms, "time": time, "datacenter_id": sf.datacenter_id,
                 "worker_id": sf.worker_id, "sequence": sf.sequence}
    assert side(card, "ts") == side(card, "py") == pretty(value)
    assert verdict(card)[0] == "identical"
    if text.startswith("017F"):
        shots(page, card, "ids_decode")


def test_ids_decode_bad_ulid_is_a_clear_error(page: Any) -> None:
    card = run_tool(page, "ids_decode", {"kind": "ulid", "id": "01ARZ3NDEKTSV4RRFFQ69G5FA!"})
    assert "ulid: invalid Crockford base32 character \"!\" at position 25" in side(card, "ts")
    # the core quotes the character as Python does (repr) and TypeScript as JSON does: shown as such
    assert "ulid: invalid Crockford base32 character '!' at position 25" in side(card, "py")
    assert verdict(card) == ("same-error", "≈ Same error kind (validation) and context in both; "
                             "the message wording differs.")
    shot(card, "tool-ids_decode-bad-ulid")


# -- playground: crypto ---------------------------------------------------------------------------

@pytest.mark.parametrize(("values", "algorithm", "digest_hex"), [
    # RFC 4231 test cases 1 and 2
    ({"alg": "sha256", "encoding": "text", "key": "0b" * 20, "data": "Hi There"}, "HMAC-SHA-256",
     "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
    ({"alg": "sha512", "encoding": "hex", "key": "4a656665",
      "data": "7768617420646f2079612077616e7420666f72206e6f7468696e673f"},
     "HMAC-SHA-512", "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fd"
     "caeab1a34d4a6b4b636e070a38bce737"),
    # FIPS 180-2 "abc"
    ({"alg": "sha384", "encoding": "text", "key": "", "data": "abc"}, "SHA-384",
     "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
    # the BLAKE3 reference's test vector for the empty input
    ({"alg": "blake3", "encoding": "text", "key": "", "data": "", "length": "32"}, "BLAKE3",
     "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"),
])
def test_hash_tool_gives_the_published_digests(page: Any, values: dict[str, str], algorithm: str,
                                              digest_hex: str) -> None:
    card = run_tool(page, "crypto_hash", {"length": "32", **values})
    data = bytes.fromhex(values["data"]) if values["encoding"] == "hex" else values["data"].encode()
    want = pretty({"algorithm": algorithm, "data_bytes": len(data), "key_bytes": len(values["key"]) // 2,
                   "hex": digest_hex})
    assert side(card, "ts") == side(card, "py") == want
    assert verdict(card)[0] == "identical"
    if algorithm == "HMAC-SHA-256":
        shots(page, card, "crypto_hash")


def test_hash_tool_bad_hex_and_bad_blake3_key(page: Any) -> None:
    card = run_tool(page, "crypto_hash", {"alg": "sha256", "encoding": "hex", "key": "", "data": "0g"})
    for s in ("ts", "py"):
        text = side(card, s)
        assert "InfraError · validation" in text and 'data is not hex: character "g" at index 1' in text
    assert verdict(card)[0] == "identical"
    card = run_tool(page, "crypto_hash", {"alg": "blake3", "encoding": "text", "key": "00", "data": "x"})
    for s in ("ts", "py"):
        assert "InfraError · crypto" in side(card, s) and "a BLAKE3 key must be 32 bytes, got 1" in side(card, s)
    shot(card, "tool-crypto_hash-bad-key")


AES_KEY = bytes(range(32))
AES_NONCE = bytes.fromhex("cafebabefacedbaddecaf888")


def test_aes_gcm_tool_seals_like_pyca_cryptography_and_opens(page: Any) -> None:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM as PYCA_AESGCM

    sealed = PYCA_AESGCM(AES_KEY).encrypt(AES_NONCE, "attack at dawn ü".encode(), b"user:ada")
    card = run_tool(page, "crypto_aead", {"action": "seal", "key": AES_KEY.hex(), "nonce": AES_NONCE.hex(),
                                          "aad": "user:ada", "data": "attack at dawn ü"})
    want = pretty({"ciphertext": sealed[:-16].hex(), "tag": sealed[-16:].hex(), "ciphertext_and_tag": sealed.hex()})
    assert side(card, "ts") == side(card, "py") == want
    assert verdict(card)[0] == "identical"
    shots(page, card, "crypto_aead")
    card = run_tool(page, "crypto_aead", {"action": "open", "data": sealed.hex()})
    want = pretty({"authentic": True, "plaintext": "attack at dawn ü",
                   "plaintext_hex": "attack at dawn ü".encode().hex()})
    assert side(card, "ts") == side(card, "py") == want


def test_aes_gcm_tool_wrong_tag_is_a_crypto_error(page: Any) -> None:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM as PYCA_AESGCM

    sealed = bytearray(PYCA_AESGCM(AES_KEY).encrypt(AES_NONCE, b"attack at dawn", b"user:ada"))
    sealed[-1] ^= 1
    card = run_tool(page, "crypto_aead", {"action": "open", "key": AES_KEY.hex(), "nonce": AES_NONCE.hex(),
                                          "aad": "user:ada", "data": sealed.hex()})
    for s in ("ts", "py"):
        text = side(card, s)
        assert "InfraError · crypto" in text and "AES-GCM authentication failed: the tag does not match" in text
    assert verdict(card) == ("identical", "✓ Identical error in both languages (crypto).")
    shot(card, "tool-crypto_aead-wrong-tag")
    run_tool(page, "crypto_aead", {"action": "seal", "data": "attack at dawn"})


# RFC 8032 section 7.1, tests 1 and 2
ED_TESTS = [
    ("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe2465"
     "5141438e7a100b"),
    ("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "72",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aee"
     "b00d291612bb0c00"),
]


@pytest.mark.parametrize(("seed", "message", "public", "signature"), ED_TESTS)
def test_ed25519_tool_gives_the_rfc_8032_keys_and_signatures(page: Any, seed: str, message: str, public: str,
                                                             signature: str) -> None:
    card = run_tool(page, "crypto_ed25519", {"seed": seed, "encoding": "hex", "message": message, "signature": ""})
    want = pretty({"public_key": public, "signature": signature,
                   "verified": {"signature": "the signature above", "valid": True}})
    assert side(card, "ts") == side(card, "py") == want
    assert verdict(card)[0] == "identical"
    if message == "":
        shots(page, card, "crypto_ed25519")


def test_ed25519_tool_rejects_a_wrong_signature_and_a_short_seed(page: Any) -> None:
    seed, _, public, signature = ED_TESTS[0]
    card = run_tool(page, "crypto_ed25519", {"seed": seed, "encoding": "text", "message": "x", "signature": signature})
    from llm_infra.crypto import Ed25519PrivateKey

    own = Ed25519PrivateKey.from_seed(bytes.fromhex(seed)).sign(b"x").hex()
    want = pretty({"public_key": public, "signature": own, "verified": {"signature": signature, "valid": False}})
    assert side(card, "ts") == side(card, "py") == want and '"valid": false' in want
    card = run_tool(page, "crypto_ed25519", {"seed": "00"})
    for s in ("ts", "py"):
        assert "InfraError · validation" in side(card, s) and "seed must be 32 bytes, got 1" in side(card, s)
    assert verdict(card)[0] == "identical"
    shot(card, "tool-crypto_ed25519-bad-seed")
    run_tool(page, "crypto_ed25519", {"seed": seed, "message": "", "signature": ""})


JWT_KEY = bytes(range(32))
JWT_CLAIMS = {"sub": "ada", "aud": "api", "iss": "urn:example:auth", "iat": 1700000000, "exp": 1700003600}


def jwt_expected(token: str, key: Any, *, now: int, audience: str = "api") -> dict[str, Any]:
    """What the JWT tool shows, computed by the CPython core."""
    from llm_infra.crypto import jwt_decode_unverified, jwt_verify

    decoded = jwt_decode_unverified(token)
    try:
        verification: dict[str, Any] = {"valid": True, "claims": jwt_verify(
            token, key, algorithms=[decoded.header["alg"]], audience=audience, issuer="urn:example:auth", now=now)}
    except InfraError as exc:
        verification = {"valid": False, "reason": exc.context["reason"], "error": exc.to_dict()}
    return {"token": token, "decoded_unverified": {"header": decoded.header, "claims": decoded.claims},
            "verification": verification}


@pytest.mark.parametrize("alg", ["HS256", "EdDSA"])
def test_jwt_tool_signs_the_token_of_cpython_and_verifies_it(page: Any, alg: str) -> None:
    from llm_infra.crypto import Ed25519PrivateKey, jwt_sign

    private = Ed25519PrivateKey.from_seed(JWT_KEY)
    token = jwt_sign(JWT_CLAIMS, private if alg == "EdDSA" else JWT_KEY, alg=alg, header={"kid": "k1"})
    card = run_tool(page, "crypto_jwt", {"mode": "sign, then verify", "alg": alg, "key": JWT_KEY.hex(),
                                         "now": "1700000100", "leeway": "0", "audience": "api",
                                         "issuer": "urn:example:auth", "claims": json.dumps(JWT_CLAIMS),
                                         "header": '{"kid": "k1"}'})
    want = jwt_expected(token, private.public_key() if alg == "EdDSA" else JWT_KEY, now=1700000100)
    assert want["verification"]["valid"] is True and want["decoded_unverified"]["header"]["kid"] == "k1"
    assert side(card, "ts") == side(card, "py") == pretty(want)
    assert verdict(card)[0] == "identical"
    if alg == "HS256":
        shots(page, card, "crypto_jwt")


@pytest.mark.parametrize(("values", "reason"), [
    ({"now": "1700003600"}, "expired"),
    ({"now": "1700000100", "leeway": "0", "audience": "billing"}, "audience"),
])
def test_jwt_tool_shows_the_auth_error_and_its_reason(page: Any, values: dict[str, str], reason: str) -> None:
    from llm_infra.crypto import jwt_sign

    token = jwt_sign(JWT_CLAIMS, JWT_KEY, alg="HS256")
    card = run_tool(page, "crypto_jwt", {"mode": "verify the token below", "alg": "HS256", "key": JWT_KEY.hex(),
                                         "leeway": "0", "audience": "api", "issuer": "urn:example:auth",
                                         "token": token, **values})
    want = jwt_expected(token, JWT_KEY, now=int(values["now"]), audience=values.get("audience", "api"))
    assert want["verification"]["reason"] == reason
    assert side(card, "ts") == side(card, "py") == pretty(want)
    assert f'"reason": "{reason}"' in side(card, "ts") and '"valid": false' in side(card, "py")
    assert verdict(card)[0] == "identical"
    shot(card, f"tool-crypto_jwt-{reason}")


def test_jwt_tool_bad_key_and_short_hmac_key_are_clear_errors(page: Any) -> None:
    card = run_tool(page, "crypto_jwt", {"mode": "sign, then verify", "alg": "HS256", "key": "zz"})
    for s in ("ts", "py"):
        text = side(card, s)
        assert "InfraError · validation" in text and 'key is not hex: character "z" at index 0' in text
    card = run_tool(page, "crypto_jwt", {"mode": "sign, then verify", "alg": "HS512", "key": JWT_KEY.hex()})
    for s in ("ts", "py"):
        text = side(card, s)
        assert "InfraError · crypto" in text and "the HMAC key is 32 bytes; HS512 needs at least 64" in text, text
    assert verdict(card)[0] == "identical"
    shot(card, "tool-crypto_jwt-short-key")
    card.get_by_role("button", name="Reset").click()


# -- playground: json -----------------------------------------------------------------------------

FROM_DOC = {"name": "api", "replicas": 2, "ports": [80], "env": {"LOG": "info", "DEBUG": True}, "tags": ["a", "b"]}
TO_DOC = {"name": "api", "replicas": 3, "ports": [443, 80], "env": {"LOG": "debug"}, "tags": ["b"], "new": {"x": 1}}


def test_json_diff_tool_gives_the_patches_of_cpython_side_by_side(page: Any) -> None:
    from llm_infra.json import diff, merge_patch_create

    card = run_tool(page, "json_diff", {"from": json.dumps(FROM_DOC, indent=2), "to": json.dumps(TO_DOC, indent=2)})
    want = pretty({"patch": diff(FROM_DOC, TO_DOC), "patch_gives_to": True,
                   "merge_patch": merge_patch_create(FROM_DOC, TO_DOC), "merge_patch_gives_to": True})
    assert side(card, "ts") == side(card, "py") == want
    assert verdict(card)[0] == "identical"
    boxes = [card.locator(f"[name={n}]").bounding_box() for n in ("from", "to")]
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 2 and boxes[1]["x"] > boxes[0]["x"], "from and to side by side"
    shots(page, card, "json_diff")


def test_json_diff_tool_explains_what_a_merge_patch_cannot_say(page: Any) -> None:
    from llm_infra.json import diff

    to = {**FROM_DOC, "name": None}
    card = run_tool(page, "json_diff", {"from": json.dumps(FROM_DOC), "to": json.dumps(to)})
    want = pretty({"patch": diff(FROM_DOC, to), "patch_gives_to": True, "merge_patch": None,
                   "merge_patch_error": "a merge patch cannot set '/name' to null (null deletes a member); "
                                        "use a JSON Patch"})
    assert side(card, "ts") == side(card, "py") == want
    assert verdict(card)[0] == "identical"


def test_json_diff_tool_bad_json_names_the_document(page: Any) -> None:
    card = run_tool(page, "json_diff", {"from": "{}", "to": '{"a": 1,'})
    for s in ("ts", "py"):
        text = side(card, s)
        assert "InfraError · serialization" in text and "to: invalid JSON at line 1 column 9" in text, text
        assert '"field": "to"' in text
    # the position is the same; the wording of the parser's reason differs (CPython's json vs the SDK's)
    assert verdict(card)[0] == "same-error"
    shot(card, "tool-json_diff-bad-json")


def test_json_patch_tool_applies_patches_and_merge_patches(page: Any) -> None:
    from llm_infra.json import apply_patch, merge_patch_apply

    patch = [{"op": "test", "path": "/replicas", "value": 2}, {"op": "replace", "path": "/replicas", "value": 3},
             {"op": "move", "from": "/tags/0", "path": "/env/first"}]
    card = run_tool(page, "json_patch", {"kind": "JSON Patch (RFC 6902)", "document": json.dumps(FROM_DOC),
                                         "patch": json.dumps(patch)})
    assert side(card, "ts") == side(card, "py") == pretty({"result": apply_patch(FROM_DOC, patch)})
    assert verdict(card)[0] == "identical"
    shots(page, card, "json_patch")
    merge = {"env": {"DEBUG": None, "X": 1}, "tags": None}
    card = run_tool(page, "json_patch", {"kind": "Merge Patch (RFC 7396)", "patch": json.dumps(merge)})
    assert side(card, "ts") == side(card, "py") == pretty({"result": merge_patch_apply(FROM_DOC, merge)})


def test_json_patch_tool_failed_test_changes_nothing_and_says_why(page: Any) -> None:
    patch = [{"op": "replace", "path": "/name", "value": "x"}, {"op": "test", "path": "/replicas", "value": 5}]
    card = run_tool(page, "json_patch", {"kind": "JSON Patch (RFC 6902)", "document": json.dumps(FROM_DOC),
                                         "patch": json.dumps(patch)})
    for s in ("ts", "py"):
        text = side(card, s)
        assert "InfraError · validation" in text
        assert "patch[1] (test '/replicas'): test failed: the value at '/replicas' is 2, not 5" in text, text
    assert verdict(card) == ("identical", "✓ Identical error in both languages (validation).")
    shot(card, "tool-json_patch-failed-test")


RFC8785_INPUT = ('{\n  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n'
                 r'  "string": "\u20ac$\u000F\u000aA' "'" r'\u0042\u0022\u005c\\\"\/",' '\n'
                 '  "literals": [null, true, false]\n}')
RFC8785_OUTPUT = ('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
                  '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}')


def test_canonicalize_tool_gives_rfc_8785_output(page: Any) -> None:
    import hashlib

    from llm_infra.json import canonicalize, parse

    assert canonicalize(parse(RFC8785_INPUT)) == RFC8785_OUTPUT
    card = run_tool(page, "json_canonicalize", {"document": RFC8785_INPUT})
    data = RFC8785_OUTPUT.encode()
    want = pretty({"canonical": RFC8785_OUTPUT, "utf8_bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    assert side(card, "ts") == side(card, "py") == want
    assert verdict(card)[0] == "identical"
    shots(page, card, "json_canonicalize")


def test_canonicalize_tool_number_beyond_a_double_is_a_clear_error(page: Any) -> None:
    card = run_tool(page, "json_canonicalize", {"document": '{"a": 1e400}'})
    for s in ("ts", "py"):
        text = side(card, s)
        assert "InfraError · serialization" in text
        assert "document: invalid JSON: 1e400 is beyond the range of a double" in text
    assert verdict(card)[0] == "identical"
    shot(card, "tool-json_canonicalize-bad-number")
    card.get_by_role("button", name="Reset").click()


def test_pointer_tool_resolves_escaped_tokens(page: Any) -> None:
    from llm_infra.json import pointer_get, pointer_parse

    doc = {"servers": [{"host": "a"}, {"tags": {"a/b": "slash", "m~n": ["tilde"]}}]}
    for pointer in ("/servers/1/tags/a~1b", "/servers/1/tags/m~0n/0", ""):
        card = run_tool(page, "json_pointer", {"pointer": pointer, "document": json.dumps(doc)})
        want = pretty({"tokens": list(pointer_parse(pointer)), "value": pointer_get(doc, pointer)})
        assert side(card, "ts") == side(card, "py") == want
        assert verdict(card)[0] == "identical"
    shots(page, card, "json_pointer")


def test_pointer_tool_missing_index_is_not_found(page: Any) -> None:
    card = run_tool(page, "json_pointer", {"pointer": "/servers/2", "document": '{"servers": [1, 2]}'})
    for s in ("ts", "py"):
        text = side(card, s)
        assert "InfraError · not_found" in text and "index 2 is out of range for the array at '/servers'" in text
    assert verdict(card)[0] == "identical"
    shot(card, "tool-json_pointer-not-found")


# -- playground: config ---------------------------------------------------------------------------

CFG_DEFAULTS = {"server": {"host": "0.0.0.0", "port": 8000}, "db": {"host": "localhost", "port": 5432,
                                                                   "password": "dev"}, "tags": ["a"]}
CFG_TOML = '[server]\nport = 9000\n\n[db]\nhost = "db.internal"\n'
CFG_ENV = "# comment\nAPP_DB__PORT=6432\nAPP_DB__API_TOKEN=t0k3n\nAPP_DEBUG=yes\nOTHER=ignored"
CFG_RULES = [{"rule": "required", "path": "db.host"}, {"rule": "range", "path": "db.port", "min": 1, "max": 65535}]


def config_values(**changes: str) -> dict[str, str]:
    values = {"defaults": json.dumps(CFG_DEFAULTS), "toml": CFG_TOML, "env": CFG_ENV, "prefix": "APP_",
              "rules": json.dumps(CFG_RULES)}
    return {**values, **changes}


def config_expected(rules: list[dict[str, Any]]) -> Any:
    """What the tool shows, computed in CPython with the core's ConfigBuilder (a dict, or the InfraError)."""
    from llm_infra.config import ConfigBuilder

    builder = (ConfigBuilder().add_defaults(CFG_DEFAULTS).add_toml(CFG_TOML, label="app.toml")
               .add_env("APP_", vars={"APP_DB__PORT": "6432", "APP_DB__API_TOKEN": "t0k3n", "APP_DEBUG": "yes",
                                      "OTHER": "ignored"})
               .add_rules(rules))
    try:
        cfg = builder.build()
    except InfraError as exc:
        return exc
    return {"config": cfg.to_dict(redact=True), "explain": cfg.explain_all(), "sources": list(cfg.sources)}


def test_config_tool_resolves_the_layers_like_cpython(page: Any) -> None:
    card = run_tool(page, "config_resolve", config_values())
    want = config_expected(CFG_RULES)
    assert want["config"]["db"] == {"host": "db.internal", "port": 6432, "password": "***", "api_token": "***"}
    assert want["explain"]["db.port"] == "env:APP_" and want["explain"]["server.port"] == "app.toml"
    assert side(card, "ts") == side(card, "py") == pretty(want)
    assert "t0k3n" not in side(card, "ts") and "dev" not in side(card, "py"), "secrets are redacted"
    assert verdict(card)[0] == "identical"
    shots(page, card, "config_resolve")


def test_config_tool_failing_rules_list_every_violation(page: Any) -> None:
    rules = [*CFG_RULES, {"rule": "range", "path": "db.port", "max": 1024}, {"rule": "required", "path": "db.user"},
             {"rule": "pattern", "path": "db.api_token", "pattern": "[a-z]+"}]
    err = config_expected(rules)
    assert isinstance(err, InfraError) and len(err.context["violations"]) == 3
    card = run_tool(page, "config_resolve", config_values(rules=json.dumps(rules)))
    for s in ("ts", "py"):
        text = side(card, s)
        assert "InfraError · config" in text and err.message in text, text
        assert "db.api_token: *** does not match the pattern" in text and "t0k3n" not in text
        assert pretty(err.context) in text  # the violations list, as the page prints the context
    assert verdict(card) == ("identical", "✓ Identical error in both languages (config).")
    shot(card, "tool-config_resolve-violations")


def test_config_tool_malformed_toml_names_the_source_line_and_column(page: Any) -> None:
    card = run_tool(page, "config_resolve", config_values(toml="[db]\nport 5432"))
    for s in ("ts", "py"):
        text = side(card, s)
        assert "InfraError · config" in text and 'config source "app.toml": invalid TOML at line 2 column 6: ' in text
        assert '"line": 2' in text and '"column": 6' in text and '"source": "app.toml"' in text, text
    # the same position; the reason is tomllib's wording in Python and smol-toml's in TypeScript
    assert verdict(card)[0] == "same-error"
    shot(card, "tool-config_resolve-bad-toml")


def test_config_tool_bad_env_line_and_bad_rules_are_clear_errors(page: Any) -> None:
    card = run_tool(page, "config_resolve", config_values(env="APP_DB__PORT=6432\nAPP_DEBUG"))
    for s in ("ts", "py"):
        text = side(card, s)
        assert "InfraError · validation" in text and 'env: line 2: expected NAME=value, got "APP_DEBUG"' in text
    assert verdict(card)[0] == "identical"
    card = run_tool(page, "config_resolve", config_values(rules='[{"rule": "between", "path": "db.port"}]'))
    for s in ("ts", "py"):
        text = side(card, s)
        assert "InfraError · config" in text and 'rules[0]: unknown rule "between"' in text, text
    assert verdict(card)[0] == "identical"
    card = run_tool(page, "config_resolve", config_values(rules='{"rule": "required", "path": "db.host"}'))
    for s in ("ts", "py"):
        assert "rules must be a JSON array of rule objects" in side(card, s)
    assert verdict(card)[0] == "identical"
    card.get_by_role("button", name="Reset").click()


# -- accessibility and layout ---------------------------------------------------------------------

def test_every_control_has_a_label_and_tab_order_follows_the_page(page: Any) -> None:
    unlabeled = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
        .filter(el => !(el.labels && el.labels.length && el.labels[0].textContent.trim()))
        .map(el => el.id || el.name)""")
    assert unlabeled == []
    unnamed = page.evaluate("""() => [...document.querySelectorAll('button')]
        .filter(b => !(b.getAttribute('aria-label') || b.textContent.trim())).length""")
    assert unnamed == 0
    # start the sequential focus navigation at the top of the document, as on a fresh load
    page.evaluate("""() => { window.scrollTo(0, 0); const b = document.body; b.tabIndex = -1; b.focus();
        b.removeAttribute('tabindex'); }""")
    stops = []
    for _ in range(400):  # one full round through the page, until focus leaves the document
        page.keyboard.press("Tab")
        stop = page.evaluate("""() => { const el = document.activeElement;
            if (el === document.body || (window.__stops || []).includes(el)) return null;
            window.__stops = (window.__stops || []).concat([el]);
            return el.id || el.getAttribute('href') || el.textContent.trim().slice(0, 30); }""")
        if stop is None:
            break
        stops.append(stop)
    assert stops[0] == "#main", "the first stop is the skip link"
    in_order = page.evaluate("""() => window.__stops.every((el, i, a) => i === 0 ||
        (a[i - 1].compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING))""")
    assert in_order, " | ".join(str(s)[:25] for s in stops)
    assert stops.count("Run in both") == page.locator(".tool").count() and "errors_error-kind" in stops, stops


def test_narrow_screen_has_no_sideways_scroll_and_stacks_the_results(page: Any) -> None:
    page.set_viewport_size(NARROW)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    card = page.locator("#tool-errors_retry")
    ts_box = card.locator("[data-side=ts]").bounding_box()
    py_box = card.locator("[data-side=py]").bounding_box()
    assert py_box["y"] >= ts_box["y"] + ts_box["height"], "one column on a phone"
    page.set_viewport_size(WIDE)
    ts_box = card.locator("[data-side=ts]").bounding_box()
    py_box = card.locator("[data-side=py]").bounding_box()
    assert abs(py_box["y"] - ts_box["y"]) < 2 and py_box["x"] > ts_box["x"], "side by side on a wide screen"
    shot(page, "page-wide", full_page=True)
    page.set_viewport_size(NARROW)
    shot(page, "page-narrow", full_page=True)


# -- failures and offline ------------------------------------------------------------------------

def test_python_that_cannot_start_is_a_message_not_a_blank_page(browser: Any, served: str) -> None:
    context = browser.new_context(viewport=WIDE)
    try:
        context.route("**/pyodide.asm.wasm", lambda r: r.abort())
        page = context.new_page()
        page.goto(served)
        page.wait_for_function("document.documentElement.dataset.python === 'failed'", timeout=120_000)
        page.wait_for_function("document.documentElement.dataset.ts === 'ready'")
        page.wait_for_function("document.getElementById('parity-summary').dataset.verdict === 'error'")
        assert page.inner_text("#parity-summary").startswith("Python (Pyodide) could not run: could not download")
        for row in page.locator("#parity-rows tr").all():
            cells = row.locator("td").all_inner_texts()
            assert cells[-2].startswith("✓ pass") and cells[-1] == "not run", cells
        alert = page.locator("#alerts")
        assert alert.is_visible() and "Python could not start" in alert.inner_text()
        assert "Python: failed to start" in page.inner_text("#py-status-text")
        card = page.locator("#tool-errors_retry")
        page.wait_for_function(
            "document.querySelector('#tool-errors_retry .verdict').dataset.verdict === 'unavailable'")
        assert '"delays_ms"' in side(card, "ts")
        assert side(card, "py").startswith("Python is unavailable:")
        shot(page, "python-failed")
    finally:
        context.close()


def test_works_offline_once_loaded(page: Any) -> None:
    page.wait_for_function("document.documentElement.dataset.offline === 'ready'", timeout=120_000)
    assert page.inner_text("#offline-status").startswith("Works offline: all")
    context = page.context
    blocked: list[str] = []

    def refuse(route: Any) -> None:
        blocked.append(route.request.url)
        route.abort("internetdisconnected")

    context.route("**/*", refuse)
    try:
        page.reload()
        page.evaluate("() => window.llmInfraPage.whenReady()")
        page.wait_for_function("document.getElementById('parity-summary').dataset.verdict !== 'running'")
        assert page.inner_text("#parity-summary").startswith("All pass:")
        assert verdict(page.locator("#tool-errors_retry"))[0] == "identical"
        assert blocked, "the network was really cut (the service worker's requests were refused)"
    finally:
        context.unroute("**/*", refuse)
