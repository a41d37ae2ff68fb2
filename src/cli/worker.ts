/**
 * Worker-thread entry (bundled to dist/worker.cjs): one `LintHost` per worker, driven by
 * `pool.ts` with `analyze` and `lint` requests. Nothing is printed; everything goes back as
 * messages, so reports stay byte-identical to a single-threaded run.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LintHost, type HostJob, type HostOptions } from './host.js';
import { languageFromEnvironment } from '../node/language.js';

export type WorkerRequest =
  | { readonly id: number; readonly type: 'analyze'; readonly jobs: readonly HostJob[] }
  | { readonly id: number; readonly type: 'lint'; readonly jobs: readonly HostJob[]; readonly runUris: readonly string[] };

export type WorkerReply = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly error: string };

languageFromEnvironment();
if (parentPort) {
  const port = parentPort;
  const host = new LintHost(workerData as HostOptions);
  port.on('message', async (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      const value = request.type === 'analyze' ? host.analyze(request.jobs) : await host.lint(request.jobs, new Set(request.runUris));
      reply = { id: request.id, ok: true, value };
    } catch (error) {
      reply = { id: request.id, ok: false, error: String((error as Error)?.stack ?? error) };
    }
    port.postMessage(reply);
  });
}
