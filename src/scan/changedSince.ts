// "Only what changed since branch X": the lines added or modified since the merge base of HEAD with
// a ref, committed or not, plus every line of untracked files; asked of the git in PATH.
import { execFileSync } from 'node:child_process';
import type { Span } from '../core/types';

export interface ChangedLines {
  ref: string;
  /** The merge base of HEAD and the ref (a commit id). */
  mergeBase: string;
  /** Path relative to the scanned directory (forward slashes) → changed 1-based lines, or 'all' for a new file. */
  files: Map<string, Set<number> | 'all'>;
}

export class GitError extends Error {}

/** Throws GitError: git missing, not a repository, unknown ref, no common history. */
export function changedLinesSince(directory: string, ref: string): ChangedLines {
  const git = gitRunner(directory);
  git(['rev-parse', '--show-toplevel'], (stderr) =>
    /not a git repository/i.test(stderr) ? `"${directory}" is not in a git repository (--changed-since needs one)` : undefined,
  );
  // A ref that starts with "-" would be read as an option; no branch or tag can be named so.
  if (!ref || ref.startsWith('-')) throw new GitError(`unknown git ref "${ref}"`);
  git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], () => 'the repository has no commit yet, so there is nothing to compare with');
  const target = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], () => `unknown git ref "${ref}"`).trim();
  const mergeBase = git(['merge-base', 'HEAD', target], () => `HEAD and "${ref}" have no common history`).trim();
  const diff = git([
    '-c', 'core.quotePath=false',
    'diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', '--find-renames', '--ignore-submodules',
    '--relative', '--src-prefix=a/', '--dst-prefix=b/', mergeBase, '--',
  ]);
  const files = parseUnifiedDiff(diff);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z']);
  for (const file of untracked.split('\0')) if (file) files.set(file, 'all');
  return { ref, mergeBase, files };
}

/** A finding is on changed lines when any line of its span (the whole sink call) was added or modified. */
export function touchesChangedLines(changes: ChangedLines, file: string, span: Span): boolean {
  const lines = changes.files.get(file);
  if (!lines) return false;
  if (lines === 'all') return true;
  for (let line = span.start.line; line <= span.end.line; line++) if (lines.has(line)) return true;
  return false;
}

/**
 * New-side line numbers of `+` lines per file of `git diff --unified=0`. Hunk bodies are consumed by
 * their counts, so an added line that itself reads "++ b/x" is never taken for a file header.
 */
export function parseUnifiedDiff(diff: string): Map<string, Set<number> | 'all'> {
  const files = new Map<string, Set<number> | 'all'>();
  const lines = diff.split('\n');
  let current: Set<number> | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line.startsWith('diff --git ')) {
      current = undefined;
    } else if (line.startsWith('+++ ')) {
      // Git ends the name with a tab when it contains a space.
      const target = line.slice(4).replace(/\t$/, '');
      if (target === '/dev/null') {
        current = undefined;
      } else {
        const file = unquoteGitPath(target).replace(/^b\//, '');
        current = new Set();
        files.set(file, current);
      }
    } else if (line.startsWith('@@ ')) {
      const match = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!match) continue;
      let oldLeft = match[1] === undefined ? 1 : Number(match[1]);
      let newLeft = match[3] === undefined ? 1 : Number(match[3]);
      let newLine = Number(match[2]);
      while ((oldLeft > 0 || newLeft > 0) && index + 1 < lines.length) {
        const body = lines[++index];
        if (body.startsWith('+')) {
          current?.add(newLine++);
          newLeft--;
        } else if (body.startsWith('-')) {
          oldLeft--;
        } else if (body.startsWith(' ')) {
          newLine++;
          oldLeft--;
          newLeft--;
        } else if (!body.startsWith('\\')) {
          index--; // a malformed hunk: let the outer loop read this line
          break;
        }
      }
    }
  }
  return files;
}

/** Git's C-style quoting of unusual paths: "a\"b\\c\303\251" → a"b\cé. */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const escapes: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  const body = text.slice(1, -1);
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[index + 1];
    if (/[0-7]/.test(next ?? '')) {
      bytes.push(parseInt(body.slice(index + 1, index + 4), 8));
      index += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

type Git = (args: string[], explain?: (stderr: string) => string | undefined) => string;

function gitRunner(directory: string): Git {
  return (args, explain) => {
    try {
      return execFileSync('git', ['-C', directory, '-c', 'core.fsmonitor=false', ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 512 * 1024 * 1024,
        // English messages to recognise; no lock taken on the index of someone's working tree.
        env: { ...process.env, LC_ALL: 'C', LANGUAGE: 'C', GIT_OPTIONAL_LOCKS: '0' },
      });
    } catch (error) {
      const failure = error as { code?: string; stderr?: string; status?: number };
      if (failure.code === 'ENOENT') throw new GitError('git is not installed or not in PATH (--changed-since needs it)');
      const stderr = String(failure.stderr ?? '').trim();
      const explained = explain?.(stderr);
      if (explained) throw new GitError(explained);
      throw new GitError(`git ${args.find((arg) => !arg.startsWith('-') && !arg.includes('=')) ?? ''} failed: ${stderr.split('\n')[0] || `exit ${failure.status}`}`);
    }
  };
}
