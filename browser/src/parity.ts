/**
 * The parity panel: every conformance vector file run by the TypeScript SDK (in this page) and by the
 * Python core (Pyodide, in the page's worker), shown as a matrix op × runtime. A failing cell is a
 * button that opens the failing cases with the expected and the actual output side by side.
 */
import { h } from "./dom.js";
import { lineDiff, pretty } from "./diff.js";
import type { PageFileResult, VectorText } from "./manifest.js";

export type Side = "ts" | "py";
export const SIDES: readonly { side: Side; title: string; runtime: string }[] = [
  { side: "ts", title: "TypeScript", runtime: "chromium-ts" },
  { side: "py", title: "Python (Pyodide)", runtime: "chromium-pyodide" },
];

interface FileEntry {
  file: string;
  op: string;
  cases: number;
  uploaded: boolean;
}

interface SideState {
  results: Map<string, PageFileResult>;
  running: number;
  error: string | null;
}

interface Cell {
  passed: number;
  failed: number;
  files: number;
  unsupported: number;
  missing: number;
  results: PageFileResult[];
}

/** `a.b.c` with line-break opportunities after each dot (op names wrap at dots on a phone). */
function breakable(op: string): Node[] {
  return op.split(".").flatMap((part, i, all) => (i < all.length - 1 ? [document.createTextNode(`${part}.`), h("wbr")] : [document.createTextNode(part)]));
}

function opOf(text: string): { op: string; cases: number } {
  try {
    const doc = JSON.parse(text) as { op?: unknown; cases?: unknown };
    return { op: typeof doc.op === "string" ? doc.op : "?", cases: Array.isArray(doc.cases) ? doc.cases.length : 0 };
  } catch {
    return { op: "?", cases: 0 };
  }
}

export class ParityPanel {
  private readonly files: FileEntry[] = [];
  private readonly state: Record<Side, SideState> = {
    ts: { results: new Map(), running: 0, error: null },
    py: { results: new Map(), running: 0, error: null },
  };
  private selected: { op: string; side: Side } | null = null;

  constructor(
    private readonly table: HTMLTableSectionElement,
    private readonly summary: HTMLElement,
    private readonly detail: HTMLElement,
    private readonly runners: Record<Side, (files: VectorText[]) => Promise<PageFileResult[]>>,
  ) {}

  /** Add vector files and run them in both runtimes (each side as soon as it can). */
  async run(files: VectorText[], { uploaded = false } = {}): Promise<void> {
    for (const f of files) {
      if (!this.files.some((e) => e.file === f.file)) this.files.push({ file: f.file, ...opOf(f.text), uploaded });
    }
    this.render();
    await Promise.all(SIDES.map(({ side }) => this.runSide(side, files)));
  }

  /** A runtime that cannot run at all (Python failed to start): every cell of its column says so. */
  fail(side: Side, message: string): void {
    this.state[side].error = message;
    this.render();
  }

  private async runSide(side: Side, files: VectorText[]): Promise<void> {
    const st = this.state[side];
    st.running += files.length;
    this.render();
    try {
      for (const r of await this.runners[side](files)) st.results.set(r.file, r);
    } catch (e) {
      st.error = e instanceof Error ? e.message : String(e);
    } finally {
      st.running -= files.length;
      this.render();
    }
  }

  private cell(op: string, side: Side): Cell {
    const c: Cell = { passed: 0, failed: 0, files: 0, unsupported: 0, missing: 0, results: [] };
    for (const f of this.files.filter((e) => e.op === op)) {
      c.files++;
      const r = this.state[side].results.get(f.file);
      if (r === undefined) {
        c.missing++;
        continue;
      }
      c.results.push(r);
      c.passed += r.passed;
      c.failed += r.failed;
      if (r.unsupported) c.unsupported++;
    }
    return c;
  }

  private ops(): string[] {
    return [...new Set(this.files.map((f) => f.op))].sort();
  }

  private renderCell(op: string, side: Side): HTMLTableCellElement {
    const st = this.state[side];
    const c = this.cell(op, side);
    if (c.missing > 0) {
      if (st.error !== null) return h("td", { class: "cell error" }, "not run");
      return h("td", { class: "cell pending" }, "running…");
    }
    if (c.failed > 0) {
      const title = SIDES.find((s) => s.side === side)?.title ?? side;
      const open = this.selected?.op === op && this.selected.side === side;
      const button = h(
        "button",
        { type: "button", class: "fail", "aria-expanded": open ? "true" : "false", "aria-controls": "parity-detail" },
        `✗ FAIL ${c.failed}/${c.passed + c.failed}`,
      );
      button.setAttribute("aria-label", `${op} in ${title}: ${c.failed} of ${c.passed + c.failed} cases failed, show the diff`);
      button.addEventListener("click", () => this.select(op, side));
      return h("td", { class: "cell fail" }, button);
    }
    if (c.unsupported === c.files) return h("td", { class: "cell unsupported" }, "– unsupported");
    const extra = c.unsupported ? ` (+${c.unsupported} file unsupported)` : "";
    return h("td", { class: "cell pass" }, `✓ pass ${c.passed}${extra}`);
  }

  private render(): void {
    this.table.replaceChildren(
      ...this.ops().map((op) => {
        const files = this.files.filter((f) => f.op === op);
        const cases = files.reduce((n, f) => n + f.cases, 0);
        const note = files.some((f) => f.uploaded) ? h("span", { class: "tag" }, " (your file)") : null;
        return h(
          "tr",
          {},
          h("th", { scope: "row" }, h("code", {}, ...breakable(op)), note),
          h("td", { class: "num col-files" }, String(files.length)),
          h("td", { class: "num" }, String(cases)),
          ...SIDES.map(({ side }) => this.renderCell(op, side)),
        );
      }),
    );
    this.renderSummary();
    if (this.selected !== null) this.renderDetail(false);
  }

  private renderSummary(): void {
    const ops = this.ops();
    const busy = SIDES.some(({ side }) => this.state[side].running > 0 && this.state[side].error === null);
    const errors = SIDES.filter(({ side }) => this.state[side].error !== null);
    let failed = 0;
    let unsupported = 0;
    let passed = 0;
    for (const op of ops) {
      for (const { side } of SIDES) {
        const c = this.cell(op, side);
        failed += c.failed;
        passed += c.passed;
        if (c.missing === 0 && c.unsupported === c.files) unsupported++;
      }
    }
    const parts: string[] = [];
    let verdict: string;
    if (errors.length > 0) {
      verdict = "error";
      for (const { title, side } of errors) parts.push(`${title} could not run: ${this.state[side].error}`);
    } else if (busy) {
      verdict = "running";
      parts.push(`Running ${this.files.length} vector files in TypeScript and Python…`);
    } else if (failed > 0 || unsupported > 0) {
      verdict = "fail";
      parts.push(`${failed} failing case${failed === 1 ? "" : "s"}, ${unsupported} unsupported op×runtime — select a FAIL cell for the diff.`);
    } else {
      verdict = "pass";
      const cases = passed / SIDES.length;
      parts.push(`All pass: ${ops.length} ops, ${cases} cases from ${this.files.length} vector files, identical in TypeScript and Python.`);
    }
    this.summary.dataset["verdict"] = verdict;
    this.summary.textContent = parts.join(" ");
  }

  private select(op: string, side: Side): void {
    this.selected = this.selected?.op === op && this.selected.side === side ? null : { op, side };
    this.render();
    if (this.selected !== null) this.renderDetail(true);
    else this.detail.replaceChildren();
  }

  private renderDetail(focus: boolean): void {
    if (this.selected === null) return;
    const { op, side } = this.selected;
    const title = SIDES.find((s) => s.side === side)?.title ?? side;
    const c = this.cell(op, side);
    const heading = h("h3", { tabindex: "-1" }, `${op} in ${title}: ${c.failed} of ${c.passed + c.failed} cases failed`);
    const items = c.results.flatMap((r) =>
      r.failures.map((f) => {
        const outputs = r.cases.find((x) => x.id === f.id);
        const body: Node[] = [h("p", { class: "detail-text" }, f.detail)];
        if (outputs !== undefined) {
          const d = lineDiff(pretty(outputs.expected), pretty(outputs.got));
          const column = (label: string, lines: typeof d.left) =>
            h(
              "figure",
              { class: "diff-col" },
              h("figcaption", {}, label),
              h("pre", {}, ...lines.map((l) => h("span", { class: `line ${l.kind}` }, `${l.kind === "same" ? "  " : l.kind === "gone" ? "- " : "+ "}${l.text}\n`))),
            );
          body.push(h("div", { class: "diff" }, column("Expected (the vector file)", d.left), column(`Got (${title})`, d.right)));
        }
        return h("li", {}, h("p", {}, "Case ", h("code", {}, f.id), " in ", h("code", {}, r.file)), ...body);
      }),
    );
    this.detail.replaceChildren(heading, h("ul", { class: "failures" }, ...items));
    if (focus) heading.focus();
  }
}
