// The privacy-review command: argument parsing, exit codes 0/1/2, output files written atomically.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Severity } from '../core/findings';
import type { ReportContext } from '../report/context';
import { formatHtml } from '../report/html';
import { formatJson } from '../report/json';
import { formatMarkdown } from '../report/markdown';
import { formatSarif } from '../report/sarif';
import { formatText } from '../report/text';
import { baselineOf, formatBaseline, readBaseline } from '../scan/baseline';
import { changedLinesSince } from '../scan/changedSince';
import { reviewScan, type ReviewOptions } from '../scan/review';
import { CATALOG_FILE_NAME, CatalogError, findCatalog, type LoadedCatalog } from '../scan/catalogFile';
import { scanDirectory, scanDirectoryAsync, type ScanOptions, type ScanResult } from '../scan/scan';
import { abortError } from '../scan/pool';
import { catalogDrift, catalogExists, defaultCatalogPath, initialCatalogText } from './catalogCommands';
import { TOOL_VERSION } from '../version';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** 128 + SIGINT, as a shell reports a command stopped by Ctrl-C: the scan stopped and wrote no report. */
export const EXIT_INTERRUPTED = 130;

const FORMATS = ['text', 'json', 'sarif', 'html', 'markdown'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON = ['error', 'warning', 'info', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];

const USAGE = `Usage: privacy-review scan [dir] [options]
       privacy-review catalog init [dir] [--output FILE] [--force]
       privacy-review catalog check [dir] [options]

Finds personal data that is logged, stored or shared without a declared retention policy.
\`catalog init\` writes a starting privacy-catalog.json from a scan; \`catalog check\` validates the
catalog and reports drift between it and the code.

Options:
  --format FORMAT            text|json|sarif|html|markdown (default: text); html is one self-contained
                             file with a data map, markdown suits a pull-request comment
  --output FILE              write the report to FILE instead of standard output
  --catalog FILE             the data catalog (default: <dir>/privacy-catalog.json if present)
  --fail-on LEVEL            error|warning|info|none: exit 1 when a finding is at or above it (default: warning)
  --include GLOB             only scan files matching GLOB (repeatable)
  --exclude GLOB             do not scan files matching GLOB (repeatable)
  --max-file-size BYTES      skip larger files (default: 2097152)
  --sanitizer NAME           treat calls to NAME as a sanitizer (repeatable)
  --logger NAME              treat objects named NAME as loggers: their level methods (info, warn,
                             error …) write logs, e.g. a project's own wrapper (repeatable)
  --changed-since REF        only findings on lines added or modified since the merge base of HEAD
                             and REF (committed, uncommitted and untracked), using git from PATH
  --baseline FILE            findings recorded in FILE are listed but do not fail the run; entries
                             that match nothing any more are reported as stale
  --write-baseline FILE      record every current finding in FILE (then none of them fails the run)
  --no-excerpts              leave code out of html, sarif and json reports (for sharing); text and
                             markdown never quote code lines. Messages still name the expression
                             (e.g. req.ip, at most 60 characters)
  --no-color                 plain text output
  --cache, --cache=DIR       remember results of unchanged files between runs (default: on when
                             <dir>/node_modules exists, in <dir>/node_modules/.cache/privacy-review)
  --no-cache                 neither read nor write the cache
  --jobs N                   analyse on N worker threads (default: auto, by the tree's size and cores)
  --no-precheck              parse every file, even those whose text shows they hold no finding
  --force                    catalog init: overwrite an existing catalog
  -h, --help                 show this help
  -v, --version              show the version

Skipped files are listed with the reason (unreadable, too large, minified, binary, does not parse,
too deeply nested, analysis budget exceeded). The pre-check does not parse a file whose text has
no personal-data word and no sink word, so its syntax errors are not reported; --no-precheck
parses, and reports, every file.

Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage or catalog error (the reason on
one line of stderr), 130 interrupted (SIGINT/SIGTERM: the scan stops, no report file is written).`;

export class UsageError extends Error {}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  /** Aborted on SIGINT/SIGTERM by the executable: the scan stops between files and nothing is written. */
  signal?: AbortSignal;
}

/** Runs the command in this thread (no worker pool): for tests and embedding. */
export function runCli(argv: string[], io: CliIo): number {
  try {
    const code = run(argv, io, scanDirectory);
    if (typeof code !== 'number') throw new Error('a synchronous scan returned a promise');
    return code;
  } catch (error) {
    return failure(error, io);
  }
}

/** Runs the command as the executable does: the scan may use worker threads (--jobs). */
export async function runCliAsync(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io, async (root, options) => {
      const result = await scanDirectoryAsync(root, { ...options, jobs: jobsOption(argv), signal: io.signal });
      // A signal that came while the scan ran without a turn of the event loop is handled here, before any report is written.
      await new Promise((resolve) => setImmediate(resolve));
      if (io.signal?.aborted) throw abortError();
      return result;
    });
  } catch (error) {
    return failure(error, io);
  }
}

function failure(error: unknown, io: CliIo): number {
  if (io.signal?.aborted && (error as { name?: string }).name === 'AbortError') {
    io.stderr('privacy-review: interrupted; no report written\n');
    return EXIT_INTERRUPTED;
  }
  if (error instanceof UsageError) {
    io.stderr(`privacy-review: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`privacy-review: ${message.split('\n')[0]}\n`);
  return EXIT_USAGE;
}

type Scanner = (root: string, options: ScanOptions) => ScanResult | Promise<ScanResult>;

/** Continues with the scan's result, synchronously when the scan was. */
function after(result: ScanResult | Promise<ScanResult>, next: (result: ScanResult) => number): number | Promise<number> {
  return result instanceof Promise ? result.then(next) : next(result);
}

function jobsOption(argv: string[]): number | 'auto' {
  const value = parseCliArgs(argv).values.jobs;
  return value === undefined || value === 'auto' ? 'auto' : nonNegativeInteger(value, '--jobs');
}

function nonNegativeInteger(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new UsageError(`${flag} must be a whole number, 0 or more, or "auto" (got "${value}")`);
  return number;
}

/** `--cache=DIR` is the one way to give the cache a directory (a bare `--cache DIR` would read DIR as the scanned folder). */
function splitCacheDirectory(argv: string[]): string[] {
  return argv.flatMap((arg) => (arg.startsWith('--cache=') ? ['--cache-dir', arg.slice('--cache='.length)] : [arg]));
}

function parseCliArgs(argv: string[]) {
  return parseArgs({
    args: splitCacheDirectory(argv),
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      output: { type: 'string', short: 'o' },
      catalog: { type: 'string' },
      'fail-on': { type: 'string', default: 'warning' },
      include: { type: 'string', multiple: true },
      exclude: { type: 'string', multiple: true },
      'max-file-size': { type: 'string' },
      sanitizer: { type: 'string', multiple: true },
      logger: { type: 'string', multiple: true },
      'changed-since': { type: 'string' },
      baseline: { type: 'string' },
      'write-baseline': { type: 'string' },
      'no-excerpts': { type: 'boolean', default: false },
      'no-color': { type: 'boolean', default: false },
      cache: { type: 'boolean', default: false },
      'cache-dir': { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      jobs: { type: 'string' },
      'no-precheck': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
}

function run(argv: string[], io: CliIo, scan: Scanner): number | Promise<number> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  // Checked here too, so the in-thread runner (which has no workers) refuses a bad value as the executable does.
  if (values.jobs !== undefined && values.jobs !== 'auto') nonNegativeInteger(values.jobs, '--jobs');
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (values.version) {
    io.stdout(`${TOOL_VERSION}\n`);
    return EXIT_OK;
  }
  const [command, ...rest] = positionals;
  if (command === 'catalog') return runCatalog(rest, values, io, scan);
  if (command !== 'scan') throw new UsageError(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
  const [directory = '.', ...extra] = rest;
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const format = oneOf(values.format, FORMATS, '--format');
  const failOn = oneOf(values['fail-on'], FAIL_ON, '--fail-on');
  const root = readableDirectory(directory);
  const catalog = loadCatalogOrFail(root, values.catalog);
  const writeBaseline = values['write-baseline'];
  if (writeBaseline !== undefined && (values.baseline !== undefined || values['changed-since'] !== undefined)) {
    throw new UsageError('--write-baseline records every finding; it cannot be combined with --baseline or --changed-since');
  }
  // Git and the baseline are checked before the scan, so a wrong ref or file fails fast.
  const review: ReviewOptions = {
    changed: values['changed-since'] === undefined ? undefined : changedLinesSince(root, values['changed-since']),
    baseline: values.baseline === undefined ? undefined : { file: values.baseline, content: readBaseline(values.baseline) },
  };
  return after(scan(root, scanOptions(values, catalog)), (result) => {
    if (writeBaseline !== undefined) {
      writeAtomically(writeBaseline, formatBaseline(result.findings));
      io.stderr(`Wrote ${writeBaseline}: ${result.findings.length} finding(s) baselined.\n`);
      review.baseline = { file: writeBaseline, content: baselineOf(result.findings) };
    }
    const reviewed = reviewScan(result, review);
    return emit(reviewed.result, format, failOn, values, io, { ...reviewed.context, catalog, excerpts: !values['no-excerpts'] });
  });
}

type Values = ReturnType<typeof parseCliArgs>['values'];

function runCatalog(args: string[], values: Values, io: CliIo, scan: Scanner): number | Promise<number> {
  const [action, directory = '.', ...extra] = args;
  if (action !== 'init' && action !== 'check') throw new UsageError(`catalog needs "init" or "check"\n${USAGE}`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const root = readableDirectory(directory);
  if (action === 'init') {
    const target = path.resolve(values.output ?? values.catalog ?? defaultCatalogPath(root));
    if (catalogExists(target) && !values.force) throw new UsageError(`${path.relative(process.cwd(), target) || target} already exists (use --force to overwrite)`);
    return after(scan(root, scanOptions(values, undefined)), (result) => {
      writeAtomically(target, initialCatalogText(result));
      const categories = new Set(result.dataFlows.map((flow) => flow.category));
      io.stdout(`Wrote ${path.relative(process.cwd(), target) || target}: ${categories.size} categor${categories.size === 1 ? 'y' : 'ies'} from ${result.filesScanned} files. Decide each "undecided" retention, then run: privacy-review catalog check ${directory}\n`);
      return EXIT_OK;
    });
  }
  const format = oneOf(values.format, FORMATS, '--format');
  const failOn = oneOf(values['fail-on'], FAIL_ON, '--fail-on');
  const catalog = loadCatalogOrFail(root, values.catalog);
  if (!catalog) throw new UsageError(`no ${CATALOG_FILE_NAME} in ${directory} (write one with: privacy-review catalog init ${directory})`);
  return after(scan(root, scanOptions(values, catalog)), (result) => {
    const overMaximum = result.findings.filter((finding) => finding.file === result.catalogPath);
    return emit({ ...result, findings: [...overMaximum, ...catalogDrift(result, catalog)] }, format, failOn, values, io, { catalog, excerpts: !values['no-excerpts'] });
  });
}

function scanOptions(values: Values, catalog: LoadedCatalog | undefined): ScanOptions {
  return {
    include: values.include,
    exclude: values.exclude,
    sanitizers: values.sanitizer,
    loggerNames: values.logger,
    maxFileBytes: values['max-file-size'] === undefined ? undefined : positiveInteger(values['max-file-size'], '--max-file-size'),
    catalog,
    precheck: !values['no-precheck'],
    // On where the project keeps tool caches (node_modules exists), or wherever --cache says; off with --no-cache.
    useCache: values['no-cache'] ? 'never' : values.cache || values['cache-dir'] !== undefined ? 'always' : 'if-node-modules',
    cacheDirectory: values['cache-dir'] === undefined ? undefined : path.resolve(values['cache-dir']),
  };
}

function emit(result: ScanResult, format: Format, failOn: FailOn, values: Values, io: CliIo, context: ReportContext = {}): number {
  const report = render(result, format, !values['no-color'] && io.isTty && !values.output, context);
  if (values.output) writeAtomically(values.output, report);
  else io.stdout(report);
  return failingCount(result, failOn) > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function loadCatalogOrFail(root: string, explicit: string | undefined): LoadedCatalog | undefined {
  // A named pipe called privacy-catalog.json would block the read forever: only a regular file is read.
  const catalogPath = explicit === undefined ? path.join(root, CATALOG_FILE_NAME) : path.resolve(explicit);
  const stats = fs.statSync(catalogPath, { throwIfNoEntry: false });
  if (stats && !stats.isFile()) throw new UsageError(`invalid catalog: ${explicit ?? path.relative(process.cwd(), catalogPath)} is not a regular file`);
  try {
    return findCatalog(root, explicit);
  } catch (error) {
    if (error instanceof CatalogError) throw new UsageError(`invalid catalog (${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}):\n${error.message}`);
    throw error;
  }
}

function render(result: ScanResult, format: Format, color: boolean, context: ReportContext): string {
  if (format === 'json') return formatJson(result, context);
  if (format === 'sarif') return formatSarif(result, context);
  if (format === 'html') return formatHtml(result, context);
  if (format === 'markdown') return formatMarkdown(result, context);
  return formatText(result, { color, baseline: context.baseline, changedSince: context.changedSince });
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function failingCount(result: ScanResult, failOn: FailOn): number {
  if (failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[failOn];
  return result.findings.filter((finding) => SEVERITY_RANK[finding.severity] >= threshold).length;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T {
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function positiveInteger(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new UsageError(`${flag} must be a positive whole number of bytes (got "${value}")`);
  return number;
}

function readableDirectory(given: string): string {
  const root = path.resolve(given);
  let stats: fs.Stats;
  try {
    stats = fs.statSync(root);
  } catch {
    throw new UsageError(`cannot read "${given}": no such directory`);
  }
  if (!stats.isDirectory()) throw new UsageError(`"${given}" is not a directory`);
  try {
    fs.readdirSync(root);
  } catch (error) {
    throw new UsageError(`cannot read "${given}": ${(error as { code?: string }).code ?? 'permission denied'}`);
  }
  return root;
}

/** Temp file then rename: a crash never leaves a truncated report for a CI step to upload. */
export function writeAtomically(file: string, content: string): void {
  const target = path.resolve(file);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new UsageError(`cannot write "${file}": ${(error as { code?: string }).code ?? String(error)}`);
  }
}

/** The command line: src/cli/launch.ts calls it (with a V8 code cache); `node dist/cli-main.js` runs it too. */
export function main(): void {
  // The first SIGINT/SIGTERM stops the scan between two files (workers are terminated, no report or
  // cache is written); a second one exits at once.
  const interrupt = new AbortController();
  const onSignal = () => {
    if (interrupt.signal.aborted) process.exit(EXIT_INTERRUPTED);
    interrupt.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  void runCliAsync(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY),
    signal: interrupt.signal,
  }).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) main();
