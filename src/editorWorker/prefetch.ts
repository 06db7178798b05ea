// When to start analysing an edited document: at the end of its debounce, or — for a file whose
// analysis takes long (a 3,000-line file: 150–250 ms, most of it typescript-estree's parse) — that
// long before the end, so its diagnostics are ready when the debounce fires. The analysis runs in
// the worker, so starting early costs the extension host nothing; a start that a newer keystroke
// makes pointless is dropped by the worker if it has not begun (protocol.ts `analyze`), and a
// small file (the common case) is never started early at all. Used by the validator and the bench.

export interface PrefetchOptions {
  /** Files whose analysis usually takes less than this are analysed when the debounce fires. Default 60 ms. */
  minWorkMs?: number;
  /**
   * Never start before the typing has paused this long (default 120 ms, a fast typist's gap between
   * keys): an analysis started at every keystroke would keep the worker busy with texts that are
   * already old when the last one comes, and delay that one.
   */
  minPauseMs?: number;
  /** Start this much earlier than the expected work, as a share of it (slow runs are longer than usual). Default 0.5. */
  headroom?: number;
}

export class PrefetchPlanner {
  private readonly expected = new Map<string, number>();

  constructor(private readonly options: PrefetchOptions = {}) {}

  /** Milliseconds after an edit to start analysing, or undefined: when the debounce fires. */
  startAfter(key: string, debounceMs: number): number | undefined {
    const expected = this.expected.get(key);
    if (expected === undefined || debounceMs <= 0 || expected < (this.options.minWorkMs ?? 60)) return undefined;
    const lead = expected * (1 + (this.options.headroom ?? 0.5));
    const startAfter = Math.max(this.options.minPauseMs ?? 120, Math.round(debounceMs - lead));
    return startAfter < debounceMs ? startAfter : undefined;
  }

  /** What an analysis of the document took in the worker (a moving average, quick to follow a slower file). */
  record(key: string, workMs: number): void {
    const previous = this.expected.get(key);
    this.expected.set(key, previous === undefined || workMs > previous ? workMs : previous * 0.7 + workMs * 0.3);
  }

  forget(key: string): void {
    this.expected.delete(key);
  }
}
