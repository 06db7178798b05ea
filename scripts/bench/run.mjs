#!/usr/bin/env node
// npm run bench [-- DIR] [--lines N] [--runs R] [--seed S] [--jobs J] [--skip-editor] [--json FILE]
//
// Measures, in one run and on the same files, as ratios against the floor (this machine's noise is
// ±15–20 %: compare within one run, medians of R runs):
//   floor        a fresh `node` that only reads and parses every file (scripts/bench/floor.cjs)
//   cold         a fresh CLI scan: node dist/cli.js scan DIR --format json --no-cache --jobs 0
//   no-precheck  the same with --no-precheck (every file parsed)
//   workers      the same with --jobs J (default 2)
//   warm         with the cache, after one file was edited (its text changes, not only its mtime)
//   editor       in-process: re-analysis of a 3,000-line file after a one-character edit, with the
//                workspace index of the whole tree built; p50/p95 over 200 edits. The calling thread
//                is blocked for the whole analysis in-process; through a worker it is blocked only
//                to post the text and take the result.
// and the peak RSS of each process. Without DIR, a synthetic monorepo of --lines lines (default
// 200,000) is generated under the system temp folder. Needs `node esbuild.mjs` first (dist/).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as esbuild from 'esbuild';
import { generate } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const has = (name) => args.includes(`--${name}`);
const positional = args.filter((arg, index) => !arg.startsWith('--') && !(args[index - 1]?.startsWith('--') && !['--skip-editor', '--skip-workers'].includes(args[index - 1])));
const runs = Number(flag('runs', 3));
const jobs = Number(flag('jobs', 2));
const cli = path.join(repo, 'dist/cli.js');
if (!fs.existsSync(cli) || !fs.existsSync(path.join(repo, 'dist/worker.js'))) {
  console.error('bench: build first (node esbuild.mjs)');
  process.exit(2);
}

// ---- the tree -----------------------------------------------------------------------------------
let root = positional[0] ? path.resolve(positional[0]) : undefined;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-review-bench-'));
if (!root) {
  root = path.join(scratch, 'tree');
  const lines = Number(flag('lines', 200_000));
  const made = generate({ out: root, lines, seed: Number(flag('seed', 7)) });
  console.log(`generated ${made.files} files, ${made.lines} lines in ${root}`);
}

// The engine, bundled for the in-process parts (file selection and the editor path).
const engineFile = path.join(scratch, 'engine.cjs');
await esbuild.build({
  stdin: {
    contents: `
      export { WorkspaceIndex, createAnalyzer } from './src/core';
      export { discoverFiles } from './src/scan/discover';
      export { readSource } from './src/scan/readSource';
      export { readPathMapping } from './src/scan/tsconfigPaths';
      export { ModuleResolver } from './src/core/workspace/resolve';
      export { createPrecheck, selectFilesToAnalyse } from './src/scan/precheck';
    `,
    resolveDir: repo,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  outfile: engineFile,
  logLevel: 'warning',
});
const { createRequire } = await import('node:module');
const engine = createRequire(import.meta.url)(engineFile);

const discovered = engine.discoverFiles(root, {});
const texts = new Map();
for (const file of discovered.files) {
  const read = engine.readSource(path.join(root, file));
  if (read.ok) texts.set(file, read.text);
}
const lineCount = (text) => text.split('\n').length;
const totalLines = [...texts.values()].reduce((sum, text) => sum + lineCount(text), 0);
const fileList = path.join(scratch, 'files.json');
fs.writeFileSync(fileList, JSON.stringify({ root, files: [...texts.keys()] }));

const pathMapping = engine.readPathMapping(root);
const resolver = new engine.ModuleResolver((file) => texts.has(file), pathMapping);
const selectionStarted = performance.now();
const selection = engine.selectFilesToAnalyse(engine.createPrecheck(), { files: texts, resolve: (from, specifier) => resolver.resolve(from, specifier) });
const selectionMs = performance.now() - selectionStarted;
const analysedLines = [...selection.analyse].reduce((sum, file) => sum + lineCount(texts.get(file)), 0);
const reasons = {};
for (const reason of selection.reasons.values()) reasons[reason] = (reasons[reason] ?? 0) + 1;
// What the index parses: the analysed files and everything they may import.
const closure = new Set();
for (const queue = [...selection.analyse]; queue.length; ) {
  const file = queue.pop();
  if (closure.has(file)) continue;
  closure.add(file);
  queue.push(...(selection.imports.get(file) ?? []));
}
const parsedLines = [...closure].reduce((sum, file) => sum + lineCount(texts.get(file)), 0);
console.log(`${texts.size} files, ${totalLines} lines; pre-check keeps ${selection.analyse.size} files (${analysedLines} lines, ${pct(analysedLines / totalLines)}) in ${Math.round(selectionMs)} ms: ${JSON.stringify(reasons)}`);
console.log(`with what they import, the workspace index parses at most ${closure.size} files (${parsedLines} lines, ${pct(parsedLines / totalLines)})`);

// ---- processes ----------------------------------------------------------------------------------
function measure(argv, env = {}) {
  const rssFile = path.join(scratch, `rss-${process.hrtime.bigint()}`);
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--require', path.join(here, 'rss.cjs'), ...argv], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile, ...env },
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (child.status !== 0 && child.status !== 1) throw new Error(`${argv.join(' ')} exited ${child.status}: ${child.stderr}`);
  const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : NaN;
  return { ms, rss, stdout: child.stdout };
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
function repeat(label, argv, times = runs, before) {
  const samples = [];
  for (let run = 0; run < times; run++) {
    before?.(run);
    samples.push(measure(argv));
  }
  const result = { label, ms: median(samples.map((sample) => sample.ms)), rss: Math.max(...samples.map((sample) => sample.rss)), samples: samples.map((sample) => Math.round(sample.ms)), stdout: samples[0].stdout };
  console.log(`  ${label.padEnd(12)} ${(result.ms / 1000).toFixed(2)} s  [${result.samples.join(', ')} ms]  peak RSS ${mb(result.rss)}`);
  return result;
}
const scanArgs = (...extra) => [cli, 'scan', root, '--format', 'json', '--fail-on', 'none', ...extra];

console.log(`\nmedians of ${runs} runs, interleaved:`);
// Interleave the cold measurements so a slow phase of the machine hits them all alike.
const rows = { floor: [], cold: [], 'no-precheck': [], workers: [] };
const argvs = {
  floor: [path.join(here, 'floor.cjs'), fileList],
  cold: scanArgs('--no-cache', '--jobs', '0'),
  'no-precheck': scanArgs('--no-cache', '--jobs', '0', '--no-precheck'),
  workers: scanArgs('--no-cache', '--jobs', String(jobs)),
};
if (has('skip-workers')) delete argvs.workers;
const firstOutputs = {};
for (let run = 0; run < runs; run++) {
  for (const [name, argv] of Object.entries(argvs)) {
    const sample = measure(argv);
    rows[name].push(sample);
    firstOutputs[name] ??= sample.stdout;
  }
}
const summary = {};
for (const [name, samples] of Object.entries(rows)) {
  if (!samples.length) continue;
  summary[name] = { ms: median(samples.map((sample) => sample.ms)), rss: Math.max(...samples.map((sample) => sample.rss)), samples: samples.map((sample) => Math.round(sample.ms)) };
  console.log(`  ${name.padEnd(12)} ${(summary[name].ms / 1000).toFixed(2)} s  [${summary[name].samples.join(', ')} ms]  peak RSS ${mb(summary[name].rss)}`);
}
const findingsOf = (stdout) => JSON.stringify(JSON.parse(stdout).findings);
const same = findingsOf(firstOutputs.cold) === findingsOf(firstOutputs['no-precheck']) && (!firstOutputs.workers || findingsOf(firstOutputs.workers) === findingsOf(firstOutputs.cold));
console.log(`  findings identical across cold / no-precheck${firstOutputs.workers ? ' / workers' : ''}: ${same ? 'yes' : 'NO'} (${JSON.parse(firstOutputs.cold).findings.length} findings)`);

// Warm: populate the cache, then edit one analysed file (append a line) before each measured run.
const cacheDir = path.join(scratch, 'cache');
measure(scanArgs(`--cache=${cacheDir}`, '--jobs', '0'));
const touched = [...selection.analyse].sort((a, b) => lineCount(texts.get(b)) - lineCount(texts.get(a)))[Math.floor(selection.analyse.size / 2)] ?? [...texts.keys()][0];
const original = texts.get(touched);
let warm;
try {
  warm = repeat('warm', scanArgs(`--cache=${cacheDir}`, '--jobs', '0'), runs, (run) => fs.writeFileSync(path.join(root, touched), `${original}\n// edit ${run}\n`));
} finally {
  fs.writeFileSync(path.join(root, touched), original);
}
console.log(`  (edited ${touched} before each warm run)`);

// ---- the editor path ----------------------------------------------------------------------------
let editor;
if (!has('skip-editor')) editor = await editorPath();

// ---- report -------------------------------------------------------------------------------------
const floor = summary.floor.ms;
console.log(`\n${'phase'.padEnd(26)}${'seconds'.padStart(9)}${'× floor'.padStart(9)}${'lines/s'.padStart(10)}${'peak RSS'.padStart(10)}`);
const line = (label, ms, rss, ratioTo = floor) => console.log(`${label.padEnd(26)}${(ms / 1000).toFixed(2).padStart(9)}${(ms / ratioTo).toFixed(2).padStart(9)}${Math.round(totalLines / (ms / 1000)).toString().padStart(10)}${mb(rss).padStart(10)}`);
line('floor (parse only)', floor, summary.floor.rss);
line('cold scan, pre-check', summary.cold.ms, summary.cold.rss);
line('cold scan, no pre-check', summary['no-precheck'].ms, summary['no-precheck'].rss);
if (summary.workers) line(`cold scan, ${jobs} workers`, summary.workers.ms, summary.workers.rss);
console.log(`${'warm re-scan, 1 file edited'.padEnd(26)}${(warm.ms / 1000).toFixed(2).padStart(9)}${(warm.ms / floor).toFixed(2).padStart(9)}${''.padStart(10)}${mb(warm.rss).padStart(10)}   = ${pct(warm.ms / summary.cold.ms)} of cold`);
if (editor) {
  console.log(`editor, ${editor.lines}-line file, 200 one-character edits, index of ${texts.size} files built:`);
  console.log(`  in-process: p50 ${editor.inProcess.p50.toFixed(1)} ms, p95 ${editor.inProcess.p95.toFixed(1)} ms (the calling thread is blocked for all of it); peak RSS ${mb(editor.rss)}`);
  if (editor.worker) console.log(`  via a worker: p50 ${editor.worker.p50.toFixed(1)} ms, p95 ${editor.worker.p95.toFixed(1)} ms; calling thread blocked p50 ${editor.worker.blockedP50.toFixed(2)} ms, p95 ${editor.worker.blockedP95.toFixed(2)} ms, max ${editor.worker.blockedMax.toFixed(2)} ms`);
}
const targets = [
  ['cold ≤ 0.8 × floor (pre-check)', summary.cold.ms / floor <= 0.8],
  ['cold ≤ 1.3 × floor (no pre-check)', summary['no-precheck'].ms / floor <= 1.3],
  ['warm ≤ 10 % of cold', warm.ms / summary.cold.ms <= 0.1],
  [`peak RSS ≤ 600 MB (${totalLines} lines)`, Math.max(summary.cold.rss, summary['no-precheck'].rss) <= 600 * 1024 * 1024],
];
console.log(`\ntargets: ${targets.map(([name, ok]) => `${ok ? '✔' : '✘'} ${name}`).join('   ')}`);
const json = flag('json');
if (json) fs.writeFileSync(json, JSON.stringify({ root, files: texts.size, lines: totalLines, analysedLines, parsedLines, reasons, summary, warm: { ms: warm.ms, rss: warm.rss, touched }, editor, runs, jobs }, null, 2));
if (!positional[0]) fs.rmSync(scratch, { recursive: true, force: true });

async function editorPath() {
  // A 3,000-line file in the tree: the largest file if it is that long, else services of one
  // folder concatenated (so its imports resolve) and trimmed to 3,000 lines.
  const byLength = [...texts.entries()].sort((a, b) => lineCount(b[1]) - lineCount(a[1]));
  let [file, text] = byLength[0];
  if (lineCount(text) < 3_000) {
    const folder = path.posix.dirname(byLength.find(([name]) => name.includes('/services/'))?.[0] ?? file);
    const parts = [...texts.entries()].filter(([name]) => path.posix.dirname(name) === folder).map(([, body]) => body);
    let joined = '';
    for (let index = 0; lineCount(joined) < 3_000; index++) joined += `${parts[index % parts.length]}\n`;
    text = joined.split('\n').slice(0, 3_000).join('\n');
    // Cut at the end of the last complete top-level declaration.
    text = text.slice(0, text.lastIndexOf('\n}\n') + 3);
    file = `${folder}/editor-bench.ts`;
  }
  const index = new engine.WorkspaceIndex({ pathMapping });
  for (const [name, body] of texts) index.setFile(name, body);
  index.setFile(file, text);
  const built = performance.now();
  index.analyze(file);
  for (const name of texts.keys()) index.analyze(name);
  console.log(`\neditor path: index of ${texts.size} files built in ${Math.round(performance.now() - built)} ms; ${lineCount(text)}-line file ${file}`);
  const edits = editSequence(text, 200);
  const times = [];
  for (const edited of edits) {
    const started = performance.now();
    index.setFile(file, edited);
    index.analyze(file);
    times.push(performance.now() - started);
  }
  const inProcess = { p50: percentile(times, 50), p95: percentile(times, 95) };
  const rss = process.resourceUsage().maxRSS * 1024;
  const worker = await editorWorker(file, text, edits);
  return { lines: lineCount(text), file, inProcess, worker, rss };
}

function editSequence(text, count) {
  // One character each time: a space added at the end of a line, or taken away again.
  const lines = text.split('\n');
  const edits = [];
  let current = lines;
  for (let edit = 0; edit < count; edit++) {
    const at = (edit * 7919) % current.length;
    current = [...current];
    current[at] = current[at].endsWith(' ') ? current[at].slice(0, -1) : `${current[at]} `;
    edits.push(current.join('\n'));
  }
  return edits;
}

async function editorWorker(file, text, edits) {
  // The worker holds its own index; the calling thread only posts text and takes findings.
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const engine = require(workerData.engineFile);
     const index = new engine.WorkspaceIndex({ pathMapping: workerData.pathMapping });
     for (const [name, body] of workerData.texts) index.setFile(name, body);
     index.setFile(workerData.file, workerData.text);
     index.analyze(workerData.file);
     parentPort.postMessage({ ready: true });
     parentPort.on('message', ({ id, text }) => {
       index.setFile(workerData.file, text);
       const result = index.analyze(workerData.file);
       parentPort.postMessage({ id, findings: result.findings });
     });`,
    { eval: true, workerData: { engineFile, pathMapping, texts: [...texts.entries()], file, text } },
  );
  await new Promise((resolve) => worker.once('message', resolve));
  const latency = [];
  const blocked = [];
  for (let id = 0; id < edits.length; id++) {
    const started = performance.now();
    worker.postMessage({ id, text: edits[id] });
    let blockedMs = performance.now() - started;
    await new Promise((resolve) =>
      worker.once('message', (message) => {
        const received = performance.now();
        void message.findings.length;
        blockedMs += performance.now() - received;
        latency.push(received - started);
        resolve();
      }),
    );
    blocked.push(blockedMs);
  }
  await worker.terminate();
  return { p50: percentile(latency, 50), p95: percentile(latency, 95), blockedP50: percentile(blocked, 50), blockedP95: percentile(blocked, 95), blockedMax: Math.max(...blocked) };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
function mb(bytes) {
  return Number.isFinite(bytes) ? `${Math.round(bytes / 1024 / 1024)} MB` : 'n/a';
}
function pct(ratio) {
  return `${(ratio * 100).toFixed(1)} %`;
}
