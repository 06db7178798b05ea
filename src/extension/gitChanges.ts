// What changed since a branch, read from the git in PATH without blocking the extension host:
// the lines added or modified since the merge base with the ref (committed, staged and in the
// working tree), and untracked files as wholly new. The CLI's src/scan/changedSince.ts asks git the
// same questions synchronously; the extension runs git asynchronously and shares its diff parser.
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { parseUnifiedDiff } from '../scan/changedSince';

/** Path relative to the folder (forward slashes) → the 1-based lines that changed, or 'all'. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

export class GitError extends Error {}

const MAX_OUTPUT = 256 * 1024 * 1024;

function git(cwd: string, args: string[]): Promise<string> {
  // A repository's own config can make git run programs (core.fsmonitor, filter drivers): only in
  // a workspace the user trusts.
  if (!vscode.workspace.isTrusted) {
    return Promise.reject(new GitError('comparing with git needs a trusted workspace (a repository\'s git config can run programs); trust this folder first'));
  }
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.quotePath=false', '-c', 'core.fsmonitor=false', ...args],
      { cwd, maxBuffer: MAX_OUTPUT, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } },
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
    // Explicit prefixes: a user's diff.noprefix or diff.mnemonicPrefix must not change the paths.
    git(folderPath, ['diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', '--find-renames', '--ignore-submodules', '--relative', '--src-prefix=a/', '--dst-prefix=b/', base, '--']),
    git(folderPath, ['ls-files', '--others', '--exclude-standard', '-z']),
  ]);
  const changes = parseUnifiedDiff(diff);
  for (const file of untracked.split('\0')) if (file) changes.set(file, 'all');
  return changes;
}
