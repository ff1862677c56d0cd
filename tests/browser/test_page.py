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
    for _ in range(80):  # one full round through the page, until focus leaves the document
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
