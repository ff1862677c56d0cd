/** Playground tool (TypeScript side): RFC 8785 canonical JSON (JCS) of a document. */
import { sha256 } from "@llm-dev-ops/infra/crypto";
import { canonicalBytes, parse } from "@llm-dev-ops/infra/json";
import { documentOf, hexOf } from "../src/tool-kit.js";
import { defineTool } from "../src/tool.js";

export default defineTool({
  title: "JSON: canonicalize (RFC 8785)",
  summary: "The canonical form signatures and hashes are computed over: sorted keys (by UTF-16 units), ECMAScript numbers, minimal escapes, no whitespace. The default is RFC 8785's own example.",
  fields: [
    {
      name: "document", label: "Document (JSON)", type: "textarea", rows: 6,
      value: '{\n  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n  "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",\n  "literals": [null, true, false]\n}',
    },
  ],
  async run(input) {
    const bytes = canonicalBytes(documentOf(input["document"], "document", parse));
    return { canonical: new TextDecoder().decode(bytes), utf8_bytes: bytes.length, sha256: hexOf(await sha256(bytes)) };
  },
});
