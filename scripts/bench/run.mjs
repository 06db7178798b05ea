#!/usr/bin/env node
// npm run bench [-- DIR] [--lines N] [--runs R] [--seed S] [--jobs J] [--skip-editor] [--skip-profile] [--editor-only] [--edits N] [--json FILE]
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
// and the peak RSS of each process; then, unless --skip-profile, one more run of the floor, the cold
// scan and no-precheck under the V8 profiler, their CPU time split by origin (parser, conversion,
// engine, garbage collector; scripts/bench/profile.mjs). Without DIR, a synthetic monorepo of --lines lines (default
// 200,000) is generated under the system temp folder. Needs `node esbuild.mjs` first (dist/).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as esbuild from 'esbuild';
import { generate } from './generate.mjs';
import { ORIGINS, timeByOrigin } from './profile.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const has = (name) => args.includes(`--${name}`);
const BOOLEAN_FLAGS = ['--skip-editor', '--skip-workers', '--skip-profile', '--editor-only'];
const positional = args.filter((arg, index) => !arg.startsWith('--') && !(args[index - 1]?.startsWith('--') && !BOOLEAN_FLAGS.includes(args[index - 1])));
const runs = Number(flag('runs', 3));
const jobs = Number(flag('jobs', 2));
const cli = path.join(repo, 'dist/cli.js');
if (!fs.existsSync(cli) || !fs.existsSync(path.join(repo, 'dist/worker.js')) || !fs.existsSync(path.join(repo, 'dist/analysisWorker.js'))) {
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
      export { AnalysisWorker } from './src/editorWorker/client';
      export { PrefetchPlanner } from './src/editorWorker/prefetch';
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

if (has('editor-only')) {
  const editor = await editorPath();
  printEditor(editor);
  const json = flag('json');
  if (json) fs.writeFileSync(json, JSON.stringify({ root, files: texts.size, lines: totalLines, editor }, null, 2));
  if (!positional[0]) fs.rmSync(scratch, { recursive: true, force: true });
  process.exit(0);
}

// ---- processes ----------------------------------------------------------------------------------
function measure(argv, env = {}, nodeFlags = []) {
  const rssFile = path.join(scratch, `rss-${process.hrtime.bigint()}`);
  const started = performance.now();
  const child = spawnSync(process.execPath, [...nodeFlags, '--require', path.join(here, 'rss.cjs'), ...argv], {
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
// The CLI's launcher keeps a V8 code cache of its own bundle (src/cli/launch.ts): the bench gives it
// a folder of its own, written by one first scan as on any machine after its first run; the same
// cold scan without it is measured too.
process.env.XDG_CACHE_HOME = path.join(scratch, 'code-cache');
argvs['no-code-cache'] = argvs.cold;
rows['no-code-cache'] = [];
const envs = { 'no-code-cache': { PRIVACY_REVIEW_CODE_CACHE: 'off' } };
measure(argvs.cold);
const firstOutputs = {};
for (let run = 0; run < runs; run++) {
  for (const [name, argv] of Object.entries(argvs)) {
    const sample = measure(argv, envs[name]);
    rows[name].push(sample);
    firstOutputs[name] ??= sample.stdout;
  }
}
const summary = {};
for (const [name, samples] of Object.entries(rows)) {
  if (!samples.length) continue;
  // Each run's ratio to the floor measured next to it, in the same round: how far the noise moves a verdict.
  const ratios = samples.map((sample, run) => sample.ms / rows.floor[run].ms);
  summary[name] = { ms: median(samples.map((sample) => sample.ms)), rss: Math.max(...samples.map((sample) => sample.rss)), samples: samples.map((sample) => Math.round(sample.ms)), ratios };
  const perRun = name === 'floor' ? '' : `  × floor per round ${ratios.map((ratio) => ratio.toFixed(2)).join(', ')}`;
  console.log(`  ${name.padEnd(12)} ${(summary[name].ms / 1000).toFixed(2)} s  [${summary[name].samples.join(', ')} ms]  peak RSS ${mb(summary[name].rss)}${perRun}`);
}
const findingsOf = (stdout) => JSON.stringify(JSON.parse(stdout).findings);
const same = findingsOf(firstOutputs.cold) === findingsOf(firstOutputs['no-precheck']) && (!firstOutputs.workers || findingsOf(firstOutputs.workers) === findingsOf(firstOutputs.cold));
console.log(`  findings identical across cold / no-precheck${firstOutputs.workers ? ' / workers' : ''}: ${same ? 'yes' : 'NO'} (${JSON.parse(firstOutputs.cold).findings.length} findings)`);

// Where the time goes: one more run of each under the V8 profiler (slower, so only shares are used).
let profiles;
if (!has('skip-profile')) {
  profiles = {};
  for (const name of ['floor', 'cold', 'no-precheck']) {
    const dir = path.join(scratch, `profile-${name}`);
    measure(argvs[name], {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const [file] = fs.readdirSync(dir).filter((entry) => entry.endsWith('.cpuprofile'));
    if (file) profiles[name] = timeByOrigin(path.join(dir, file));
  }
}

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
line('cold scan, no code cache', summary['no-code-cache'].ms, summary['no-code-cache'].rss);
line('cold scan, no pre-check', summary['no-precheck'].ms, summary['no-precheck'].rss);
if (summary.workers) line(`cold scan, ${jobs} workers`, summary.workers.ms, summary.workers.rss);
console.log(`${'warm re-scan, 1 file edited'.padEnd(26)}${(warm.ms / 1000).toFixed(2).padStart(9)}${(warm.ms / floor).toFixed(2).padStart(9)}${''.padStart(10)}${mb(warm.rss).padStart(10)}   = ${pct(warm.ms / summary.cold.ms)} of cold`);
if (editor) printEditor(editor);
if (profiles?.floor && profiles.cold) printProfiles(profiles);
const targets = [
  ['cold ≤ 0.8 × floor (pre-check)', summary.cold.ms / floor <= 0.8],
  ['cold ≤ 1.3 × floor (no pre-check)', summary['no-precheck'].ms / floor <= 1.3],
  ['warm ≤ 10 % of cold', warm.ms / summary.cold.ms <= 0.1],
  [`peak RSS ≤ 600 MB (${totalLines} lines)`, Math.max(summary.cold.rss, summary['no-precheck'].rss) <= 600 * 1024 * 1024],
  ...(editor ? [['editor: debounce → diagnostic p95 ≤ 150 ms', editor.worker.typing.p95 <= 150], ['editor: caller blocked ≤ 20 ms per edit', editor.worker.blockedMax <= 20]] : []),
];
console.log(`\ntargets: ${targets.map(([name, ok]) => `${ok ? '✔' : '✘'} ${name}`).join('   ')}`);
const json = flag('json');
if (json) fs.writeFileSync(json, JSON.stringify({ root, files: texts.size, lines: totalLines, analysedLines, parsedLines, reasons, summary, profiles, warm: { ms: warm.ms, rss: warm.rss, touched }, editor, runs, jobs }, null, 2));
if (!positional[0]) fs.rmSync(scratch, { recursive: true, force: true });

function printProfiles(profiles) {
  const names = Object.keys(profiles);
  console.log(`\nwhere the time goes (CPU self time of one profiled run each, by origin):\n${''.padEnd(22)}${names.map((name) => name.padStart(13)).join('')}`);
  for (const origin of ORIGINS) console.log(`  ${origin.padEnd(20)}${names.map((name) => pct(profiles[name].shares[origin]).padStart(13)).join('')}`);
  // A scan that parses a fraction of the lines pays at least that fraction of the floor's parse and
  // of its garbage, and all of its reading and start-up (the pre-check reads every file). Taken from
  // the floor's profile alone, so the noise of one cold run does not move it.
  const { floor: floorProfile, cold } = profiles;
  const parsedShare = parsedLines / totalLines;
  const atLeast = parsedShare * (floorProfile.shares.typescript + floorProfile.shares['typescript-estree'] + floorProfile.shares['garbage collector']) + floorProfile.shares['node, I/O, startup'];
  const engine = cold.shares.engine * (summary.cold.ms / floor);
  console.log(`  parsing ${pct(parsedShare)} of the lines, a cold scan costs at least ≈ ${atLeast.toFixed(2)} × floor without any analysis; the engine's part of this one: ≈ ${engine.toFixed(2)} × floor`);
}

async function editorPath() {
  // A 3,000-line file in the tree: the largest file if it is that long, else whole files of one
  // services folder concatenated (so their imports resolve), up to 3,000 lines.
  const byLength = [...texts.entries()].sort((a, b) => lineCount(b[1]) - lineCount(a[1]));
  let [file, text] = byLength[0];
  if (lineCount(text) < 3_000) {
    const folder = path.posix.dirname(byLength.find(([name]) => name.includes('/services/'))?.[0] ?? file);
    const inFolder = [...texts.entries()].filter(([name]) => path.posix.dirname(name) === folder);
    const parts = inFolder.map(([, body]) => body);
    // Whole files (every top-level statement complete), as many as fit in 3,000 lines.
    let joined = '';
    for (let added = true; added && lineCount(joined) < 3_000; ) {
      added = false;
      for (const part of parts) {
        if (joined && lineCount(joined) + lineCount(part) > 3_000) continue;
        joined += `${part}\n`;
        added = true;
      }
    }
    text = joined;
    file = `${folder}/editor-bench${path.posix.extname(inFolder[0][0])}`;
  }
  const edits = editSequence(text, Number(flag('edits', 200)));
  const gc = fullGc();
  const heapBefore = (gc(), process.memoryUsage().heapUsed);
  let index = new engine.WorkspaceIndex({ pathMapping });
  for (const [name, body] of texts) index.setFile(name, body);
  index.setFile(file, text);
  const built = performance.now();
  index.analyze(file);
  for (const name of texts.keys()) index.analyze(name);
  const buildMs = performance.now() - built;
  const indexHeap = (gc(), process.memoryUsage().heapUsed - heapBefore);
  console.log(`\neditor path: index of ${texts.size} files built and analysed in ${Math.round(buildMs)} ms (heap ${mb(indexHeap)}, ${JSON.stringify(index.stats?.() ?? {})}); ${lineCount(text)}-line file ${file}`);
  const times = [];
  for (const edited of edits) {
    const started = performance.now();
    index.setFile(file, edited);
    index.analyze(file);
    times.push(performance.now() - started);
  }
  const inProcess = { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), indexHeap };
  const rss = process.resourceUsage().maxRSS * 1024;
  index = undefined; // the worker's index is measured on its own
  const worker = await editorWorker(file, text, edits);
  return { lines: lineCount(text), file, edits: edits.length, inProcess, worker, rss };
}

function fullGc() {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
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
  // The extension's own protocol (src/editorWorker/client.ts) and worker bundle: the index lives in
  // the worker; this thread posts each edit's text and takes the findings, as the validator does.
  const worker = new engine.AnalysisWorker({ script: path.join(repo, 'dist/analysisWorker.js') });
  const index = worker.createIndex('bench', { pathMapping });
  const started = performance.now();
  const all = [...texts.entries()];
  for (let start = 0; start < all.length; start += 500) await index.setFiles(all.slice(start, start + 500), true);
  // Every file analysed, as after "Scan Workspace" (the scan reads them in the worker).
  const names = [...texts.keys()];
  for (let start = 0; start < names.length; start += 50) await index.scan(root, names.slice(start, start + 50));
  await index.analyze(file, text, 0);
  const buildMs = performance.now() - started;
  const afterBuild = await worker.stats(true);
  fullGc()();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const latency = [];
  const blocked = [];
  const work = [];
  for (let version = 1; version <= edits.length; version++) {
    const posted = performance.now();
    const reply = index.analyze(file, edits[version - 1], version);
    let blockedMs = performance.now() - posted;
    const result = await reply;
    const received = performance.now();
    latency.push(received - posted);
    // What the validator does with the result on this thread (toDiagnostics is a map over the findings).
    void result.result.findings.map((finding) => ({ range: finding.span, message: finding.message }));
    blockedMs += performance.now() - received;
    blocked.push(blockedMs);
    work.push(result.workMs);
  }
  delay.disable();
  const typing = await typingSimulation(index, file, edits);
  const stats = await worker.stats(true);
  worker.dispose();
  return {
    typing,
    buildMs,
    p50: percentile(latency, 50),
    p95: percentile(latency, 95),
    max: Math.max(...latency),
    workP50: percentile(work, 50),
    workP95: percentile(work, 95),
    blockedP50: percentile(blocked, 50),
    blockedP95: percentile(blocked, 95),
    blockedMax: Math.max(...blocked),
    // Longest stretch this thread's event loop could not run (includes taking each message off the port).
    eventLoopDelayMax: delay.max / 1e6,
    workerHeapAfterBuild: afterBuild.heapUsed,
    workerHeap: stats.heapUsed,
    indexStats: Object.values(stats.indexes)[0],
  };
}

/**
 * Typing as the validator sees it: bursts of keystrokes 120 ms apart (about 100 words a minute), a 300 ms debounce after the
 * last one, and the validator's early start for a slow file (src/editorWorker/prefetch.ts): the
 * time from the debounce firing to the result is what the user waits for after they stop typing.
 */
async function typingSimulation(index, file, edits, { bursts = Number(flag('bursts', 40)), keys = 5, intervalMs = 120, debounceMs = 300 } = {}) {
  const planner = new engine.PrefetchPlanner();
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const waited = [];
  let early = 0;
  let version = 10_000;
  let edit = 0;
  for (let burst = 0; burst < bursts; burst++) {
    let pending; // { version, reply }
    let earlyTimer;
    let fired;
    const done = new Promise((resolve) => (fired = resolve));
    let debounceTimer;
    for (let key = 0; key < keys; key++) {
      const current = ++version;
      const text = edits[edit++ % edits.length];
      clearTimeout(debounceTimer);
      clearTimeout(earlyTimer);
      pending = undefined;
      const startAfter = planner.startAfter('bench', debounceMs);
      if (startAfter !== undefined) earlyTimer = setTimeout(() => (pending = { version: current, reply: index.analyze(file, text, current) }), startAfter);
      debounceTimer = setTimeout(async () => {
        const firedAt = performance.now();
        const startedEarly = pending?.version === current;
        if (startedEarly) early++;
        const reply = await (startedEarly ? pending.reply : index.analyze(file, text, current));
        waited.push(performance.now() - firedAt);
        planner.record('bench', reply.workMs);
        fired();
      }, debounceMs);
      if (key < keys - 1) await sleep(intervalMs);
    }
    await done;
  }
  return { bursts, p50: percentile(waited, 50), p95: percentile(waited, 95), max: Math.max(...waited), startedEarly: early };
}

function printEditor(editor) {
  const { inProcess, worker } = editor;
  console.log(`editor, ${editor.lines}-line file, ${editor.edits} one-character edits, index of ${texts.size} files built and analysed:`);
  console.log(`  in-process:   p50 ${inProcess.p50.toFixed(1)} ms, p95 ${inProcess.p95.toFixed(1)} ms, max ${inProcess.max.toFixed(1)} ms (the calling thread is blocked for all of it); index heap ${mb(inProcess.indexHeap)}`);
  console.log(`  via the analysis worker: edit → result p50 ${worker.p50.toFixed(1)} ms, p95 ${worker.p95.toFixed(1)} ms, max ${worker.max.toFixed(1)} ms (worker's own work p50 ${worker.workP50.toFixed(1)}, p95 ${worker.workP95.toFixed(1)} ms)`);
  console.log(`    calling thread blocked per edit p50 ${worker.blockedP50.toFixed(2)} ms, p95 ${worker.blockedP95.toFixed(2)} ms, max ${worker.blockedMax.toFixed(2)} ms; longest event-loop delay ${worker.eventLoopDelayMax.toFixed(1)} ms`);
  if (worker.typing) console.log(`    typing (${worker.typing.bursts} bursts of 5 keys 120 ms apart, 300 ms debounce, slow files started early: ${worker.typing.startedEarly} of ${worker.typing.bursts}): debounce firing → result p50 ${worker.typing.p50.toFixed(1)} ms, p95 ${worker.typing.p95.toFixed(1)} ms, max ${worker.typing.max.toFixed(1)} ms`);
  console.log(`    worker heap after a full GC ${mb(worker.workerHeap)} (${JSON.stringify(worker.indexStats)}); index built and analysed in ${(worker.buildMs / 1000).toFixed(1)} s; process peak RSS ${mb(editor.rss)}`);
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
