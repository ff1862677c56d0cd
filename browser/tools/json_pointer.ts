/** Playground tool (TypeScript side): resolve an RFC 6901 JSON Pointer in a document. */
import { parse, pointerGet, pointerParse } from "@llm-dev-ops/infra/json";
import { documentOf } from "../src/tool-kit.js";
import { defineTool } from "../src/tool.js";

export default defineTool({
  title: "JSON: pointer get (RFC 6901)",
  summary: "The tokens of a JSON Pointer (~1 is /, ~0 is ~) and the value it points to; a missing member or index is a not_found error naming it.",
  fields: [
    { name: "pointer", label: "Pointer", type: "text", value: "/servers/1/tags/a~1b", options: ["", "/servers/0/host", "/servers/1/tags/a~1b", "/servers/2"] },
    { name: "document", label: "Document (JSON)", type: "textarea", rows: 6, value: '{\n  "servers": [\n    {"host": "a.example", "port": 443},\n    {"host": "b.example", "tags": {"a/b": "slash", "m~n": "tilde"}}\n  ]\n}' },
  ],
  run(input) {
    const doc = documentOf(input["document"], "document", parse);
    const pointer = String(input["pointer"]);
    return { tokens: pointerParse(pointer), value: pointerGet(doc, pointer) };
  },
});
