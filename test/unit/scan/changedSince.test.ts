// --changed-since: only findings on lines added or modified since the merge base with a ref,
// tested on real git repositories built here, plus the diff parsing on its own.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../../../src/cli/main';
import { parseUnifiedDiff, touchesChangedLines, unquoteGitPath } from '../../../src/scan/changedSince';
import { cli, git, gitRepository, project, scanJson, where, writeFiles } from './cliHarness';

const BASE_FILES = {
  'src/auth.ts': [
    'export function login(req, user) {', // 1
    "  console.log('login from', req.ip);", // 2  old finding, unchanged
    "  console.log('user', user.firstName);", // 3  old finding, modified on the branch
    '  return true;', // 4
    '}', // 5
  ].join('\n') + '\n',
  'src/billing.ts': "export function charge(card) {\n  console.info('charging', card.cardNumber);\n}\n", // old, unchanged
  'packages/api/src/handler.ts': "export function handle(req) {\n  console.log('api', req.ip);\n}\n", // old, in a subfolder
};

/**
 * main: BASE_FILES. feature (checked out): one commit that modifies a line and adds a file, then
 * uncommitted edits, a staged new file and an untracked file. main also moves on after the branch
 * point, which must not count (the comparison is with the merge base).
 */
function featureBranchRepository(): string {
  const root = gitRepository(BASE_FILES);
  git(root, 'checkout', '--quiet', '-b', 'feature');
  writeFiles(root, {
    'src/auth.ts': BASE_FILES['src/auth.ts'].replace("console.log('user', user.firstName);", "console.log('user', user.firstName, user.email);"),
    'src/signup.ts': "export function signup(user) {\n  console.log('new user', user.phone);\n}\n",
  });
  git(root, 'add', '--all');
  git(root, 'commit', '--quiet', '--no-gpg-sign', '-m', 'feature work');
  // main moves on after the branch point: not part of this branch's changes.
  git(root, 'checkout', '--quiet', 'main');
  writeFiles(root, { 'src/later-on-main.ts': "console.log('main only', req.ip);\n" });
  git(root, 'add', '--all');
  git(root, 'commit', '--quiet', '--no-gpg-sign', '-m', 'main moves on');
  git(root, 'checkout', '--quiet', 'feature');
  // Uncommitted: a new line in a tracked file; a staged new file; an untracked file.
  writeFiles(root, {
    'src/billing.ts': "export function charge(card) {\n  console.info('charging', card.cardNumber);\n  console.info('billing address', card.billingAddress);\n}\n",
    'src/staged.ts': "export const s = (user) => console.log(user.dateOfBirth);\n",
    'packages/api/src/untracked.ts': "export function t(req) {\n  console.log('untracked', req.ip);\n}\n",
  });
  git(root, 'add', 'src/staged.ts');
  return root;
}

describe('--changed-since', () => {
  const root = featureBranchRepository();

  describe('on a feature branch: committed, uncommitted, staged and untracked changes', () => {
    const cases: { name: string; dir: () => string; expect: string[] }[] = [
      {
        name: 'the repository root: only findings on added or modified lines',
        dir: () => root,
        expect: [
          'packages/api/src/untracked.ts:2 ip_address', // untracked file: every line counts
          'src/auth.ts:3 email', // modified line (committed): both findings on it
          'src/auth.ts:3 person_name',
          'src/billing.ts:3 postal_address', // uncommitted added line
          'src/signup.ts:2 phone_number', // added file (committed)
          'src/staged.ts:1 date_of_birth', // staged new file
        ],
      },
      {
        name: 'a subfolder of the repository: paths relative to the scanned folder',
        dir: () => path.join(root, 'packages', 'api'),
        expect: ['src/untracked.ts:2 ip_address'],
      },
    ];
    for (const { name, dir, expect } of cases) {
      it(name, () => {
        const report = scanJson(dir(), '--changed-since', 'main');
        assert.deepEqual(where(report.findings).sort(), expect);
        assert.equal(report.code, EXIT_FINDINGS);
      });
    }

    it('the full scan still sees the unchanged findings (they are filtered, not missed)', () => {
      const all = where(scanJson(root).findings);
      for (const old of ['src/auth.ts:2 ip_address', 'src/billing.ts:2 payment_card', 'packages/api/src/handler.ts:2 ip_address']) assert.ok(all.includes(old), old);
    });

    it('against its own HEAD: only uncommitted, staged and untracked changes', () => {
      const report = scanJson(root, '--changed-since', 'HEAD');
      assert.deepEqual(where(report.findings).sort(), ['packages/api/src/untracked.ts:2 ip_address', 'src/billing.ts:3 postal_address', 'src/staged.ts:1 date_of_birth']);
    });

    it('a ref given as a commit id works like a branch name', () => {
      const mainCommit = git(root, 'rev-parse', 'main').trim();
      assert.deepEqual(where(scanJson(root, '--changed-since', mainCommit).findings).sort(), where(scanJson(root, '--changed-since', 'main').findings).sort());
    });

    it('the text and json reports say what they were compared with', () => {
      assert.match(cli('scan', root, '--changed-since', 'main').stdout, /^✖ 6 findings \(0 errors, 6 warnings\) \(only lines changed since main\) in \d+ files scanned/m);
      const report = JSON.parse(cli('scan', root, '--format', 'json', '--changed-since', 'main').stdout);
      assert.equal(report.changedSince.ref, 'main');
      assert.equal(report.changedSince.mergeBase, git(root, 'merge-base', 'HEAD', 'main').trim());
    });

    it('the html and markdown reports say what they were compared with', () => {
      assert.match(cli('scan', root, '--format', 'markdown', '--changed-since', 'main').stdout, /only lines changed since `main`/);
      assert.match(cli('scan', root, '--format', 'html', '--changed-since', 'main').stdout, /only lines changed since <code>main<\/code> \(merge base <code>[0-9a-f]{12}<\/code>\)/);
    });
  });

  it('a clean working tree on the ref itself: nothing changed, exit 0', () => {
    const clean = gitRepository(BASE_FILES);
    const report = scanJson(clean, '--changed-since', 'main');
    assert.deepEqual(report.findings, []);
    assert.equal(report.code, EXIT_OK);
  });

  it('a renamed file is not new code: only its modified lines count', () => {
    const repo = gitRepository(BASE_FILES);
    git(repo, 'mv', 'src/billing.ts', 'src/payments.ts');
    writeFiles(repo, { 'src/payments.ts': `${BASE_FILES['src/billing.ts']}export const log = (user) => console.log(user.email);\n` });
    assert.deepEqual(where(scanJson(repo, '--changed-since', 'main').findings), ['src/payments.ts:4 email']);
  });

  it('a file name with spaces, quotes and non-ASCII letters', () => {
    const repo = gitRepository({ 'src/a.ts': "console.log('a');\n" });
    writeFiles(repo, { 'src/my "odd" naïve file.ts': "console.log('x');\n" });
    git(repo, 'add', '--all');
    git(repo, 'commit', '--quiet', '--no-gpg-sign', '-m', 'odd name');
    writeFiles(repo, { 'src/my "odd" naïve file.ts': "console.log('x');\nconsole.log(req.ip);\n" });
    assert.deepEqual(where(scanJson(repo, '--changed-since', 'HEAD').findings), ['src/my "odd" naïve file.ts:2 ip_address']);
  });

  describe('errors: exit 2 with a clear first line, nothing on stdout', () => {
    const outsideGit = project({ 'a.ts': 'console.log(req.ip);\n' });
    const emptyRepository = project({ 'a.ts': 'console.log(req.ip);\n' });
    git(emptyRepository, 'init', '--quiet');
    const cases: { name: string; argv: () => string[]; message: RegExp }[] = [
      { name: 'not a git repository', argv: () => ['scan', outsideGit, '--changed-since', 'main'], message: /^privacy-review: ".*" is not in a git repository \(--changed-since needs one\)$/ },
      { name: 'an unknown ref', argv: () => ['scan', root, '--changed-since', 'no-such-branch'], message: /^privacy-review: unknown git ref "no-such-branch"$/ },
      { name: 'a ref that looks like an option', argv: () => ['scan', root, '--changed-since=--output=/tmp/x'], message: /^privacy-review: unknown git ref "--output=\/tmp\/x"$/ },
      { name: 'a repository without a commit', argv: () => ['scan', emptyRepository, '--changed-since', 'main'], message: /^privacy-review: the repository has no commit yet, so there is nothing to compare with$/ },
      { name: '--write-baseline with --changed-since', argv: () => ['scan', root, '--changed-since', 'main', '--write-baseline', path.join(os.tmpdir(), 'never-written.json')], message: /^privacy-review: --write-baseline records every finding; it cannot be combined with --baseline or --changed-since$/ },
    ];
    // Git must not find a repository above the temporary directory, whatever the machine's layout.
    let ceiling: string | undefined;
    before(() => {
      ceiling = process.env.GIT_CEILING_DIRECTORIES;
      process.env.GIT_CEILING_DIRECTORIES = path.dirname(outsideGit);
    });
    after(() => {
      if (ceiling === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = ceiling;
    });
    for (const { name, argv, message } of cases) {
      it(name, () => {
        const run = cli(...argv());
        assert.equal(run.code, EXIT_USAGE, run.stdout + run.stderr);
        assert.equal(run.stdout, '');
        assert.match(run.stderr.split('\n')[0], message);
      });
    }
    it('--write-baseline with --changed-since writes nothing', () => {
      assert.ok(!fs.existsSync(path.join(os.tmpdir(), 'never-written.json')));
    });
  });
});

describe('parseUnifiedDiff', () => {
  const header = (file: string) => `diff --git a/${file} b/${file}\nindex 1111111..2222222 100644\n--- a/${file}\n+++ b/${file}`;
  const cases: { name: string; diff: string; expect: Record<string, number[] | 'all'> }[] = [
    { name: 'one added line', diff: `${header('a.ts')}\n@@ -1,0 +2 @@\n+x`, expect: { 'a.ts': [2] } },
    { name: 'a modified range', diff: `${header('a.ts')}\n@@ -3,2 +3,3 @@\n-a\n-b\n+A\n+B\n+C`, expect: { 'a.ts': [3, 4, 5] } },
    { name: 'a pure deletion adds no line', diff: `${header('a.ts')}\n@@ -4,2 +3,0 @@\n-a\n-b`, expect: { 'a.ts': [] } },
    { name: 'several hunks', diff: `${header('a.ts')}\n@@ -1 +1 @@\n-a\n+b\n@@ -10,0 +11,2 @@\n+c\n+d`, expect: { 'a.ts': [1, 11, 12] } },
    { name: 'context lines (diff.interHunkContext) advance the line count', diff: `${header('a.ts')}\n@@ -1,3 +1,3 @@\n-a\n+A\n b\n-c\n+C`, expect: { 'a.ts': [1, 3] } },
    { name: 'an added line that reads like a file header is content', diff: `${header('a.ts')}\n@@ -0,0 +1,2 @@\n+++ b/evil.ts\n+@@ -1 +1 @@`, expect: { 'a.ts': [1, 2] } },
    { name: '"\\ No newline at end of file" is skipped', diff: `${header('a.ts')}\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file`, expect: { 'a.ts': [1] } },
    { name: 'a deleted file is left out', diff: 'diff --git a/gone.ts b/gone.ts\ndeleted file mode 100644\n--- a/gone.ts\n+++ /dev/null\n@@ -1 +0,0 @@\n-x', expect: {} },
    { name: 'a new file', diff: 'diff --git a/new.ts b/new.ts\nnew file mode 100644\n--- /dev/null\n+++ b/new.ts\n@@ -0,0 +1,2 @@\n+x\n+y', expect: { 'new.ts': [1, 2] } },
    { name: 'a binary file has no lines', diff: 'diff --git a/i.png b/i.png\nBinary files a/i.png and b/i.png differ', expect: {} },
    { name: 'a name with a space ends in a tab', diff: 'diff --git a/my file.ts b/my file.ts\n--- a/my file.ts\t\n+++ b/my file.ts\t\n@@ -1 +1 @@\n-a\n+b', expect: { 'my file.ts': [1] } },
    { name: 'a quoted path', diff: 'diff --git "a/my \\"x\\".ts" "b/my \\"x\\".ts"\n--- "a/my \\"x\\".ts"\n+++ "b/my \\"x\\".ts"\n@@ -1 +1 @@\n-a\n+b', expect: { 'my "x".ts': [1] } },
  ];
  for (const { name, diff, expect } of cases) {
    it(name, () => {
      const parsed = Object.fromEntries([...parseUnifiedDiff(diff)].map(([file, lines]) => [file, lines === 'all' ? 'all' : [...lines].sort((a, b) => a - b)]));
      assert.deepEqual(parsed, expect);
    });
  }
});

describe('unquoteGitPath', () => {
  const cases: [string, string][] = [
    ['plain/path.ts', 'plain/path.ts'],
    ['"b/with \\"quotes\\".ts"', 'b/with "quotes".ts'],
    ['"b/back\\\\slash.ts"', 'b/back\\slash.ts'],
    ['"b/tab\\there.ts"', 'b/tab\there.ts'],
    ['"b/na\\303\\257ve.ts"', 'b/naïve.ts'],
  ];
  for (const [quoted, expected] of cases) it(`${quoted} → ${expected}`, () => assert.equal(unquoteGitPath(quoted), expected));
});

describe('touchesChangedLines', () => {
  const changes = { ref: 'main', mergeBase: 'abc', files: new Map<string, Set<number> | 'all'>([['a.ts', new Set([7])], ['new.ts', 'all']]) };
  const span = (start: number, end: number) => ({ start: { line: start, column: 0 }, end: { line: end, column: 1 } });
  const cases: { name: string; file: string; lines: [number, number]; expect: boolean }[] = [
    { name: 'the sink line itself changed', file: 'a.ts', lines: [7, 7], expect: true },
    { name: 'a later line of a multi-line call changed (the data argument)', file: 'a.ts', lines: [5, 9], expect: true },
    { name: 'a line outside the call changed', file: 'a.ts', lines: [8, 9], expect: false },
    { name: 'a new file', file: 'new.ts', lines: [100, 100], expect: true },
    { name: 'an unchanged file', file: 'other.ts', lines: [7, 7], expect: false },
  ];
  for (const { name, file, lines, expect } of cases) it(name, () => assert.equal(touchesChangedLines(changes, file, span(...lines)), expect));
});
