/**
 * The playground: one card per tool (discovered from the manifest), a labelled form, and the
 * TypeScript and Python results side by side, marked identical only when the bytes are equal.
 */
import { h, messageOf } from "./dom.js";
import type { Outcome, PythonRuntime } from "./python.js";
import { runToolTs } from "./ts-side.js";
import { type Field, type ToolSpec, parseFields } from "./tool.js";

type PyState = { state: "loading" } | { state: "ready" } | { state: "failed"; message: string };

function renderOutcome(o: Outcome): Node {
  if (o.ok) return h("pre", { class: "result" }, o.text);
  if ("error" in o) {
    const e = o.error;
    const ctx = Object.keys(e.context).length ? h("pre", { class: "result" }, JSON.stringify(e.context, null, 2)) : null;
    return h(
      "div",
      { class: "error-result" },
      h("p", { class: "error-title" }, h("strong", {}, `InfraError · ${e.kind}`), e.retryable ? " (retryable)" : ""),
      h("p", { class: "error-message" }, e.message),
      ctx,
    );
  }
  return h("p", { class: "crash" }, `Unexpected ${o.crash} — a bug: bad input must give an InfraError.`);
}

function verdictOf(ts: Outcome, py: Outcome): { kind: string; text: string } {
  if (ts.ok && py.ok) {
    return ts.text === py.text
      ? { kind: "identical", text: "✓ Identical: TypeScript and Python returned the same bytes." }
      : { kind: "differs", text: "✗ Different: the two results are not byte-identical." };
  }
  if (!ts.ok && !py.ok && "error" in ts && "error" in py) {
    if (JSON.stringify(ts.error) === JSON.stringify(py.error)) {
      return { kind: "identical", text: `✓ Identical error in both languages (${ts.error.kind}).` };
    }
    if (ts.error.kind === py.error.kind && JSON.stringify(ts.error.context) === JSON.stringify(py.error.context)) {
      return { kind: "same-error", text: `≈ Same error kind (${ts.error.kind}) and context in both; the message wording differs.` };
    }
    return { kind: "differs", text: `✗ Different errors: ${ts.error.kind} in TypeScript, ${py.error.kind} in Python.` };
  }
  return { kind: "differs", text: "✗ Different: one side returned a result, the other failed." };
}

export class Playground {
  private py: PyState = { state: "loading" };
  private readonly rerun: (() => void)[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly python: PythonRuntime,
  ) {}

  /** Python finished starting (or failed): re-run every card so its Python column fills in. */
  setPython(state: PyState): void {
    this.py = state;
    for (const f of this.rerun) f();
  }

  /** A card whose module could not load: a message where the tool would be. */
  addBroken(id: string, message: string): void {
    this.root.append(h("section", { class: "tool broken", id: `tool-${id}` }, h("h3", {}, id), h("p", { role: "alert" }, `This tool could not load: ${message}`)));
  }

  add(id: string, spec: ToolSpec): void {
    const fieldEls = new Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();
    const form = h("form", { class: "tool-form", novalidate: true });
    for (const f of spec.fields) form.append(this.field(id, f, fieldEls));
    const inputError = h("p", { class: "input-error", id: `tool-${id}-input-error`, role: "alert", hidden: true });
    const run = h("button", { type: "submit" }, "Run in both");
    const reset = h("button", { type: "button", class: "secondary" }, "Reset");
    form.append(inputError, h("div", { class: "actions" }, run, reset));

    const out = { ts: h("div", { class: "output", "aria-live": "polite" }), py: h("div", { class: "output", "aria-live": "polite" }) };
    const verdict = h("p", { class: "verdict", "data-verdict": "pending", "aria-live": "polite" });
    const titleId = `tool-${id}-title`;
    this.root.append(
      h(
        "section",
        { class: "tool", id: `tool-${id}`, "aria-labelledby": titleId, "data-tool": id },
        h("h3", { id: titleId }, spec.title),
        h("p", { class: "summary" }, spec.summary),
        form,
        h(
          "div",
          { class: "results" },
          h("div", { class: "side", "data-side": "ts" }, h("h4", {}, "TypeScript ", h("span", { class: "tag" }, "@llm-dev-ops/infra")), out.ts),
          h("div", { class: "side", "data-side": "py" }, h("h4", {}, "Python ", h("span", { class: "tag" }, "llm_infra in Pyodide")), out.py),
        ),
        verdict,
      ),
    );

    let generation = 0;
    const go = async (): Promise<void> => {
      const mine = ++generation;
      const values = Object.fromEntries([...fieldEls].map(([k, el]) => [k, el.value]));
      for (const el of fieldEls.values()) el.removeAttribute("aria-invalid");
      const parsed = parseFields(spec.fields, values);
      if ("error" in parsed) {
        inputError.hidden = false;
        inputError.textContent = `${parsed.error.label}: ${parsed.error.message}`;
        const el = fieldEls.get(parsed.error.field);
        el?.setAttribute("aria-invalid", "true");
        el?.setAttribute("aria-errormessage", inputError.id);
        for (const o of Object.values(out)) o.replaceChildren(h("p", { class: "muted" }, "Not run: fix the input above."));
        verdict.dataset["verdict"] = "input-error";
        verdict.textContent = "Not run.";
        return;
      }
      inputError.hidden = true;
      inputError.textContent = "";
      const tsOutcome = await runToolTs(spec, parsed.input);
      if (mine !== generation) return;
      out.ts.replaceChildren(renderOutcome(tsOutcome));
      if (this.py.state === "loading") {
        out.py.replaceChildren(h("p", { class: "muted" }, "Waiting for Python to start…"));
        verdict.dataset["verdict"] = "pending";
        verdict.textContent = "Waiting for Python…";
        return;
      }
      if (this.py.state === "failed") {
        out.py.replaceChildren(h("p", { class: "crash" }, `Python is unavailable: ${this.py.message}`));
        verdict.dataset["verdict"] = "unavailable";
        verdict.textContent = "Only the TypeScript side could run.";
        return;
      }
      let pyOutcome: Outcome;
      try {
        pyOutcome = await this.python.callTool(id, parsed.input);
      } catch (e) {
        pyOutcome = { ok: false, crash: `Python worker error: ${messageOf(e)}` };
      }
      if (mine !== generation) return;
      out.py.replaceChildren(renderOutcome(pyOutcome));
      const v = verdictOf(tsOutcome, pyOutcome);
      verdict.dataset["verdict"] = v.kind;
      verdict.textContent = v.text;
    };
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      void go();
    });
    reset.addEventListener("click", () => {
      for (const f of spec.fields) {
        const el = fieldEls.get(f.name);
        if (el) el.value = f.value;
      }
      void go();
    });
    this.rerun.push(() => void go());
    void go();
  }

  private field(tool: string, f: Field, els: Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>): HTMLElement {
    const id = `${tool}-${f.name}`;
    const help = f.help ? h("p", { class: "help", id: `${id}-help` }, f.help) : null;
    const described = help ? `${id}-help` : undefined;
    let control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    let extra: HTMLElement | null = null;
    if (f.type === "select" || f.type === "choice") {
      const options = f.type === "choice" ? Object.keys(f.choices ?? {}) : (f.options ?? []);
      control = h("select", { id, name: f.name, "aria-describedby": described }, ...options.map((o) => h("option", { value: o }, o)));
    } else if (f.type === "textarea" || f.type === "json") {
      control = h("textarea", { id, name: f.name, rows: String(f.rows ?? 3), spellcheck: "false", autocomplete: "off", "aria-describedby": described });
    } else {
      const list = f.options ? `${id}-list` : undefined;
      control = h("input", {
        id, name: f.name, type: "text", spellcheck: "false", autocomplete: "off", list, "aria-describedby": described,
        inputmode: f.type === "number" ? "decimal" : undefined,
      });
      if (list) extra = h("datalist", { id: list }, ...(f.options ?? []).map((o) => h("option", { value: o })));
    }
    control.value = f.value;
    els.set(f.name, control);
    return h("div", { class: `field field-${f.type}${f.half ? " field-half" : ""}` }, h("label", { for: id }, f.label), control, extra, help);
  }
}
