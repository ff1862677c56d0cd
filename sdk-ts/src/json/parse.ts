/**
 * `parse`: strict JSON text → value (RFC 8259 grammar with the I-JSON restrictions of RFC 7493),
 * accepting and rejecting exactly what Python's `llm_infra.json.parse` does.
 *
 * Rejected, unlike `JSON.parse`: duplicate object keys, numbers beyond the range of a double
 * (`1e400`), lone UTF-16 surrogates (`"\ud800"`), a byte-order mark, nesting deeper than
 * `MAX_DEPTH`. Malformed or non-I-JSON text is `InfraError("serialization")`; too deep is
 * `InfraError("validation")`, decided first from the bracket structure outside strings so that
 * every runtime reports the same kind. A `"__proto__"` key is an own data property.
 * @module
 */
import type { JsonObject, JsonValue } from "../_internal/json-value.js";
import { InfraError } from "../errors/index.js";
import { hasLoneSurrogate, MAX_DEPTH, setOwn, typeName } from "./values.js";

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

function syntax(text: string, pos: number, problem: string): InfraError {
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else {
      col++;
    }
  }
  return InfraError.serialization(`invalid JSON at line ${line} column ${col}: ${problem}`, { line, column: col, position: pos });
}

function checkDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > MAX_DEPTH) {
        throw InfraError.validation(`JSON text nested deeper than ${MAX_DEPTH} levels`, { max_depth: MAX_DEPTH }); // as Python: no offset
      }
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
}

class Parser {
  pos = 0;
  constructor(readonly text: string) {}

  ws(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) p++;
      else break;
    }
    this.pos = p;
  }

  value(depth: number): JsonValue {
    this.ws();
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === 0x7b) return this.object(depth);
    if (c === 0x5b) return this.array(depth);
    if (c === 0x22) return this.string();
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
    if (t.startsWith("true", this.pos)) {
      this.pos += 4;
      return true;
    }
    if (t.startsWith("false", this.pos)) {
      this.pos += 5;
      return false;
    }
    if (t.startsWith("null", this.pos)) {
      this.pos += 4;
      return null;
    }
    if (this.pos >= t.length) throw syntax(t, this.pos, "expecting a value, got the end of the text");
    throw syntax(t, this.pos, `expecting a value, got ${JSON.stringify(t[this.pos])}`);
  }

  object(depth: number): JsonObject {
    if (depth >= MAX_DEPTH) throw InfraError.validation(`JSON text nested deeper than ${MAX_DEPTH} levels`, { max_depth: MAX_DEPTH });
    const t = this.text;
    this.pos++;
    const out: JsonObject = {};
    this.ws();
    if (t.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return out;
    }
    for (;;) {
      this.ws();
      if (t.charCodeAt(this.pos) !== 0x22) throw syntax(t, this.pos, "expecting a property name in double quotes");
      const keyPos = this.pos;
      const key = this.string();
      if (Object.hasOwn(out, key)) throw InfraError.serialization(`invalid JSON: duplicate key '${key}' in an object`, { key, position: keyPos });
      this.ws();
      if (t.charCodeAt(this.pos) !== 0x3a) throw syntax(t, this.pos, "expecting ':' after a property name");
      this.pos++;
      setOwn(out, key, this.value(depth + 1));
      this.ws();
      const c = t.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x7d) {
        this.pos++;
        return out;
      }
      throw syntax(t, this.pos, "expecting ',' or '}' in an object");
    }
  }

  array(depth: number): JsonValue[] {
    if (depth >= MAX_DEPTH) throw InfraError.validation(`JSON text nested deeper than ${MAX_DEPTH} levels`, { max_depth: MAX_DEPTH });
    const t = this.text;
    this.pos++;
    const out: JsonValue[] = [];
    this.ws();
    if (t.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.ws();
      const c = t.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x5d) {
        this.pos++;
        return out;
      }
      throw syntax(t, this.pos, "expecting ',' or ']' in an array");
    }
  }

  string(): string {
    const t = this.text;
    const start = this.pos + 1;
    let p = start;
    let out = "";
    let chunk = start;
    for (;;) {
      if (p >= t.length) throw syntax(t, this.pos, "unterminated string");
      const c = t.charCodeAt(p);
      if (c === 0x22) break;
      if (c < 0x20) throw syntax(t, p, "invalid control character in a string");
      if (c !== 0x5c) {
        p++;
        continue;
      }
      out += t.slice(chunk, p);
      const e = t[p + 1];
      if (e === "u") {
        const hex = t.slice(p + 2, p + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw syntax(t, p, "invalid \\u escape");
        out += String.fromCharCode(parseInt(hex, 16));
        p += 6;
      } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
        out += ESCAPES[e];
        p += 2;
      } else {
        throw syntax(t, p, "invalid escape");
      }
      chunk = p;
    }
    out += t.slice(chunk, p);
    this.pos = p + 1;
    if (hasLoneSurrogate(out)) throw InfraError.serialization("invalid JSON: lone UTF-16 surrogate in a string", { position: start - 1 });
    return out;
  }

  number(): number {
    const t = this.text;
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(t);
    if (m === null) throw syntax(t, this.pos, "invalid number");
    const literal = m[0];
    const value = Number(literal);
    if (!Number.isFinite(value)) {
      throw InfraError.serialization(`invalid JSON: ${literal.slice(0, 40)} is beyond the range of a double`, { token: literal.slice(0, 40) });
    }
    this.pos += literal.length;
    return value;
  }
}

/**
 * Parse strict JSON `text` (a `Uint8Array` must be UTF-8).
 *
 * @example
 * ```ts
 * import { parse } from "@llm-dev-ops/infra/json";
 * parse('{"a": [1, 2.5, null]}'); // { a: [1, 2.5, null] }
 * parse('{"a": 1, "a": 2}');      // throws InfraError("serialization"): duplicate key 'a'
 * ```
 */
export function parse(text: string | Uint8Array): JsonValue {
  if (text instanceof Uint8Array) {
    try {
      text = decoder.decode(text);
    } catch {
      throw InfraError.serialization("invalid JSON: not UTF-8");
    }
  }
  if (typeof text !== "string") throw InfraError.validation(`parse needs a string or bytes, got ${typeName(text)}`, { field: "text" });
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) brackets++;
  }
  if (brackets > MAX_DEPTH) checkDepth(text);
  if (hasLoneSurrogate(text)) throw InfraError.serialization("invalid JSON: the text contains a lone UTF-16 surrogate");
  const p = new Parser(text);
  const value = p.value(0);
  p.ws();
  if (p.pos < text.length) throw syntax(text, p.pos, "extra data after the value");
  return value;
}
