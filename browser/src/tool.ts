/**
 * The playground's tool contract. A tool is two small files with the same name in `browser/tools/`:
 *
 * - `<id>.ts` — `export default defineTool({...})`: the form (fields) and the TypeScript side (`run`);
 * - `<id>.py` — `def run(inp: dict) -> JSON value`: the Python side, run in Pyodide.
 *
 * The page parses the form once (here, in `parseFields`) and hands the *same* JSON input to both
 * sides; each side returns a JSON value or throws/raises an `InfraError`. The page prints both
 * results (`JSON.stringify(v, null, 2)` / `json.dumps(v, indent=2, ensure_ascii=False)`) and marks
 * them identical only when the texts are byte-for-byte equal. See docs/browser.md.
 *
 * @example
 * ```ts
 * import { defineTool } from "../src/tool.js";
 * export default defineTool({
 *   title: "Echo", summary: "Returns its input.",
 *   fields: [{ name: "text", label: "Text", type: "text", value: "hello" }],
 *   run: (input) => ({ echo: input["text"] ?? null }),
 * });
 * ```
 * @module
 */
import type { JsonObject, JsonValue } from "@llm-dev-ops/infra";

/**
 * How a form field's text becomes a JSON input value:
 * `text`/`textarea`/`select` → the string as typed; `json` → any JSON text; `number` → a JSON
 * number; `numbers` → a list of JSON numbers separated by commas or spaces (empty → `[]`);
 * `choice` → a `select` whose options map to JSON values (`{label: value}` in `choices`).
 */
export type FieldType = "text" | "textarea" | "json" | "number" | "numbers" | "select" | "choice";

/** One labelled form field. */
export interface Field {
  /** Key of the value in the input object both sides receive. */
  readonly name: string;
  readonly label: string;
  readonly type: FieldType;
  /** Initial text of the field (or the selected option). */
  readonly value: string;
  /** Options of a `select`, or suggestions (a datalist) of a `text` field. */
  readonly options?: readonly string[];
  /** `choice` fields: option label → JSON value. */
  readonly choices?: Readonly<Record<string, JsonValue>>;
  /** One line of help under the field. */
  readonly help?: string;
  /** `textarea`/`json`: visible lines (default 3). */
  readonly rows?: number;
  /** `textarea`/`json`: half the form's width on wide screens, so two documents sit side by side (full width on narrow ones). */
  readonly half?: boolean;
}

/** A playground tool: its form and its TypeScript implementation. */
export interface ToolSpec {
  readonly title: string;
  /** One sentence: what the tool shows. */
  readonly summary: string;
  readonly fields: readonly Field[];
  /** The TypeScript side: the parsed input → a JSON value; throws `InfraError` on bad input. */
  run(input: JsonObject): JsonValue | Promise<JsonValue>;
}

/** Identity function that type-checks a tool definition (the default export of `<id>.ts`). */
export function defineTool(spec: ToolSpec): ToolSpec {
  return spec;
}

/** A form value the page could not turn into JSON: which field, and why. */
export interface FieldError {
  field: string;
  label: string;
  message: string;
}

function parseJsonNumber(text: string): number | null {
  const t = text.trim();
  if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The input object both sides receive, or the first field whose text is not valid for its type. */
export function parseFields(fields: readonly Field[], values: Readonly<Record<string, string>>): { input: JsonObject } | { error: FieldError } {
  const input: JsonObject = {};
  for (const f of fields) {
    const raw = values[f.name] ?? "";
    const fail = (message: string) => ({ error: { field: f.name, label: f.label, message } });
    switch (f.type) {
      case "text":
      case "textarea":
      case "select":
        input[f.name] = raw;
        break;
      case "choice": {
        if (f.choices === undefined || !Object.hasOwn(f.choices, raw)) return fail(`choose one of ${Object.keys(f.choices ?? {}).join(", ")}`);
        input[f.name] = f.choices[raw] as JsonValue;
        break;
      }
      case "json": {
        try {
          input[f.name] = JSON.parse(raw) as JsonValue;
        } catch (e) {
          return fail(`not valid JSON (${(e as Error).message})`);
        }
        break;
      }
      case "number": {
        const n = parseJsonNumber(raw);
        if (n === null) return fail(`expected a number, got ${JSON.stringify(raw.trim())}`);
        input[f.name] = n;
        break;
      }
      case "numbers": {
        const parts = raw.split(/[\s,]+/).filter((p) => p !== "");
        const list: number[] = [];
        for (const [i, p] of parts.entries()) {
          const n = parseJsonNumber(p);
          if (n === null) return fail(`item ${i + 1} is not a number: ${JSON.stringify(p)}`);
          list.push(n);
        }
        input[f.name] = list;
        break;
      }
    }
  }
  return { input };
}

/** Check that a module's default export looks like a tool (a clear message instead of a blank card). */
export function assertToolSpec(id: string, value: unknown): ToolSpec {
  const spec = value as Partial<ToolSpec> | undefined;
  if (typeof spec !== "object" || spec === null) throw new Error(`tool ${id}: the module has no default export (use export default defineTool({...}))`);
  if (typeof spec.title !== "string" || typeof spec.summary !== "string") throw new Error(`tool ${id}: title and summary must be strings`);
  if (!Array.isArray(spec.fields)) throw new Error(`tool ${id}: fields must be an array`);
  if (typeof spec.run !== "function") throw new Error(`tool ${id}: run must be a function`);
  return spec as ToolSpec;
}
