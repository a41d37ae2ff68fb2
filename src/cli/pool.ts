/**
 * A fixed set of worker threads, each holding one `LintHost` (`worker.ts`). Requests go to a
 * chosen worker (the caller decides which files live where) and come back as promises.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalyzeOutput, FileOutcome, HostJob, HostOptions } from './host.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

/** dist/worker.cjs beside the bundle; from sources (tests under tsx), the built one. */
function workerFile(): string {
  const beside = fileURLToPath(new URL('./worker.cjs', import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL('../../dist/worker.cjs', import.meta.url));
}

/**
 * A worker's young generation, in MB. Parsing allocates many short-lived objects; V8's default
 * young generation made a bulk run spend a quarter of its time in scavenges. Measured on 150
 * rfcs files (--trace-gc): 89 scavenges by default, 52 at 32 MB semi-spaces, 37 at 64 MB.
 */
const YOUNG_GENERATION_MB = 96;

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(readonly size: number, options: HostOptions) {
    const file = workerFile();
    for (let i = 0; i < size; i++) {
      const worker = new Worker(file, { workerData: options, stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker.on('message', (reply: WorkerReply) => {
        const p = this.pending.get(reply.id);
        if (!p) return;
        this.pending.delete(reply.id);
        if (reply.ok) p.resolve(reply.value);
        else p.reject(new Error(`worker failed: ${reply.error}`));
      });
      worker.on('error', (error) => this.failAll(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.failAll(new Error(`a worker exited with code ${code}`));
      });
      this.workers.push(worker);
    }
  }

  analyze(worker: number, jobs: readonly HostJob[]): Promise<AnalyzeOutput> {
    return this.send(worker, { id: this.nextId++, type: 'analyze', jobs }) as Promise<AnalyzeOutput>;
  }

  lint(worker: number, jobs: readonly HostJob[], runUris: readonly string[]): Promise<FileOutcome[]> {
    return this.send(worker, { id: this.nextId++, type: 'lint', jobs, runUris }) as Promise<FileOutcome[]>;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private send(worker: number, request: WorkerRequest): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      this.workers[worker]!.postMessage(request);
    });
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
