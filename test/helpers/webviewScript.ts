/**
 * Run a webview page's script (media/*.js) in a fresh context with the few browser and VS Code
 * APIs it touches stubbed: what it posts to the extension and the event handlers it registers
 * are returned, for tests to fire events at.
 */
import { runInNewContext } from 'node:vm';

export function runPageScript(
  script: string,
  options: { getElementById?: (id: string) => unknown; state?: unknown } = {},
): { posted: unknown[]; handlers: Record<string, (e: object) => void>; states: unknown[] } {
  const posted: unknown[] = [];
  const states: unknown[] = [];
  const handlers: Record<string, (e: object) => void> = {};
  runInNewContext(script, {
    acquireVsCodeApi: () => ({ postMessage: (m: unknown) => posted.push(m), getState: () => options.state, setState: (s: unknown) => states.push(s) }),
    document: { addEventListener: (type: string, fn: (e: object) => void) => (handlers[type] = fn), ...(options.getElementById ? { getElementById: options.getElementById } : {}) },
    window: { addEventListener: () => undefined, scrollTo: () => undefined },
  });
  return { posted, handlers, states };
}
