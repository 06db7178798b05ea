// The bin (src/cli/launch.ts) loads the CLI bundle with a V8 code cache: the output is the same
// with no cache, a fresh one and a corrupt one; a corrupt one is replaced; builds used in turn keep
// their caches; `off` writes nothing;
// the heap guard changes no result and leaves the cache usable.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { temporaryDirectory } from '../scan/cliHarness';

/** out/test/unit/cli → the repository root. */
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'game-network');

function scan(cacheHome: string, codeCache?: string, heapGuardMb?: string, cli = CLI): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, XDG_CACHE_HOME: cacheHome, PRIVACY_REVIEW_CODE_CACHE: codeCache, PRIVACY_REVIEW_HEAP_GUARD_MB: heapGuardMb };
  const run = spawnSync(process.execPath, [cli, 'scan', EXAMPLE, '--format', 'json', '--no-cache'], { env, encoding: 'utf8' });
  // The report's duration is the one thing that may differ between runs.
  return { status: run.status, stdout: run.stdout.replace(/"durationMs": \d+/, '"durationMs": 0'), stderr: run.stderr };
}

/** A copy of the built launcher and CLI bundle, stamped with its own time: another build, as the cache sees it. */
function anotherBuild(secondsAgo: number): string {
  const folder = temporaryDirectory();
  for (const name of ['cli.js', 'cli-main.js']) {
    const copy = path.join(folder, name);
    fs.copyFileSync(path.join(REPO_ROOT, 'dist', name), copy);
    const time = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(copy, time, time);
  }
  return path.join(folder, 'cli.js');
}

function cacheFiles(cacheHome: string): string[] {
  const folder = path.join(cacheHome, 'privacy-review');
  return fs.existsSync(folder) ? fs.readdirSync(folder).map((name) => path.join(folder, name)) : [];
}

describe('the CLI launcher and its code cache', function () {
  this.timeout(60_000);
  before(function () {
    if (!fs.existsSync(CLI) || !fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli-main.js'))) this.skip(); // `npm test` builds first
  });

  it('writes a cache on the first run and gives the same report with it, and after it is corrupted', () => {
    const home = temporaryDirectory();
    const first = scan(home);
    assert.equal(first.status, 1, first.stderr); // the example has findings
    const [cache] = cacheFiles(home);
    assert.ok(cache && /cli-code-scan_.*\.bin$/.test(cache), `cache written: ${cacheFiles(home).join(', ')}`);
    const written = fs.statSync(cache).size;
    assert.ok(written > 100_000, `${written} bytes`);

    const cached = scan(home);
    assert.equal(cached.status, first.status);
    assert.equal(cached.stdout, first.stdout);

    fs.writeFileSync(cache, Buffer.alloc(4096, 7));
    const afterCorruption = scan(home);
    assert.equal(afterCorruption.status, first.status, afterCorruption.stderr);
    assert.equal(afterCorruption.stdout, first.stdout);
    assert.equal(fs.statSync(cache).size > 100_000, true, 'the corrupt cache was replaced');
  });

  it('two builds used in turn keep their own caches; a fourth build removes the oldest', () => {
    const home = temporaryDirectory();
    const [first, second, third, fourth] = [400, 300, 200, 100].map(anotherBuild);
    const reference = scan(home, undefined, undefined, first);
    const firstCache = cacheFiles(home)[0];
    const firstWritten = fs.statSync(firstCache).mtimeMs;
    assert.equal(scan(home, undefined, undefined, second).stdout, reference.stdout);
    assert.equal(scan(home, undefined, undefined, first).stdout, reference.stdout);
    assert.equal(cacheFiles(home).length, 2, cacheFiles(home).join(', '));
    assert.equal(fs.statSync(firstCache).mtimeMs, firstWritten, 'the first build compiled again');
    scan(home, undefined, undefined, third);
    scan(home, undefined, undefined, fourth);
    const kept = cacheFiles(home);
    assert.equal(kept.length, 3, kept.join(', '));
    assert.ok(!kept.includes(firstCache), 'the cache written first is the one removed');
  });

  it('PRIVACY_REVIEW_CODE_CACHE=off runs the same scan and writes nothing', () => {
    const home = temporaryDirectory();
    const withCache = scan(temporaryDirectory());
    const off = scan(home, 'off');
    assert.equal(off.status, withCache.status);
    assert.equal(off.stdout, withCache.stdout);
    assert.deepEqual(cacheFiles(home), []);
  });

  it('the heap guard, engaged at once (a 1 MB limit), gives the same report and a code cache the next run accepts', () => {
    const home = temporaryDirectory();
    const plain = scan(temporaryDirectory(), undefined, '0');
    const first = scan(home, undefined, '1');
    assert.equal(first.status, plain.status, first.stderr);
    assert.equal(first.stdout, plain.stdout);
    const [cache] = cacheFiles(home);
    const written = fs.statSync(cache).mtimeMs;
    // A cache the next run rejected would be written again when it exits.
    const second = scan(home, undefined, '1');
    assert.equal(second.stdout, plain.stdout);
    assert.equal(fs.statSync(cache).mtimeMs, written, 'the code cache was rejected and rewritten');
  });
});
