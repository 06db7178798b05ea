// What one file may cost the engine. Hostile or generated input must not hang a scan or the
// extension host: the walker spends a deterministic budget (a node visited costs 1, plus the taint
// entries its value carries, so a value that doubles at every statement runs out as surely as a
// huge file), and nesting the parser cannot follow ends in a reason, never in an escaped RangeError.
// The budget counts work, not time, so a file is skipped on every machine or on none.

/** Thrown by the walker when the budget runs out; analyzeFile turns it into a skipped file. */
export class AnalysisSkipped extends Error {
  constructor(readonly kind: 'budget-exceeded' | 'too-deeply-nested', message: string) {
    super(message);
    this.name = 'AnalysisSkipped';
  }
}

/** Work every file may spend, whatever its size. */
export const BASE_WORK = 2_000_000;
/**
 * Work per character of source on top of that. The corpora and src/ spend 0.15 units per character
 * overall and 2.3 in the worst file (test/unit/hardening/budget.test.ts measures it): 20 leaves
 * nearly an order of magnitude of room.
 */
export const WORK_PER_CHARACTER = 20;

export function workLimitFor(textLength: number): number {
  return BASE_WORK + WORK_PER_CHARACTER * textLength;
}

export class AnalysisBudget {
  spent = 0;
  /** Set when the walker met nesting deeper than it follows: the code below that depth was not analysed. */
  truncatedAtDepth: number | undefined;

  constructor(readonly limit: number) {}

  private closed = false;

  spend(units: number): void {
    this.spent += units;
    if (this.spent > this.limit && !this.closed) {
      throw new AnalysisSkipped('budget-exceeded', `analysis budget exceeded (more than ${this.limit.toLocaleString('en-US')} work units: nodes visited plus the data they carry)`);
    }
  }

  /** The file's analysis is over: later lazy work (summaries asked for by other files) is not charged. */
  close(): void {
    this.closed = true;
  }

  tooDeep(depth: number): void {
    this.truncatedAtDepth ??= depth;
  }
}

/** V8's stack overflow: "Maximum call stack size exceeded". Other RangeErrors are bugs, not input. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack size/i.test(error.message);
}
