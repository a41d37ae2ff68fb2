/**
 * When work runs. Three priorities: a lint the editor is waiting for (the open document, after its
 * debounce; a newer change replaces a waiting one), then requests, then background work (the
 * workspace index), which runs one step per turn of the event loop and only while nothing of
 * the first two is waiting. `refine` is the hook for findings that get better later.
 */
export class Scheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private inFlight = 0;
  private idle: (() => void)[] = [];

  /** `lint`: lint one open document and publish (push mode). */
  constructor(private readonly lint: (uri: string) => Promise<void>) {}

  /** Lint `uri` after `delay` ms, replacing a lint already waiting for it. */
  lintSoon(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.foreground(() => this.lint(uri));
      }, delay),
    );
  }

  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    if (this.timers.delete(uri)) this.wake();
  }

  /** Run `work` ahead of the background. */
  async foreground<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await work();
    } finally {
      this.inFlight--;
      this.wake();
    }
  }

  /** Background work awaits this between steps: a turn of the event loop, then until no lint or request waits. */
  async yieldToForeground(): Promise<void> {
    await new Promise<void>((resolve) => nextTurn(resolve));
    while (this.inFlight > 0 || this.timers.size > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private wake(): void {
    if (this.inFlight > 0) return;
    const waiting = this.idle;
    this.idle = [];
    for (const resolve of waiting) resolve();
  }
}

/** After pending I/O: `setImmediate` on Node; a web worker has only timers. */
const nextTurn: (f: () => void) => void = typeof setImmediate === 'function' ? (f) => setImmediate(f) : (f) => setTimeout(f, 0);
