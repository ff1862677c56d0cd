/** Playground tool (TypeScript side): apply a JSON Patch (RFC 6902, atomic) or a Merge Patch (RFC 7396). */
import { InfraError } from "@llm-dev-ops/infra/errors";
import { applyPatch, mergePatchApply, parse, type PatchOperation } from "@llm-dev-ops/infra/json";
import { documentOf } from "../src/tool-kit.js";
import { defineTool } from "../src/tool.js";

export default defineTool({
  title: "JSON: apply a patch or merge patch",
  summary: "A document and a patch side by side → the patched document. JSON Patch is atomic: a failing operation (a test, a missing path) leaves nothing half-applied.",
  fields: [
    { name: "kind", label: "Patch kind", type: "select", value: "JSON Patch (RFC 6902)", options: ["JSON Patch (RFC 6902)", "Merge Patch (RFC 7396)"] },
    { name: "document", label: "Document (JSON)", type: "textarea", rows: 8, half: true, value: '{\n  "name": "api",\n  "replicas": 2,\n  "ports": [80]\n}' },
    { name: "patch", label: "Patch (JSON)", type: "textarea", rows: 8, half: true, value: '[\n  {"op": "test", "path": "/replicas", "value": 2},\n  {"op": "replace", "path": "/replicas", "value": 3},\n  {"op": "add", "path": "/ports/0", "value": 443}\n]' },
  ],
  run(input) {
    const doc = documentOf(input["document"], "document", parse);
    const patch = documentOf(input["patch"], "patch", parse);
    if (input["kind"] === "Merge Patch (RFC 7396)") return { result: mergePatchApply(doc, patch) };
    if (!Array.isArray(patch)) throw InfraError.validation("patch: a JSON Patch is an array of operations", { field: "patch" });
    return { result: applyPatch(doc, patch as unknown as PatchOperation[]) };
  },
});
