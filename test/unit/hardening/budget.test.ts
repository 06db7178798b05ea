// The per-file analysis budget (src/core/budget.ts): deterministic work, not time; far above what
// real code spends; an overrun is a skipped file with its reason, never a dropped one, never a throw.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { createAnalyzer, WorkspaceIndex } from '../../../src/core';
import { AnalysisBudget, BASE_WORK, WORK_PER_CHARACTER, workLimitFor } from '../../../src/core/budget';
import { scanDirectory } from '../../../src/scan/scan';

/** out/test/unit/hardening → the repository root. */
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const DOUBLING = `export function f(p) {\n  let x = p;\n${'  x = x + x;\n'.repeat(40)}  console.log(x);\n}\n`;
/** Three thousand statements: more than the small limit the tests below set. */
const LONG = `export function f(p) {\n${'  console.log(p);\n'.repeat(3000)}}\n`;

/** Runs `body` recording every budget created meanwhile (the engine does not expose them). */
function recordingBudgets<T>(body: () => T): { value: T; budgets: AnalysisBudget[] } {
  const budgets: AnalysisBudget[] = [];
  const original = AnalysisBudget.prototype.spend;
  AnalysisBudget.prototype.spend = function (this: AnalysisBudget & { recorded?: boolean }, units: number) {
    if (!this.recorded) {
      this.recorded = true;
      budgets.push(this);
    }
    return original.call(this, units);
  };
  try {
    return { value: body(), budgets };
  } finally {
    AnalysisBudget.prototype.spend = original;
  }
}

describe('the per-file analysis budget', () => {
  it('grows with the file: a base plus a share per character', () => {
    assert.equal(workLimitFor(0), BASE_WORK);
    assert.equal(workLimitFor(1000), BASE_WORK + 1000 * WORK_PER_CHARACTER);
  });

  describe('real code spends a small fraction of it (measured on every corpus and on src/)', () => {
    const roots = ['test/fixtures/corpus', 'test/fixtures/holdout', 'test/fixtures/holdout-2', 'examples', 'src'];
    const { budgets } = recordingBudgets(() => roots.map((root) => scanDirectory(path.join(REPO_ROOT, root), { precheck: false })));
    const characters = (budget: AnalysisBudget) => (budget.limit - BASE_WORK) / WORK_PER_CHARACTER;
    const perCharacter = budgets.map((budget) => budget.spent / Math.max(1, characters(budget)));
    const worst = Math.max(...budgets.filter((budget) => characters(budget) > 500).map((budget) => budget.spent / characters(budget)));
    after(() => console.log(`      ${budgets.length} files: ${(budgets.reduce((sum, budget) => sum + budget.spent, 0) / budgets.reduce((sum, budget) => sum + characters(budget), 0)).toFixed(2)} work units per character overall, worst ${worst.toFixed(2)} (a file over 500 characters), most in one file ${Math.max(...budgets.map((budget) => budget.spent))}`));
    it('every file analysed', () => assert.ok(budgets.length > 250, `${budgets.length}`));
    it(`no file over 500 characters spends more than a fifth of its ${WORK_PER_CHARACTER} units per character`, () => assert.ok(worst < WORK_PER_CHARACTER / 5, `worst ${worst}`));
    it('no file comes near the base', () => assert.ok(Math.max(...perCharacter.map((_, index) => budgets[index].spent)) < BASE_WORK / 20));
  });

  describe('an overrun is a skipped file with the reason', () => {
    it('a value that doubles at every statement stays small (markers are deduplicated) and is analysed', () => {
      const { value: result, budgets } = recordingBudgets(() => createAnalyzer().analyze(`${DOUBLING}f(req.ip);\n`, 'doubling.ts'));
      assert.equal(result.parseError, undefined);
      assert.deepEqual(result.findings.map((finding) => `${finding.span.start.line} ${finding.category}`), ['45 ip_address']);
      assert.ok(budgets[0].spent < 10_000, `spent ${budgets[0].spent}`);
    });
    it('an overrun names the limit', () => {
      const result = createAnalyzer({ workLimit: 2_000 }).analyze(LONG, 'long.ts');
      assert.equal(result.findings.length, 0);
      assert.equal(result.parseError?.kind, 'budget-exceeded');
      assert.equal(result.parseError!.message, 'analysis budget exceeded (more than 2,000 work units: nodes visited plus the data they carry)');
    });
    it('an ordinary file under a tiny budget (workLimit), and the same file under the default', () => {
      const text = "export function handler(req) {\n  console.log('from', req.ip);\n}\n";
      assert.equal(createAnalyzer({ workLimit: 5 }).analyze(text, 'a.ts').parseError?.message, 'analysis budget exceeded (more than 5 work units: nodes visited plus the data they carry)');
      assert.equal(createAnalyzer().analyze(text, 'a.ts').findings.length, 1);
    });
    it('deterministic: the same file spends the same work every time', () => {
      const text = "export function handler(req, user) {\n  const entry = { ip: req.ip, who: user.email };\n  console.log(entry);\n}\n";
      const spent = [1, 2, 3].map(() => recordingBudgets(() => createAnalyzer().analyze(text, 'a.ts')).budgets[0].spent);
      assert.equal(new Set(spent).size, 1, String(spent));
    });
    it('through the workspace index: the file over budget is skipped, the file importing it is analysed', () => {
      const index = new WorkspaceIndex({ workLimit: 2_000 });
      index.setFile('lib/doubling.ts', LONG);
      index.setFile('app.ts', "import { f } from './lib/doubling';\nexport function handler(req) {\n  f(req.ip);\n  console.log(req.ip);\n}\n");
      assert.deepEqual(index.analyze('app.ts').findings.map((finding) => `${finding.span.start.line} ${finding.category}`), ['4 ip_address']);
      assert.equal(index.analyze('lib/doubling.ts').parseError?.kind, 'budget-exceeded');
    });
  });
});
