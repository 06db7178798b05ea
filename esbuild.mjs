// Bundles the CLI and the extension into dist/ (one file each, so activation loads one file).
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's UMD build requires its parts dynamically; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

// The bundles Node starts for every run (CLI, scan worker, analysis worker) carry no comments: our
// own comments hold non-ASCII text (…, →), which would make V8 hold the whole ~8 MB source as a
// two-byte string, slower to read and to compile (~0.15 s of each run). Source maps keep stacks readable.
const startedByNode = { minifyWhitespace: true };
// The bundles a CLI run starts are minified as well: half the bytes to read and decode (~4 MB, not
// ~7.6 MB), ~30 ms of each run's start (scripts/bench/run.mjs's warm re-scan). The extension's
// analysis worker is not: it starts once per window, and its stacks go to the Output log.
const startedByCli = { ...startedByNode, minify: true };

const entries = [
  // The bin: a small launcher that loads the CLI bundle with a V8 code cache (src/cli/launch.ts).
  { entryPoints: ['src/cli/launch.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli-main.js', ...startedByCli },
  // The scan's worker thread (src/scan/pool.ts starts it from the same folder as the caller).
  { entryPoints: ['src/scan/worker.ts'], outfile: 'dist/worker.js', ...startedByCli },
  // The extension's analysis worker (src/editorWorker/client.ts starts it from the same folder as dist/extension.js).
  { entryPoints: ['src/editorWorker/analysisWorker.ts'], outfile: 'dist/analysisWorker.js', ...startedByNode },
];
import { existsSync, readFileSync } from 'node:fs';
import { isAscii } from 'node:buffer';
if (existsSync('src/extension/main.ts')) {
  entries.push({ entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', external: ['vscode'] });
}

for (const entry of entries) {
  const options = { ...common, ...entry };
  if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
  } else {
    await esbuild.build(options);
    // esbuild escapes non-ASCII by default: the launcher reads an ASCII bundle fastest (src/scan/decodeUtf8.ts)
    // and V8 keeps it as a one-byte string. This says so if that ever changes.
    if (entry.minifyWhitespace && !isAscii(readFileSync(entry.outfile))) throw new Error(`${entry.outfile} is not ASCII: set esbuild's charset back to 'ascii'`);
  }
}
