// The bench's split of a V8 profile by origin (scripts/bench/profile.mjs), on real profiles of
// real processes: our own code (a file under src/), a builtin it calls, other code, allocation-heavy code, and the
// bundled CLI, whose code is traced back to its sources through the source map.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importEsModule, temporaryDirectory } from '../scan/cliHarness';

/** out/test/unit/bench → the repository root. */
const REPO_ROOT = path.resolve(__dirname, '../../../..');

type Shares = Record<string, number>;
type ProfileModule = { timeByOrigin: (file: string) => { totalMs: number; shares: Shares } };

/** Runs `args` under the profiler and returns the split of its profile. */
async function profileOf(args: string[]): Promise<Shares> {
  const directory = temporaryDirectory();
  const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${directory}`, ...args], { encoding: 'utf8', cwd: REPO_ROOT });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  const [file] = fs.readdirSync(directory).filter((name) => name.endsWith('.cpuprofile'));
  assert.ok(file, 'a profile was written');
  const { timeByOrigin } = await importEsModule<ProfileModule>(path.join(REPO_ROOT, 'scripts/bench/profile.mjs'));
  const { shares } = timeByOrigin(path.join(directory, file));
  const sum = Object.values(shares).reduce((total, share) => total + share, 0);
  assert.ok(Math.abs(sum - 1) < 1e-9, `shares add up to ${sum}`);
  return shares;
}

/** A script at `relative` under a fresh folder that runs `body` for 400 ms. */
function script(relative: string, body: string): string {
  const file = path.join(temporaryDirectory(), relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `const end = Date.now() + 400;\nlet kept = [];\nwhile (Date.now() < end) { ${body} }\nconsole.log(kept.length);\n`);
  return file;
}

describe('bench profile: time by origin', function () {
  this.timeout(60_000);

  const cases: { what: string; file: () => string; expect: (shares: Shares) => void }[] = [
    {
      what: 'a busy loop in a file under src/ is the engine',
      file: () => script('src/spin.js', 'let sum = 0; for (let i = 0; i < 1e5; i++) sum += i % 7; kept.push(sum);'),
      expect: (shares) => assert.ok(shares.engine > 0.7, JSON.stringify(shares)),
    },
    {
      what: 'a builtin counts for its caller: a native array method called from src/ is the engine',
      file: () => script('src/builtin.js', 'const list = new Array(1e4).fill(3); list.sort(); list.indexOf(4);'),
      expect: (shares) => assert.ok(shares.engine > 0.7, JSON.stringify(shares)),
    },
    {
      what: 'the same loop elsewhere is other code',
      file: () => script('lib/spin.js', 'let sum = 0; for (let i = 0; i < 1e5; i++) sum += i % 7; kept.push(sum);'),
      expect: (shares) => assert.ok(shares.other > 0.7 && shares.engine === 0, JSON.stringify(shares)),
    },
    {
      what: 'allocating short-lived objects makes garbage-collector time',
      file: () => script('lib/alloc.js', 'kept = []; for (let i = 0; i < 1e4; i++) kept.push({ i, s: String(i) });'),
      expect: (shares) => assert.ok(shares['garbage collector'] > 0.02, JSON.stringify(shares)),
    },
  ];
  for (const { what, file, expect } of cases) {
    it(what, async () => expect(await profileOf([file()])));
  }

  it('the bundled CLI is split into TypeScript, typescript-estree and the engine through its source map', async function () {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli-main.js.map'))) this.skip(); // `npm test` builds first
    const shares = await profileOf([path.join(REPO_ROOT, 'dist', 'cli.js'), 'scan', path.join(REPO_ROOT, 'examples', 'game-network'), '--format', 'json', '--no-cache']);
    for (const origin of ['typescript', 'typescript-estree', 'engine']) assert.ok(shares[origin] > 0, `${origin}: ${JSON.stringify(shares)}`);
  });
});
