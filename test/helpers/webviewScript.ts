/**
 * Run a webview page's script (media/*.js) in a fresh context with the few browser and VS Code
 * APIs it touches stubbed: what it posts to the extension and the event handlers it registers
 * are returned, for tests to fire events at.
 */
import { runInNewContext } from 'node:vm';

export function runPageScript(script: string): { posted: unknown[]; handlers: Record<string, (e: object) => void> } {
  const posted: unknown[] = [];
  const handlers: Record<string, (e: object) => void> = {};
  runInNewContext(script, {
    acquireVsCodeApi: () => ({ postMessage: (m: unknown) => posted.push(m), getState: () => undefined, setState: () => undefined }),
    document: { addEventListener: (type: string, fn: (e: object) => void) => (handlers[type] = fn) },
    window: { addEventListener: () => undefined, scrollTo: () => undefined },
  });
  return { posted, handlers };
}
