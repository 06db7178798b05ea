// Temporary projects (and git repositories) for CLI tests, and an in-process CLI runner.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';

export type Files = Record<string, string>;
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const temporaryDirectories: string[] = [];
after(() => {
  for (const directory of temporaryDirectories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
});

export function temporaryDirectory(prefix = 'privacy-review-test-'): string {
  // realpath: on some systems the temp dir is a symlink, and git reports resolved paths.
  const directory = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  temporaryDirectories.push(directory);
  return directory;
}

export function writeFiles(root: string, files: Files): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
}

export function project(files: Files, prefix?: string): string {
  const root = temporaryDirectory(prefix);
  writeFiles(root, files);
  return root;
}

export function cli(...argv: string[]): CliRun {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTty: false });
  return { code, stdout, stderr };
}

export interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  category?: string;
  sinkKind?: string;
  message: string;
}
export interface JsonReport {
  findings: JsonFinding[];
  baseline?: { file: string; baselined: JsonFinding[]; stale: { fingerprint: string; ruleId: string; file: string; category?: string; line: number }[] };
}

/** `scan --format json`, asserting it ran (exit 0 or 1). */
export function scanJson(root: string, ...flags: string[]): JsonReport & { code: number; stderr: string } {
  const run = cli('scan', root, '--format', 'json', ...flags);
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
  return { ...(JSON.parse(run.stdout) as JsonReport), code: run.code, stderr: run.stderr };
}

export const where = (findings: JsonFinding[]) => findings.map((finding) => `${finding.file}:${finding.line} ${finding.category ?? finding.ruleId}`);

/** git with a fixed identity and no user or system configuration, so tests behave the same everywhere. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: os.devNull,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.invalid',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.invalid',
    },
  });
}

/** A repository with one commit on `main` holding `files`. */
export function gitRepository(files: Files): string {
  const root = project(files, 'privacy-review-git-');
  git(root, 'init', '--quiet', '--initial-branch=main');
  git(root, 'add', '--all');
  git(root, 'commit', '--quiet', '--no-gpg-sign', '-m', 'initial');
  return root;
}

/** An ES module of the repository's scripts (the bench's generator and profile split): tsc would turn import() into require(). */
export const importEsModule = new Function('specifier', 'return import(specifier)') as <Module>(specifier: string) => Promise<Module>;
