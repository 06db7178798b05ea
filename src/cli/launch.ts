// The `privacy-review` command: loads the CLI bundle (dist/cli-main.js, TypeScript included, ~4 MB minified)
// with a V8 code cache, so a run does not compile TypeScript's parser again — about 0.15 s of every
// run's start, 0.3 s of a large scan's (measured by scripts/bench/run.mjs). Node 22's
// module.enableCompileCache does the same; Node 20, which we support, has no such switch.
//
// The cache holds bytecode of our own bundle only, never anything read from a workspace. It lives in
// the user's cache folder ($XDG_CACHE_HOME or ~/.cache), keyed by the bundle's size and time, the
// tool and Node versions; V8 rejects data that does not match the source or its flags, and then the
// bundle is compiled as usual and the cache rewritten. Any failure to read or write it is ignored:
// it can make a run faster, never change what it does. PRIVACY_REVIEW_CODE_CACHE=off turns it off.
//
// It also bounds the heap of a large scan (guardHeap). A scan's heap is mostly garbage: about 80 MB
// live on a 500k-line tree, yet V8 let it grow to 4× that before a full collection, 440–900 MB of
// RSS over identical runs. Past HEAP_GUARD_MB of RSS the growth factor is lowered to 2×.
import * as fs from 'node:fs';
import { createRequire, Module } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { TOOL_VERSION } from '../version';
import { decodeUtf8 } from '../scan/decodeUtf8';

const BUNDLE = path.join(__dirname, 'cli-main.js');

function cacheFile(bundleStat: fs.Stats): string | undefined {
  if (process.env.PRIVACY_REVIEW_CODE_CACHE === 'off') return undefined;
  const home = os.homedir();
  const base = process.env.XDG_CACHE_HOME || (home ? path.join(home, '.cache') : undefined);
  if (!base) return undefined;
  // One cache per command: what a scan compiles (the parser) is not what `--version` compiles.
  const command = /^[a-z][a-z-]{0,20}$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
  const key = [TOOL_VERSION, process.version, process.arch, bundleStat.size, Math.round(bundleStat.mtimeMs)].join('-');
  return path.join(base, 'privacy-review', `cli-code-${command}_${key}.bin`);
}

function readCache(file: string | undefined): Buffer | undefined {
  try {
    return file ? fs.readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds whose cache is kept per command. Two installs used in turn (a global one and a project's,
 * two projects on different versions) would otherwise remove each other's cache at every run and
 * each pay the compile again (~0.25 s of a warm scan's ~0.6 s, measured on the 200k bench tree).
 */
const KEPT_BUILDS = 3;

/** Temp file then rename, so a concurrent run never reads half a cache; of the same command's caches for other builds, only the KEPT_BUILDS - 1 written last are kept. */
function writeCache(file: string, data: Buffer): void {
  const folder = path.dirname(file);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    fs.writeFileSync(temporary, data, { mode: 0o600 });
    fs.renameSync(temporary, file);
    const sameCommand = `${path.basename(file).split('_')[0]}_`;
    const others = fs
      .readdirSync(folder)
      .filter((name) => name.startsWith(sameCommand) && name.endsWith('.bin') && name !== path.basename(file))
      .map((name) => ({ file: path.join(folder, name), writtenMs: fs.statSync(path.join(folder, name)).mtimeMs }))
      .sort((a, b) => b.writtenMs - a.writtenMs);
    for (const older of others.slice(KEPT_BUILDS - 1)) fs.rmSync(older.file, { force: true });
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}

/** RSS past which the heap grows by 2× its live size; PRIVACY_REVIEW_HEAP_GUARD_MB overrides it, 0 turns it off. */
const HEAP_GUARD_MB = 450;
const GUARDED_FLAGS = ['--heap-growing-percent=100', '--expose-gc'];
const DEFAULT_FLAGS = ['--heap-growing-percent=0', '--no-expose-gc'];

/**
 * Lowers V8's heap growth once the process is large: smaller trees keep V8's speed, large ones a
 * bounded peak for a few % of their time (scripts/bench/run.mjs). The flag acts from the next full
 * collection on, and the limit V8 set at the last one can be 4× a moment of high live data, so one
 * full collection is run at once. Left alone when the user set a heap flag for Node.
 */
function guardHeap(): { engaged: () => boolean } {
  const configured = process.env.PRIVACY_REVIEW_HEAP_GUARD_MB;
  const limitMb = configured !== undefined && /^\d+$/.test(configured) ? Number(configured) : HEAP_GUARD_MB;
  const userFlags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  let engaged = false;
  if (limitMb === 0 || /heap-growing-percent|max-old-space-size|max-heap-size|expose[-_]gc/.test(userFlags)) return { engaged: () => engaged };
  const check = () => {
    if (engaged || process.memoryUsage.rss() < limitMb * 1024 * 1024) return;
    engaged = true;
    clearInterval(timer);
    for (const flag of GUARDED_FLAGS) v8.setFlagsFromString(flag);
    // `gc` is only defined in a context made after --expose-gc.
    (vm.runInNewContext('gc') as () => void)();
  };
  const timer = setInterval(check, 100);
  timer.unref();
  check();
  return { engaged: () => engaged };
}

function launch(): void {
  // V8 drops the bytecode of functions idle over several full collections. A long scan has many, so
  // the code cache it writes on exit (the first run's, often a cold scan) missed TypeScript's start-up
  // and half of the rest (1.9 MB, not 3.4 MB, after a 500k-line scan), and every later run compiled
  // those again: 500k-line warm re-scan 1.37 → 1.07 s, cold 15.6 → 13.9 s (scripts/bench). Set in
  // every run before the bundle is compiled, so the flags a cache is checked against stay the same.
  v8.setFlagsFromString('--no-flush-bytecode');
  // esbuild writes the bundle in ASCII (esbuild.mjs checks), which decodeUtf8 reads fastest.
  const source = decodeUtf8(fs.readFileSync(BUNDLE));
  const file = cacheFile(fs.statSync(BUNDLE));
  const cachedData = readCache(file);
  // The bundle as Node itself would wrap it (the shebang is a comment to V8 as to Node).
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  // After the cache is checked, which happens under the default flags.
  const heap = guardHeap();
  if (file && (!cachedData || script.cachedDataRejected)) {
    // After the run, so the cache also holds the functions V8 compiled lazily while scanning.
    process.once('exit', () => {
      // V8 keys cached code by its flags: written with the guard's flag, it would be rejected by the next run's start.
      if (heap.engaged()) for (const flag of DEFAULT_FLAGS) v8.setFlagsFromString(flag);
      writeCache(file, script.createCachedData());
    });
  }
  const bundleModule = new Module(BUNDLE);
  bundleModule.filename = BUNDLE;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(bundleModule.exports, bundleModule.exports, createRequire(BUNDLE), bundleModule, BUNDLE, __dirname);
  (bundleModule.exports as { main: () => void }).main();
}

launch();
