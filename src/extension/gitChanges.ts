// What changed since a branch, read from the git in PATH without blocking the extension host:
// the lines added or modified since the merge base with the ref (committed, staged and in the
// working tree), and untracked files as wholly new.
import { execFile } from 'node:child_process';

/** Path relative to the folder (forward slashes) → the 1-based lines that changed, or 'all'. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

export class GitError extends Error {}

const MAX_OUTPUT = 256 * 1024 * 1024;

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.quotePath=false', ...args],
      { cwd, maxBuffer: MAX_OUTPUT, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new GitError('git was not found in PATH'));
        reject(new GitError((stderr || error.message).trim()));
      },
    );
  });
}

export async function isGitRepository(folderPath: string): Promise<boolean> {
  try {
    return (await git(folderPath, ['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch (error) {
    if (error instanceof GitError && error.message.startsWith('git was not found')) throw error;
    return false;
  }
}

export interface Branch {
  name: string;
  current: boolean;
  remote: boolean;
}

/** Local branches first (the current one on top), then remote-tracking ones; no `origin/HEAD`. */
export async function listBranches(folderPath: string): Promise<Branch[]> {
  const output = await git(folderPath, ['branch', '--all', '--format=%(HEAD)%00%(refname)%00%(refname:short)']);
  const branches: Branch[] = [];
  for (const line of output.split('\n')) {
    const [head, full, short] = line.split('\0');
    if (!full || !short || !full.startsWith('refs/') || full.endsWith('/HEAD')) continue;
    branches.push({ name: short, current: head === '*', remote: full.startsWith('refs/remotes/') });
  }
  return branches.sort((a, b) => Number(b.current) - Number(a.current) || Number(a.remote) - Number(b.remote) || a.name.localeCompare(b.name));
}

/** Lines added or modified since the merge base of `ref` and HEAD, including uncommitted work. */
export async function changedLinesSince(folderPath: string, ref: string): Promise<ChangedLines> {
  if (!(await isGitRepository(folderPath))) throw new GitError('not a git repository');
  try {
    await git(folderPath, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  } catch {
    throw new GitError(`unknown ref "${ref}"`);
  }
  let base: string;
  try {
    base = (await git(folderPath, ['merge-base', '--end-of-options', ref, 'HEAD'])).trim();
  } catch {
    throw new GitError(`HEAD and "${ref}" have no common history (or there is no commit yet)`);
  }
  const [diff, untracked] = await Promise.all([
    git(folderPath, ['diff', '--no-color', '--no-ext-diff', '--unified=0', '--relative', '-M', base, '--']),
    git(folderPath, ['ls-files', '--others', '--exclude-standard']),
  ]);
  const changes = parseUnifiedDiff(diff);
  for (const file of untracked.split('\n')) if (file) changes.set(unquote(file), 'all');
  return changes;
}

/** The new-side line numbers of every hunk of a `--unified=0` diff, per new path. */
export function parseUnifiedDiff(diff: string): ChangedLines {
  const changes: ChangedLines = new Map();
  let lines: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      if (target === '/dev/null') {
        lines = undefined;
        continue;
      }
      const file = unquote(target).replace(/^b\//, '');
      lines = new Set();
      changes.set(file, lines);
    } else if (line.startsWith('@@') && lines) {
      const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!hunk) continue;
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let offset = 0; offset < count; offset++) lines.add(start + offset);
    }
  }
  return changes;
}

/** Git quotes a path with unusual characters C-style ("a\"b", octal bytes); undo that. */
function unquote(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"')) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '"': 34, '\\': 92 };
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[index + 1];
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(index + 1, index + 4), 8));
      index += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
