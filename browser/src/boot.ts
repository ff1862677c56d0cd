/**
 * Loaded before the page's code, with no imports of its own: starts the Python worker at once, so
 * the interpreter's download begins while the TypeScript side is still loading. Messages that
 * arrive before the page takes the worker over (`PythonRuntime`) are kept and replayed.
 */
export interface PythonBoot {
  worker: Worker;
  /** Stop buffering; the events received so far, in order. */
  takeOver(): Event[];
}

const worker = new Worker(new URL("./python-worker.js", import.meta.url), { type: "module", name: "llm-infra-python" });
const early: Event[] = [];
const keep = (ev: Event): void => {
  early.push(ev);
  if (ev.type === "error") ev.preventDefault();
};
worker.addEventListener("message", keep);
worker.addEventListener("error", keep);
(globalThis as { llmInfraPythonBoot?: PythonBoot }).llmInfraPythonBoot = {
  worker,
  takeOver() {
    worker.removeEventListener("message", keep);
    worker.removeEventListener("error", keep);
    return early.splice(0);
  },
};
