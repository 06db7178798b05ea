#!/usr/bin/env node
// Accuracy of the Privacy Review engine against the labeled corpus.
//
//   node scripts/accuracy.mjs [--check] [--corpus DIR] [--min 0.95] [--json] [--labels]
//
// Labels live in the corpus sources as trailing comments on the line where a sink call
// expression starts:
//   logger.info(user.email);          // expect: email/log
//   prisma.user.create({ ... });      // expect: email/storage phone_number/storage
//   logger.info('started');           // expect: none
//   logger.info(customer);            // expect-crossfile: email/log
// Optional free text may follow ` -- `:  // expect: none -- masked before logging
//
// A finding that matches a positive label (file, line, category, sinkKind) is a true positive;
// a positive label without a matching finding is a false negative; every other counted finding
// (on a `none` line, an unlabeled line, or with another category/sink) is a false positive.
// `expect-crossfile:` labels are reported separately and are not part of the main numbers.
//
// Each project folder of the corpus (a direct subfolder) is scanned on its own, so the
// privacy-catalog.json at its root applies to it alone; findings are merged with the folder
// prefixed to their file. A corpus folder that is itself a project (it has a package.json or a
// privacy-catalog.json) is scanned whole. Custom categories of a project's catalog are valid in
// its labels; `forbidden-sink` findings count for their (category, sink kind).
//
// Exit codes: 0 ok, 1 --check failed, 2 usage/build/CLI/label error.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

const CATEGORIES = [
  'ip_address', 'payment_card', 'phone_number', 'email', 'person_name', 'postal_address',
  'device_id', 'username', 'precise_location', 'government_id', 'date_of_birth', 'bank_account',
];
const SINK_KINDS = ['log', 'storage', 'third-party'];
const COUNTED_RULES = new Set([
  'personal-data-logged', 'personal-data-stored', 'personal-data-shared', 'forbidden-sink',
]);
const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts']);
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);
const LABEL_RE = /\/\/\s*expect(-crossfile)?:\s*(.*)$/;
const CATALOG_FILE = 'privacy-catalog.json';
const PROJECT_MARKERS = ['package.json', CATALOG_FILE];

// ---------------------------------------------------------------- arguments

function usage(message) {
  if (message) process.stderr.write(`accuracy: ${message}\n`);
  process.stderr.write(
    'usage: node scripts/accuracy.mjs [--check] [--corpus DIR] [--min 0.95] [--json] [--labels]\n' +
      '  --check        exit 1 if overall recall or precision is below --min\n' +
      '  --corpus DIR   labeled corpus (default: test/fixtures/corpus)\n' +
      '  --min N        threshold for --check, 0..1 (default: 0.95)\n' +
      '  --json         print the numbers as JSON\n' +
      '  --labels       only parse the labels, print their counts and exit (no CLI run)\n',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { check: false, json: false, labels: false, corpus: null, min: 0.95 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) usage(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--check': opts.check = true; break;
      case '--json': opts.json = true; break;
      case '--labels': opts.labels = true; break;
      case '--corpus': opts.corpus = value(); break;
      case '--min': {
        const raw = value();
        const n = Number(raw);
        if (!Number.isFinite(n) || n < 0 || n > 1) usage(`--min must be a number between 0 and 1, got "${raw}"`);
        opts.min = n;
        break;
      }
      case '--help': case '-h': usage(); break;
      default: usage(`unknown argument "${arg}"`);
    }
  }
  opts.corpus = opts.corpus ? path.resolve(process.cwd(), opts.corpus) : path.join(REPO_ROOT, 'test', 'fixtures', 'corpus');
  return opts;
}

// ---------------------------------------------------------------- projects

/**
 * The folders scanned one by one, relative to the corpus ('' = the corpus itself), sorted.
 * Loose source files at the corpus root are scanned in a run of their own that excludes the projects.
 */
function findProjects(corpusDir) {
  if (PROJECT_MARKERS.some((marker) => fs.existsSync(path.join(corpusDir, marker)))) return { projects: [''], looseFiles: false };
  const entries = fs.readdirSync(corpusDir, { withFileTypes: true });
  const projects = entries
    .filter((entry) => entry.isDirectory() && !SKIP_DIRS.has(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  const looseFiles = entries.some((entry) => entry.isFile() && SOURCE_EXTENSIONS.has(path.extname(entry.name)));
  return { projects, looseFiles };
}

const projectOf = (file, projects) => projects.find((project) => project && file.startsWith(`${project}/`)) ?? '';

/** Category ids a project's catalog adds; an unreadable catalog is a label error, not a crash. */
function catalogCategories(corpusDir, project, errors) {
  const file = path.join(corpusDir, project, CATALOG_FILE);
  if (!fs.existsSync(file)) return [];
  const { parse, printParseErrorCode } = createRequire(import.meta.url)('jsonc-parser');
  const parseErrors = [];
  const catalog = parse(fs.readFileSync(file, 'utf8'), parseErrors, { allowTrailingComma: true });
  const where = toPosix(path.join(project, CATALOG_FILE));
  if (parseErrors.length) {
    errors.push(`${where}: ${printParseErrorCode(parseErrors[0].error)} at offset ${parseErrors[0].offset}`);
    return [];
  }
  return (Array.isArray(catalog?.categories) ? catalog.categories : []).map((category) => category?.id).filter((id) => typeof id === 'string');
}

// ---------------------------------------------------------------- labels

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(path.join(dir, entry.name), out);
    } else if (entry.isFile() && SOURCE_EXTENSIONS.has(path.extname(entry.name))) {
      out.push(path.join(dir, entry.name));
    }
  }
  return out;
}

const toPosix = (p) => p.split(path.sep).join('/');
const keyOf = (file, line, category, sinkKind) => `${file}\u0000${line}\u0000${category}\u0000${sinkKind}`;

/**
 * @returns {{ files: number, lines: number, positives: Label[], negatives: {file,line}[],
 *             crossfile: Label[], errors: string[] }}
 */
function collectLabels(corpusDir, projects) {
  const result = { files: 0, lines: 0, positives: [], negatives: [], crossfile: [], errors: [], categories: [...CATEGORIES] };
  const categoriesOf = new Map();
  for (const project of projects) {
    const custom = catalogCategories(corpusDir, project, result.errors);
    categoriesOf.set(project, new Set([...CATEGORIES, ...custom]));
    for (const id of custom) if (!result.categories.includes(id)) result.categories.push(id);
  }
  for (const abs of walk(corpusDir)) {
    const file = toPosix(path.relative(corpusDir, abs));
    const known = categoriesOf.get(projectOf(file, projects)) ?? new Set(CATEGORIES);
    const lines = fs.readFileSync(abs, 'utf8').split(/\r?\n/);
    result.files++;
    result.lines += lines.length;
    lines.forEach((text, index) => {
      const match = LABEL_RE.exec(text);
      if (!match) return;
      const line = index + 1;
      const where = `${file}:${line}`;
      const crossfile = Boolean(match[1]);
      const body = match[2].split(/\s--\s|\s--$/)[0].trim();
      const tokens = body.split(/\s+/).filter(Boolean);
      if (tokens.length === 0) {
        result.errors.push(`${where}: empty label`);
        return;
      }
      if (tokens.includes('none')) {
        if (tokens.length > 1) result.errors.push(`${where}: "none" cannot be combined with other labels`);
        else if (crossfile) result.errors.push(`${where}: "expect-crossfile: none" is meaningless, use "expect: none"`);
        else result.negatives.push({ file, line });
        return;
      }
      const seen = new Set();
      for (const token of tokens) {
        const [category, sinkKind, ...extra] = token.split('/');
        if (extra.length || !category || !sinkKind) {
          result.errors.push(`${where}: malformed label "${token}" (want category/sinkKind)`);
          continue;
        }
        if (!known.has(category)) result.errors.push(`${where}: unknown category "${category}"`);
        if (!SINK_KINDS.includes(sinkKind)) result.errors.push(`${where}: unknown sink kind "${sinkKind}"`);
        if (seen.has(token)) result.errors.push(`${where}: duplicate label "${token}"`);
        seen.add(token);
        (crossfile ? result.crossfile : result.positives).push({ file, line, category, sinkKind });
      }
    });
  }
  return result;
}

// ---------------------------------------------------------------- engine run

function fail(message) {
  process.stderr.write(`accuracy: ${message}\n`);
  process.exit(2);
}

function runCli(projectDir, extraArgs = []) {
  if (!fs.existsSync(CLI)) fail(`${path.relative(process.cwd(), CLI) || CLI} not found — run npm run build first`);
  const proc = spawnSync(process.execPath, [CLI, 'scan', projectDir, '--format', 'json', ...extraArgs], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (proc.error) fail(`could not run ${CLI}: ${proc.error.message}`);
  if (proc.status !== 0 && proc.status !== 1) {
    if (proc.stderr) process.stderr.write(proc.stderr.endsWith('\n') ? proc.stderr : `${proc.stderr}\n`);
    fail(proc.status === null ? `CLI killed by ${proc.signal}` : `CLI exited with ${proc.status}`);
  }
  let report;
  try {
    report = JSON.parse(proc.stdout);
  } catch (err) {
    if (proc.stderr) process.stderr.write(proc.stderr);
    fail(`CLI output is not JSON (${err.message}); first bytes: ${JSON.stringify(proc.stdout.slice(0, 200))}`);
  }
  if (!report || !Array.isArray(report.findings)) fail('CLI JSON has no "findings" array');
  return report;
}

/** One CLI run per project, merged into one report whose files are relative to the corpus. */
function scanCorpus(corpusDir, { projects, looseFiles }) {
  const merged = { findings: [], skipped: [] };
  const runs = projects.map((project) => ({ project, dir: path.join(corpusDir, project), args: [] }));
  if (looseFiles) runs.push({ project: '', dir: corpusDir, args: projects.flatMap((project) => ['--exclude', `${project}/**`]) });
  for (const { project, dir, args } of runs) {
    const report = runCli(dir, args);
    const prefix = (file) => {
      const relative = normalizeFile(file, dir);
      return project ? `${project}/${relative}` : relative;
    };
    for (const finding of report.findings) merged.findings.push({ ...finding, file: prefix(finding.file) });
    for (const skipped of Array.isArray(report.skipped) ? report.skipped : []) merged.skipped.push({ ...skipped, file: prefix(skipped.file) });
  }
  return merged;
}

function normalizeFile(file, corpusDir) {
  let f = String(file ?? '');
  if (f.startsWith('file://')) f = fileURLToPath(f);
  if (path.isAbsolute(f)) f = path.relative(corpusDir, f);
  f = f.replace(/\\/g, '/');
  while (f.startsWith('./')) f = f.slice(2);
  return f;
}

function ruleName(ruleId) {
  const id = String(ruleId ?? '');
  return id.slice(id.lastIndexOf('/') + 1);
}

// ---------------------------------------------------------------- scoring

const ratio = (num, den) => (den === 0 ? 1 : num / den);
const emptyCell = () => ({ tp: 0, fp: 0, fn: 0 });
const finish = (c) => ({ ...c, recall: ratio(c.tp, c.tp + c.fn), precision: ratio(c.tp, c.tp + c.fp) });

function score(labels, report, corpusDir) {
  const positives = new Map(labels.positives.map((l) => [keyOf(l.file, l.line, l.category, l.sinkKind), l]));
  const crossfile = new Map(labels.crossfile.map((l) => [keyOf(l.file, l.line, l.category, l.sinkKind), l]));
  const negativeLines = new Set(labels.negatives.map((n) => `${n.file}:${n.line}`));
  const matched = new Set();
  const crossFound = new Set();
  const falsePositives = [];
  let ignored = 0;

  for (const f of report.findings) {
    if (!COUNTED_RULES.has(ruleName(f.ruleId)) || f.suppressed === true) {
      ignored++;
      continue;
    }
    const file = normalizeFile(f.file, corpusDir);
    const line = Number(f.line);
    const category = String(f.category);
    const sinkKind = String(f.sinkKind);
    const key = keyOf(file, line, category, sinkKind);
    if (positives.has(key) && !matched.has(key)) {
      matched.add(key);
    } else if (crossfile.has(key)) {
      crossFound.add(key);
    } else {
      const where = `${file}:${line}`;
      const note = positives.has(key) ? 'duplicate finding' : negativeLines.has(where) ? 'labeled none' : labelNote(labels, file, line);
      falsePositives.push({ file, line, category, sinkKind, ruleId: f.ruleId, note });
    }
  }

  const overall = emptyCell();
  const byCategory = Object.fromEntries(labels.categories.map((c) => [c, emptyCell()]));
  const bySink = Object.fromEntries(SINK_KINDS.map((s) => [s, emptyCell()]));
  const cell = (table, k) => (table[k] ??= emptyCell());
  const falseNegatives = [];

  for (const [key, l] of positives) {
    const hit = matched.has(key);
    for (const c of [overall, cell(byCategory, l.category), cell(bySink, l.sinkKind)]) c[hit ? 'tp' : 'fn']++;
    if (!hit) falseNegatives.push(l);
  }
  for (const fp of falsePositives) {
    for (const c of [overall, cell(byCategory, fp.category), cell(bySink, fp.sinkKind)]) c.fp++;
  }

  const byLine = (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.category.localeCompare(b.category);
  falseNegatives.sort(byLine);
  falsePositives.sort(byLine);

  const crossList = [...crossfile].map(([key, l]) => ({ ...l, found: crossFound.has(key) })).sort(byLine);
  const skipped = Array.isArray(report.skipped)
    ? report.skipped.map((s) => ({ file: normalizeFile(s.file, corpusDir), reason: String(s.reason ?? '') }))
    : [];

  return {
    overall: finish(overall),
    byCategory: Object.fromEntries(Object.entries(byCategory).map(([k, v]) => [k, finish(v)])),
    bySink: Object.fromEntries(Object.entries(bySink).map(([k, v]) => [k, finish(v)])),
    falseNegatives,
    falsePositives,
    crossfile: {
      found: crossList.filter((c) => c.found).length,
      missed: crossList.filter((c) => !c.found).length,
      labels: crossList,
    },
    ignoredFindings: ignored,
    skipped,
  };
}

function labelNote(labels, file, line) {
  const onLine = labels.positives.filter((l) => l.file === file && l.line === line);
  if (onLine.length) return `line expects ${onLine.map((l) => `${l.category}/${l.sinkKind}`).join(' ')}`;
  if (labels.crossfile.some((l) => l.file === file && l.line === line)) return 'line has only crossfile labels';
  return 'unlabeled line';
}

// ---------------------------------------------------------------- output

const pct = (x) => `${(x * 100).toFixed(1)}%`;

function table(rows, headers) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const fmt = (r) => r.map((v, i) => (i === 0 ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i]))).join('  ');
  return [fmt(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

function labelSummary(labels) {
  const byCategory = Object.fromEntries(labels.categories.map((c) => [c, Object.fromEntries(SINK_KINDS.map((s) => [s, 0]))]));
  for (const l of labels.positives) byCategory[l.category][l.sinkKind]++;
  const bySink = Object.fromEntries(SINK_KINDS.map((s) => [s, labels.positives.filter((l) => l.sinkKind === s).length]));
  const positiveLines = new Set(labels.positives.map((l) => `${l.file}:${l.line}`)).size;
  const crossLines = new Set(labels.crossfile.map((l) => `${l.file}:${l.line}`)).size;
  return {
    corpus: { files: labels.files, lines: labels.lines },
    labeledSinkCalls: positiveLines + labels.negatives.length,
    positiveSinkCalls: positiveLines,
    positives: labels.positives.length,
    negatives: labels.negatives.length,
    crossfile: labels.crossfile.length,
    crossfileSinkCalls: crossLines,
    byCategory,
    bySink,
  };
}

function header(summary, corpusDir) {
  return [
    `Privacy Review accuracy — corpus ${toPosix(path.relative(process.cwd(), corpusDir)) || '.'}`,
    `corpus: ${summary.corpus.files} files, ${summary.corpus.lines} lines; ` +
      `labeled sink calls: ${summary.labeledSinkCalls} (${summary.positiveSinkCalls} positive, ${summary.negatives} none)`,
    `labels: ${summary.positives} positive (category, sink) pairs, ${summary.negatives} negatives, ` +
      `${summary.crossfile} crossfile pairs on ${summary.crossfileSinkCalls} calls (tracked separately)`,
  ].join('\n');
}

function printLabels(summary, corpusDir) {
  const lines = [header(summary, corpusDir), ''];
  const rows = Object.keys(summary.byCategory).map((c) => [c, ...SINK_KINDS.map((s) => summary.byCategory[c][s]), SINK_KINDS.reduce((n, s) => n + summary.byCategory[c][s], 0)]);
  rows.push(['total', ...SINK_KINDS.map((s) => summary.bySink[s]), summary.positives]);
  lines.push('positive labels by category and sink kind:', table(rows, ['category', ...SINK_KINDS, 'total']));
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printReport(summary, result, opts) {
  const out = [header(summary, opts.corpus), ''];
  const o = result.overall;
  out.push(
    table([['overall', o.tp, o.fp, o.fn, pct(o.recall), pct(o.precision)]], ['', 'TP', 'FP', 'FN', 'recall', 'precision']),
    '',
    'by category:',
    table(
      Object.entries(result.byCategory).map(([k, c]) => [k, c.tp, c.fp, c.fn, pct(c.recall), pct(c.precision)]),
      ['category', 'TP', 'FP', 'FN', 'recall', 'precision'],
    ),
    '',
    'by sink kind:',
    table(
      Object.entries(result.bySink).map(([k, c]) => [k, c.tp, c.fp, c.fn, pct(c.recall), pct(c.precision)]),
      ['sink', 'TP', 'FP', 'FN', 'recall', 'precision'],
    ),
    '',
  );
  out.push(`false negatives (${result.falseNegatives.length}):`);
  for (const l of result.falseNegatives) out.push(`  ${l.file}:${l.line} ${l.category}/${l.sinkKind}`);
  out.push(`false positives (${result.falsePositives.length}):`);
  for (const f of result.falsePositives) out.push(`  ${f.file}:${f.line} ${f.category}/${f.sinkKind}  [${f.ruleId}; ${f.note}]`);
  out.push('', `crossfile (not in the numbers above): ${result.crossfile.found} found, ${result.crossfile.missed} missed`);
  for (const c of result.crossfile.labels) out.push(`  ${c.found ? 'found ' : 'missed'} ${c.file}:${c.line} ${c.category}/${c.sinkKind}`);
  if (result.skipped.length) {
    out.push('', `skipped by the engine (${result.skipped.length}) — their labels count as false negatives:`);
    for (const s of result.skipped) out.push(`  ${s.file}: ${s.reason}`);
  }
  if (result.ignoredFindings) out.push('', `(${result.ignoredFindings} findings of other rules or suppressed were not counted)`);
  if (opts.check) {
    const ok = o.recall >= opts.min && o.precision >= opts.min;
    out.push('', `check: recall ${pct(o.recall)}, precision ${pct(o.precision)}, minimum ${pct(opts.min)} — ${ok ? 'PASS' : 'FAIL'}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

// ---------------------------------------------------------------- main

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(opts.corpus) || !fs.statSync(opts.corpus).isDirectory()) fail(`corpus directory not found: ${opts.corpus}`);

  const layout = findProjects(opts.corpus);
  const labels = collectLabels(opts.corpus, layout.projects);
  if (labels.errors.length) {
    process.stderr.write(`accuracy: ${labels.errors.length} malformed label(s):\n${labels.errors.map((e) => `  ${e}`).join('\n')}\n`);
    process.exit(2);
  }
  const summary = labelSummary(labels);

  if (opts.labels) {
    if (opts.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else printLabels(summary, opts.corpus);
    process.exit(0);
  }

  const report = scanCorpus(opts.corpus, layout);
  const result = score(labels, report, opts.corpus);
  const passed = result.overall.recall >= opts.min && result.overall.precision >= opts.min;

  if (opts.json) {
    const { labels: crossLabels, ...crossCounts } = result.crossfile;
    process.stdout.write(
      `${JSON.stringify(
        {
          corpus: summary.corpus,
          labels: {
            labeledSinkCalls: summary.labeledSinkCalls,
            positiveSinkCalls: summary.positiveSinkCalls,
            positives: summary.positives,
            negatives: summary.negatives,
            crossfile: summary.crossfile,
          },
          overall: result.overall,
          byCategory: result.byCategory,
          bySink: result.bySink,
          falseNegatives: result.falseNegatives,
          falsePositives: result.falsePositives,
          crossfile: { ...crossCounts, missedLabels: crossLabels.filter((c) => !c.found) },
          skipped: result.skipped,
          ignoredFindings: result.ignoredFindings,
          check: opts.check ? { min: opts.min, passed } : undefined,
        },
        null,
        2,
      )}\n`,
    );
  } else {
    printReport(summary, result, opts);
  }
  process.exit(opts.check && !passed ? 1 : 0);
}

main();
