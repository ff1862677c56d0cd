/** Playground tool (TypeScript side): the RFC 6902 patch and the RFC 7396 merge patch from one document to another. */
import type { JsonObject } from "@llm-dev-ops/infra";
import { InfraError } from "@llm-dev-ops/infra/errors";
import { applyPatch, diff, jsonEqual, mergePatchApply, mergePatchCreate, parse } from "@llm-dev-ops/infra/json";
import { documentOf } from "../src/tool-kit.js";
import { defineTool } from "../src/tool.js";

export default defineTool({
  title: "JSON: diff (JSON Patch and Merge Patch)",
  summary: "From one document to another: the RFC 6902 JSON Patch (diff), the RFC 7396 merge patch (which cannot set a member to null), and whether each turns the first into the second.",
  fields: [
    { name: "from", label: "From (JSON)", type: "textarea", rows: 9, half: true, value: '{\n  "name": "api",\n  "replicas": 2,\n  "ports": [80],\n  "env": {"LOG": "info", "DEBUG": true}\n}' },
    { name: "to", label: "To (JSON)", type: "textarea", rows: 9, half: true, value: '{\n  "name": "api",\n  "replicas": 3,\n  "ports": [443, 80],\n  "env": {"LOG": "debug"}\n}' },
  ],
  run(input) {
    const from = documentOf(input["from"], "from", parse);
    const to = documentOf(input["to"], "to", parse);
    const patch = diff(from, to);
    const out: JsonObject = { patch, patch_gives_to: jsonEqual(applyPatch(from, patch), to) };
    try {
      const merge = mergePatchCreate(from, to);
      out["merge_patch"] = merge;
      out["merge_patch_gives_to"] = jsonEqual(mergePatchApply(from, merge), to);
    } catch (e) {
      // a merge patch cannot set a member to null (null deletes): shown next to the JSON Patch that can
      if (!(e instanceof InfraError) || e.kind !== "validation") throw e;
      out["merge_patch"] = null;
      out["merge_patch_error"] = e.message;
    }
    return out;
  },
});
