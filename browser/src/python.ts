/** The page's handle on its Python worker (`python-worker.ts`): start-up stages, readiness, requests. */
import type { PythonBoot } from "./boot.js";
import type { PageFileResult, VectorText } from "./manifest.js";

export interface PythonInfo {
  python: string;
  implementation: string;
  llm_infra: string;
  platform: string;
  pyodide: string;
  /** Start-up steps of the worker, as epoch milliseconds (`performance.timeOrigin + now()`). */
  timeline: Record<string, number>;
}

export interface Stage {
  step: number;
  total: number;
  text: string;
}

/** A tool's outcome on one side (the same shape for TypeScript and Python). */
export type Outcome =
  | { ok: true; text: string }
  | { ok: false; error: { kind: string; message: string; retryable: boolean; context: Record<string, unknown>; cause: unknown } }
  | { ok: false; crash: string };

export class PythonRuntime {
  readonly ready: Promise<PythonInfo>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: string) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  /** Take over the worker `boot.js` started (replaying what it received), or start one from `workerUrl`. */
  constructor(workerUrl: URL, onStage: (stage: Stage) => void) {
    const boot = (globalThis as { llmInfraPythonBoot?: PythonBoot }).llmInfraPythonBoot;
    this.worker = boot?.worker ?? new Worker(workerUrl, { type: "module", name: "llm-infra-python" });
    this.ready = new Promise<PythonInfo>((resolve, reject) => {
      const onError = (ev: ErrorEvent): void => {
        ev.preventDefault();
        const err = new Error(`the Python worker failed to start: ${ev.message || "could not load python-worker.js"}`);
        reject(err);
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      };
      const onMessage = (ev: MessageEvent): void => {
        const msg = ev.data as { type: string; [k: string]: unknown };
        if (msg.type === "stage") onStage(msg as unknown as Stage);
        else if (msg.type === "ready") resolve(msg["info"] as PythonInfo);
        else if (msg.type === "failed") reject(new Error(String(msg["message"])));
        else if (msg.type === "reply") {
          const p = this.pending.get(msg["id"] as number);
          this.pending.delete(msg["id"] as number);
          if (msg["ok"]) p?.resolve(msg["value"] as string);
          else p?.reject(new Error(String(msg["message"])));
        }
      };
      this.worker.addEventListener("error", onError);
      this.worker.addEventListener("message", onMessage);
      for (const ev of boot?.takeOver() ?? []) {
        if (ev.type === "error") onError(ev as ErrorEvent);
        else onMessage(ev as MessageEvent);
      }
    });
  }

  private call(method: string, args: string[]): Promise<string> {
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, method, args });
    });
  }

  async runVectors(files: VectorText[], runtime = "chromium-pyodide"): Promise<PageFileResult[]> {
    await this.ready;
    return JSON.parse(await this.call("runVectors", [JSON.stringify(files), runtime])) as PageFileResult[];
  }

  async callTool(id: string, input: unknown): Promise<Outcome> {
    await this.ready;
    return JSON.parse(await this.call("callTool", [id, JSON.stringify(input)])) as Outcome;
  }
}
