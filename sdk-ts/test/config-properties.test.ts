// Property tests and fuzzing of the config module: layering is the RFC 7396 left fold, grouping a
// prefix changes nothing, explain names the source that holds the value, env coercion is strict
// JSON or the raw string, and hostile text only ever yields a config or an InfraError("config").
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parse as parseToml, TomlError } from "smol-toml";
import { Config, ConfigBuilder, coerceEnvValue } from "@llm-dev-ops/infra/config";
import { InfraError } from "@llm-dev-ops/infra/errors";
import { parse, pathFormat, type JsonValue } from "@llm-dev-ops/infra/json";

type Doc = { [k: string]: JsonValue };
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const key = fc.constantFrom("a", "b", "c", "port", "host", "x.y", "k\\z");
const leaf: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.boolean(), fc.maxSafeInteger(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 6 }),
  fc.array(fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 5 }), fc.string({ maxLength: 3 })), { maxLength: 3 }),
);
const { layerValue } = fc.letrec<{ layerValue: JsonValue }>((tie) => ({
  layerValue: fc.oneof({ depthSize: "small" }, fc.constant(null), leaf,
    fc.dictionary(key, tie("layerValue"), { maxKeys: 4, noNullPrototype: true })) as fc.Arbitrary<JsonValue>,
}));
const layer = fc.dictionary(key, layerValue, { maxKeys: 4, noNullPrototype: true }) as fc.Arbitrary<Doc>;
const layers = fc.array(layer, { minLength: 1, maxLength: 5 });

function isObj(v: unknown): v is Doc {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** RFC 7396 §2 as the pseudo-code reads. */
function mergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isObj(patch)) return patch;
  const out: Doc = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function fold(ls: readonly Doc[]): Doc {
  let out: JsonValue = {};
  for (const l of ls) out = mergePatch(out, l);
  return out as Doc;
}

const ABSENT = Symbol("absent");
function valueAt(doc: JsonValue, tokens: readonly string[]): JsonValue | typeof ABSENT {
  let node: JsonValue = doc;
  for (const t of tokens) {
    if (!isObj(node) || !Object.hasOwn(node, t)) return ABSENT;
    node = node[t] as JsonValue;
  }
  return node;
}

/** The last layer that writes a non-null value at `tokens`: explain by brute force. */
function lastHolder(ls: readonly Doc[], tokens: readonly string[]): number {
  for (let i = ls.length - 1; i >= 0; i--) {
    const v = valueAt(ls[i] as Doc, tokens);
    if (v !== ABSENT && v !== null) return i;
  }
  throw new Error(`no layer holds ${tokens.join("/")}`);
}

function* walk(doc: Doc, prefix: string[] = []): Generator<[string[], JsonValue]> {
  for (const [k, v] of Object.entries(doc)) {
    const p = [...prefix, k];
    yield [p, v];
    if (isObj(v)) yield* walk(v, p);
  }
}

function build(ls: readonly Doc[]): Config {
  const b = new ConfigBuilder();
  ls.forEach((l, i) => b.addMemory(l, { label: `L${i}` }));
  return b.build();
}

function hasNullMember(v: JsonValue): boolean {
  if (isObj(v)) return Object.values(v).some((x) => x === null || hasNullMember(x));
  if (Array.isArray(v)) return v.some((x) => x !== null && typeof x === "object" && hasNullMember(x));
  return false;
}

function expectConfigError(e: unknown): InfraError {
  assert.ok(e instanceof InfraError, `expected an InfraError, got ${String(e)}`);
  assert.equal(e.kind, "config", e.message);
  return e;
}

describe("config layering properties", () => {
  it("is the RFC 7396 fold and never keeps a null member", () => {
    fc.assert(fc.property(layers, (ls) => {
      const got = build(ls).toObject();
      assert.deepStrictEqual(got, fold(ls));
      assert.ok(!hasNullMember(got));
    }), { numRuns: 150 });
  });

  it("resolve([A, B, C]) equals resolve([resolve([A, B]), C]) for every split point", () => {
    fc.assert(fc.property(layers, fc.nat(), (ls, n) => {
      const k = 1 + (n % ls.length);
      const head = build(ls.slice(0, k)).toObject();
      const grouped = new ConfigBuilder().addMemory(head, { label: "head" });
      ls.slice(k).forEach((l, i) => grouped.addMemory(l, { label: `tail${i}` }));
      assert.deepStrictEqual(grouped.build().toObject(), build(ls).toObject());
    }), { numRuns: 150 });
  });

  it("three sources equal two, then one", () => {
    fc.assert(fc.property(layer, layer, layer, (a, b, c) => {
      const ab = new ConfigBuilder().addMemory(a).addMemory(b).build().toObject();
      assert.deepStrictEqual(new ConfigBuilder().addMemory(ab).addMemory(c).build().toObject(),
        new ConfigBuilder().addMemory(a).addMemory(b).addMemory(c).build().toObject());
    }), { numRuns: 100 });
  });

  it("grouping a suffix is not the same (a resolved suffix has forgotten its deletions)", () => {
    const a = { a: 1, k: { y: 1 } };
    const b = { a: null, k: 1 };
    const c = { k: { x: 2 } };
    assert.deepStrictEqual(build([a, b, c]).toObject(), { k: { x: 2 } });
    const bc = build([b, c]).toObject();
    assert.deepStrictEqual(build([a, bc]).toObject(), { a: 1, k: { y: 1, x: 2 } });
  });

  it("merges member by member: null deletes, arrays and scalars replace, objects merge deeply", () => {
    fc.assert(fc.property(layer, layer, (lower, upper) => {
      const merged = build([lower, upper]).toObject();
      const base = build([lower]).toObject();
      for (const k of new Set([...Object.keys(lower), ...Object.keys(upper)])) {
        if (!Object.hasOwn(upper, k)) {
          assert.equal(Object.hasOwn(merged, k), Object.hasOwn(base, k));
          assert.deepStrictEqual(merged[k], base[k]);
          continue;
        }
        const v = upper[k] as JsonValue;
        if (v === null) assert.ok(!Object.hasOwn(merged, k));
        else if (isObj(v)) {
          const below = base[k];
          assert.deepStrictEqual(merged[k], mergePatch(isObj(below) ? below : {}, v));
          if (isObj(below)) {
            for (const sub of Object.keys(below)) if (!Object.hasOwn(v, sub)) assert.deepStrictEqual((merged[k] as Doc)[sub], below[sub]);
          }
        } else assert.deepStrictEqual(merged[k], v);
      }
    }), { numRuns: 150 });
  });

  it("explain names the last source that holds the value (objects: that touched it)", () => {
    fc.assert(fc.property(layers, (ls) => {
      const cfg = build(ls);
      const doc = cfg.toObject();
      const leaves = cfg.explainAll();
      const expectedLeaves = new Set<string>();
      for (const [tokens, value] of walk(doc)) {
        const path = pathFormat(tokens);
        const i = lastHolder(ls, tokens);
        assert.equal(cfg.explain(path), `L${i}`, path);
        const held = valueAt(ls[i] as Doc, tokens);
        if (isObj(value)) assert.ok(isObj(held));
        else assert.deepStrictEqual(held, value);
        if (!isObj(value) || Object.keys(value).length === 0) {
          expectedLeaves.add(path);
          assert.equal(leaves[path], `L${i}`);
        }
        if (Array.isArray(value) && value.length > 0) assert.equal(cfg.explain(`${path}.0`), `L${i}`);
      }
      assert.deepStrictEqual(new Set(Object.keys(leaves)), expectedLeaves);
    }), { numRuns: 150 });
  });

  it("orders by priority (ties by order added) with defaults always lowest", () => {
    const prio = fc.constantFrom(undefined, -1, 0, 0.5, 1, 2);
    fc.assert(fc.property(fc.array(fc.tuple(layer, prio), { minLength: 1, maxLength: 5 }), layer, (sources, defaults) => {
      const b = new ConfigBuilder();
      sources.forEach(([l, p], i) => b.addMemory(l, p === undefined ? { label: `L${i}` } : { label: `L${i}`, priority: p }));
      b.addDefaults(defaults, { label: "D" });
      const cfg = b.build();
      const order = sources.map((_, i) => i).sort((x, y) => ((sources[x]?.[1] ?? 0) - (sources[y]?.[1] ?? 0)) || x - y);
      const ls = [defaults, ...order.map((i) => (sources[i] as [Doc, unknown])[0])];
      const labels = ["D", ...order.map((i) => `L${i}`)];
      assert.deepStrictEqual([...cfg.sources], labels);
      assert.deepStrictEqual(cfg.toObject(), fold(ls));
      for (const [tokens] of walk(cfg.toObject())) assert.equal(cfg.explain(pathFormat(tokens)), labels[lastHolder(ls, tokens)]);
    }), { numRuns: 100 });
  });

  it("section keeps values and origins; reads never alias the configuration", () => {
    fc.assert(fc.property(layers, (ls) => {
      const cfg = build(ls);
      const before = cfg.toObject();
      for (const [tokens, value] of walk(before)) {
        const path = pathFormat(tokens);
        const got = cfg.get(path);
        assert.deepStrictEqual(got, value);
        if (Array.isArray(got)) got.push("mutated");
        else if (isObj(got)) got["mutated"] = 1;
        if (isObj(value)) {
          const sec = cfg.section(path);
          assert.deepStrictEqual(sec.toObject(), value);
          for (const [sub] of walk(value)) assert.equal(sec.explain(pathFormat(sub)), cfg.explain(pathFormat([...tokens, ...sub])));
        }
      }
      assert.deepStrictEqual(cfg.toObject(), before);
    }), { numRuns: 100 });
  });
});

// -- environment -------------------------------------------------------------------------------

const jsonText = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v));
const rawValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  jsonText,
  fc.tuple(fc.constantFrom("", " ", "\t", "\n", "\r\n", " \u00a0"), jsonText, fc.constantFrom("", " ", "\n", "x", ",")).map((p) => p.join("")),
  fc.bigInt().map(String),
  fc.double().map(String),
  fc.constantFrom("NaN", "-NaN", "Infinity", "-Infinity", "1e400", "-1e400", "0x10", "01", "+1", ".5", "1.", "-", "tru"),
);

function hasHuge(v: JsonValue): boolean {
  if (typeof v === "number") return Math.abs(v) >= 2 ** 53;
  if (Array.isArray(v)) return v.some(hasHuge);
  if (isObj(v)) return Object.values(v).some(hasHuge);
  return false;
}

describe("env coercion", () => {
  it("is strict JSON when the text parses (and is exact), else the raw string; never throws", () => {
    fc.assert(fc.property(rawValue, (raw) => {
      const got = coerceEnvValue(raw);
      let parsed: JsonValue;
      try {
        parsed = parse(raw);
      } catch (e) {
        assert.ok(e instanceof InfraError, String(e));
        assert.equal(got, raw);
        return;
      }
      if (got === raw && parsed !== raw) {
        // Kept raw although it parses: only for an integer beyond ±(2^53 − 1), which parses to ≥ 2^53.
        assert.match(raw, /[0-9]{16}/, raw);
        assert.ok(hasHuge(parsed), raw);
      } else {
        assert.deepStrictEqual(got, parsed);
      }
    }), { numRuns: 300 });
  });

  it("handles the documented edge cases", () => {
    const parsedCases: Array<[string, JsonValue]> = [
      ["8080", 8080], [" 1 ", 1], ["\t[1, 2]\n", [1, 2]], ["1.5", 1.5], ["1E2", 100], ["1e308", 1e308], ["true", true],
      ["false", false], ["null", null], ['"x"', "x"], ['""', ""], ["{}", {}], ["[]", []], ['{"k": null}', { k: null }],
      ["9007199254740991", 9007199254740991], ["-9007199254740991", -9007199254740991], ["[9007199254740991]", [9007199254740991]],
      ["12345678901234567890.5", 12345678901234567890.5],
    ];
    for (const [raw, want] of parsedCases) assert.deepStrictEqual(coerceEnvValue(raw), want, raw);
    assert.ok(coerceEnvValue("-0") === 0, "-0 is the number zero (JSON writes it as 0 in both runtimes)");
    const rawCases = ["", "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "0x10", "01", "+1", ".5", "1.", "tru", "[1,]",
      '{"a":1,"a":2}', '"\\ud800"', "'x'", "[", "hello world", "9007199254740992", "-9007199254740992", "[9007199254740992]",
      '{"a": {"b": [9007199254740993]}}', "1".repeat(400), "[".repeat(300) + "]".repeat(300)];
    for (const raw of rawCases) assert.equal(coerceEnvValue(raw), raw, raw);
  });

  const names = fc.string({ unit: fc.constantFrom("A", "b", "C", "_", ".", "0", "é"), maxLength: 8 });
  const prefix = fc.constantFrom("", "APP_", "A", "é_");
  const sep = fc.constantFrom("__", "_", ".");

  function referenceEnv(vars: Record<string, string>, pre: string, s: string): [Doc, string | null] {
    const doc: Doc = {};
    for (const name of Object.keys(vars).filter((n) => n.startsWith(pre)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))) {
      const segments = name.slice(pre.length).split(s).map((x) => x.replace(/[A-Z]/g, (c) => c.toLowerCase()));
      if (segments.includes("") || segments.some((x) => FORBIDDEN_KEYS.has(x))) return [doc, name];
      let node = doc;
      for (const x of segments.slice(0, -1)) {
        if (!isObj(node[x])) node[x] = {};
        node = node[x] as Doc;
      }
      node[segments[segments.length - 1] as string] = coerceEnvValue(vars[name] as string);
    }
    return [doc, null];
  }

  it("maps variables as documented or names the bad one; nothing but InfraError(config)", () => {
    const vars = fc.dictionary(fc.oneof(names, fc.tuple(prefix, names).map(([p, n]) => p + n)), rawValue, { maxKeys: 6, noNullPrototype: true });
    fc.assert(fc.property(vars, prefix, sep, (v, pre, s) => {
      const [expected, bad] = referenceEnv(v, pre, s);
      let cfg: Config;
      try {
        cfg = new ConfigBuilder().addEnv({ prefix: pre, separator: s, vars: v }).build();
      } catch (e) {
        const err = expectConfigError(e);
        assert.notEqual(bad, null, err.message);
        assert.equal(err.context["variable"], bad);
        assert.ok(err.message.includes(JSON.stringify(bad)), err.message);
        return;
      }
      assert.equal(bad, null);
      assert.deepStrictEqual(cfg.toObject(), mergePatch({}, expected));
      assert.deepStrictEqual([...cfg.sources], [`env:${pre}`]);
    }), { numRuns: 200 });
  });
});

// -- parsers -----------------------------------------------------------------------------------

const LABELS = ["prod.json", "base.toml", "conf/with space.json", "é/app.toml", 'quo"te'];
const JSON_SEEDS = [
  '{"server": {"host": "0.0.0.0", "port": 8080}}',
  '{\n  "db": {\n    "pool": {"min": 1, "max": 5},\n    "hosts": ["a", "b"]\n  }\n}',
  '{"a": [1, 2.5, -3e2, true, false, null, "x\\u00e9"]}',
  "{}",
];
const TOML_SEEDS = [
  '[server]\nhost = "0.0.0.0"\nport = 8080\n',
  '[db]\npool = { min = 1, max = 5 }\nhosts = ["a", "b"]\n',
  'title = "x"\n[[items]]\nname = "a"\n[[items]]\nname = "b"\n',
  "a.b.c = 1\nratio = 0.5\nflag = true\n",
  "s = '''\nmulti\nline'''\nt = \"esc\\n\"\n",
];
const edit = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 }), fc.constantFrom(..."{}[]\",:=.#\n '01aé"));
function mutated(seeds: string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 3 })).map(([seed, edits]) => {
    let text = seed;
    for (const [n, op, c] of edits) {
      const i = n % (text.length + 1);
      if (op === 0) text = text.slice(0, i) + text.slice(i + 1);
      else if (op === 1) text = text.slice(0, i) + c + text.slice(i);
      else text = text.slice(0, i) + c + text.slice(i + 1);
    }
    return text;
  });
}

function checkNamed(err: InfraError, label: string): void {
  assert.equal(err.context["source"], label);
  assert.ok(err.message.startsWith(`config source ${JSON.stringify(label)}: `), err.message);
}

function checkPosition(err: InfraError, line: number, column: number): void {
  assert.equal(err.context["line"], line, err.message);
  assert.equal(err.context["column"], column, err.message);
  assert.ok(err.message.includes(`line ${line} column ${column}`), err.message);
}

describe("parser fuzz", () => {
  it("JSON text gives a config or an InfraError(config) naming the label and, for bad syntax, the position", () => {
    const text = fc.oneof(fc.string({ maxLength: 60 }), mutated(JSON_SEEDS), fc.constantFrom(...JSON_SEEDS));
    fc.assert(fc.property(text, fc.constantFrom(...LABELS), (t, label) => {
      let syntaxError = false;
      try {
        JSON.parse(t);
      } catch {
        syntaxError = true;
      }
      try {
        const cfg = new ConfigBuilder().addJson(t, { label }).build();
        assert.ok(!syntaxError);
        assert.ok(isObj(JSON.parse(t)));
        assert.deepStrictEqual([...cfg.sources], [label]);
      } catch (e) {
        if (e instanceof assert.AssertionError) throw e;
        const err = expectConfigError(e);
        checkNamed(err, label);
        if (syntaxError) {
          const line = err.context["line"] as number;
          const column = err.context["column"] as number;
          assert.ok(Number.isInteger(line) && line >= 1 && line <= t.split("\n").length, err.message);
          assert.ok(Number.isInteger(column) && column >= 1, err.message);
          checkPosition(err, line, column);
        }
      }
    }), { numRuns: 300 });
  });

  it("TOML text gives a config or an InfraError(config) naming the label and the parser's position", () => {
    const text = fc.oneof(fc.string({ maxLength: 60 }), mutated(TOML_SEEDS), fc.constantFrom(...TOML_SEEDS));
    fc.assert(fc.property(text, fc.constantFrom(...LABELS), (t, label) => {
      let where: [number, number] | null = null;
      try {
        parseToml(t);
      } catch (e) {
        assert.ok(e instanceof TomlError, String(e));
        where = [e.line, e.column];
      }
      try {
        const cfg = new ConfigBuilder().addToml(t, { label }).build();
        assert.equal(where, null);
        assert.deepStrictEqual([...cfg.sources], [label]);
      } catch (e) {
        if (e instanceof assert.AssertionError) throw e;
        const err = expectConfigError(e);
        checkNamed(err, label);
        if (where !== null) checkPosition(err, where[0], where[1]);
        else assert.ok("path" in err.context, err.message); // valid TOML JSON cannot carry: named by path
      }
    }), { numRuns: 300 });
  });

  it("locates a stray token after a valid JSON document", () => {
    const doc = fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.oneof(fc.integer({ min: -9, max: 9 }), fc.string({ maxLength: 4 })),
      { maxKeys: 4, noNullPrototype: true }).filter((d) => !Object.keys(d).some((k) => FORBIDDEN_KEYS.has(k)));
    fc.assert(fc.property(doc, fc.integer({ min: 0, max: 6 }), fc.constantFrom("@", "x", "]", "1"), (d, indent, junk) => {
      const body = JSON.stringify(d, null, 2);
      const t = `${body}\n${" ".repeat(indent)}${junk}`;
      assert.throws(() => new ConfigBuilder().addJson(t, { label: "prod.json" }).build(), (e: unknown) => {
        const err = expectConfigError(e);
        checkNamed(err, "prod.json");
        checkPosition(err, body.split("\n").length + 1, indent + 1);
        return true;
      });
    }), { numRuns: 100 });
  });
});
