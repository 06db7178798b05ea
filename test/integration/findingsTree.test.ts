import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { changedLinesSince } from '../../src/extension/gitChanges';
import { api, cleanUp, diagnosticsWhen, EXTENSION_ID, folder, writeFixture } from './helpers';
import { git, ids, insideGitRepository, liveNode, mustFind, nodeAt, recordRefreshes, removeEmptyFixtureDirectories, sleep, snapshot, treeWhen } from './reviewHelpers';

const TWO_FLOWS = 'export function keep(user: { email: string; phone: string }) {\n  console.log(user.email);\n  localStorage.setItem("phone", user.phone);\n}\n';

suite('Personal Data view', () => {
  suiteTeardown(() => removeEmptyFixtureDirectories('games', 'src/stable', 'src/actions', 'src/changes'));
  teardown(async () => {
    await (await api()).setChangedOnly(false);
    await cleanUp();
  });

  test('the view lives in its own activity-bar container, with welcome content and menus for its commands', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributes = extension.packageJSON.contributes;
    const container = contributes.viewsContainers.activitybar.find((entry: { id: string }) => entry.id === 'privacyReview');
    assert.ok(container && fs.existsSync(path.join(extension.extensionPath, container.icon)), 'the container icon ships in media/');
    assert.deepEqual(contributes.views.privacyReview.map((view: { id: string; name: string }) => [view.id, view.name]), [['privacyReview.findings', 'Personal Data']]);
    assert.ok(contributes.viewsWelcome.some((welcome: { contents: string }) => welcome.contents.includes('(command:privacyReview.scanWorkspace)')));
    const declared = new Set(contributes.commands.map((command: { command: string }) => command.command));
    const used = Object.values(contributes.menus as Record<string, { command: string }[]>).flat().map((item) => item.command);
    assert.deepEqual(used.filter((command) => !declared.has(command)), []);
    const registered = await vscode.commands.getCommands(true);
    assert.deepEqual([...declared].filter((command) => !registered.includes(command as string)), []);

    await vscode.commands.executeCommand('workbench.view.extension.privacyReview');
    const tree = (await api()).findingsTree;
    if (!tree.view.visible) await new Promise<void>((resolve) => tree.view.onDidChangeVisibility((event) => event.visible && resolve()));
    assert.equal(tree.view.visible, true);
  });

  test('a re-scan keeps every id and fires nothing; a change re-renders only what it touched', async () => {
    const extension = await api();
    const uri = writeFixture('games', 'src/stable/keep.ts', TWO_FLOWS);
    await extension.scanWorkspace();
    await sleep(300); // let file-watcher events from earlier suites settle
    const before = await snapshot();
    const recorder = await recordRefreshes();
    try {
      await extension.scanWorkspace();
      assert.deepEqual(await snapshot(), before);
      assert.equal(recorder.events.length, 0, 'an identical re-scan changes nothing');

      // Two lines above move both findings down: same ids, and only the two finding rows re-render.
      fs.writeFileSync(uri.fsPath, `// moved\n// down\n${TWO_FLOWS}`);
      await extension.scanWorkspace();
      const moved = await snapshot();
      assert.deepEqual(ids(moved), ids(before));
      assert.deepEqual(mustFind(moved, 'Email address', 'Logs', 'games/src/stable/keep.ts').children.map((node) => node.description), ['line 4']);
      assert.equal(recorder.events.length, 1);
      const changed = recorder.events[0].changed;
      assert.ok(Array.isArray(changed) && changed.length === 2, JSON.stringify(changed));
      assert.ok(changed.every((id) => id.includes(`/file:${uri.toString()}/finding:`)), JSON.stringify(changed));

      // A new kind of flow for a category already there: that category re-renders, the others do not.
      fs.writeFileSync(uri.fsPath, `// moved\n// down\n${TWO_FLOWS}export function more(user: { phone: string }) {\n  console.log(user.phone);\n}\n`);
      await extension.scanWorkspace();
      const grown = await snapshot();
      assert.ok(nodeAt(grown, 'Phone number', 'Logs', 'games/src/stable/keep.ts'));
      assert.deepEqual(recorder.events[1].changed, ['category:phone_number']);
      assert.deepEqual(mustFind(grown, 'Email address'), mustFind(moved, 'Email address'));
    } finally {
      recorder.stop();
    }
  });

  test('context menu: declare retention and suppress go through the quick-fix commands; the view follows the edit', async () => {
    const extension = await api();
    const uri = writeFixture('games', 'src/actions/act.ts', 'interface Member {\n  email: string;\n  phone: string;\n}\nexport function act(member: Member) {\n  console.log(member.email);\n  console.log(member.phone);\n}\n');
    await extension.scanWorkspace();
    const emailNode = mustFind(await snapshot(), 'Email address', 'Logs', 'games/src/actions/act.ts').children[0];
    const emailLive = await liveNode(emailNode);
    assert.equal(extension.findingsTree.getTreeItem(emailLive).contextValue, 'privacyReview.finding.declarable');
    assert.equal(await vscode.commands.executeCommand('privacyReview.findings.declareRetention', emailLive, { retention: 'P90D' }), true);
    const document = vscode.window.activeTextEditor!.document;
    assert.equal(document.uri.toString(), uri.toString(), 'the edit is shown in an editor');
    assert.match(document.getText(), /\/\*\* @retention P90D \*\/\n {2}email: string;/);
    await diagnosticsWhen(uri, (list) => list.length === 1, 'one finding left');
    await treeWhen((tree) => !nodeAt(tree, 'Email address', 'Logs', 'games/src/actions/act.ts'), 'the view to follow the live validator');

    const phoneNode = await liveNode(mustFind(await snapshot(), 'Phone number', 'Logs', 'games/src/actions/act.ts').children[0]);
    assert.equal(await vscode.commands.executeCommand('privacyReview.findings.suppress', phoneNode, { reason: 'support call-backs' }), true);
    assert.match(document.getText(), /\/\/ privacy-review-disable-next-line personal-data-logged -- support call-backs\n {2}console\.log\(member\.phone\);/);
    await diagnosticsWhen(uri, (list) => list.length === 0, 'the suppressed finding to go away');
    await document.save(); // closing a dirty editor would ask
  });

  test('clicking a finding reveals its range; Copy as Markdown gives a table for a PR comment', async () => {
    const extension = await api();
    const uri = writeFixture('games', 'src/actions/copy.ts', 'export function copy(user: { email: string }) {\n  if (user) {\n    console.warn(`mail ${user.email} | ok`);\n  }\n}\n');
    await extension.scanWorkspace();
    const entry = mustFind(await snapshot(), 'Email address', 'Logs', 'games/src/actions/copy.ts').children[0];
    const item = extension.findingsTree.getTreeItem(await liveNode(entry));
    assert.equal(item.id, entry.id);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), uri.toString());
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character], [2, 4]);

    const markdown = await vscode.commands.executeCommand<string>('privacyReview.findings.copyMarkdown', await liveNode(entry));
    assert.equal(await vscode.env.clipboard.readText(), markdown);
    const lines = markdown.trimEnd().split('\n');
    assert.match(lines[0], /^\*\*Privacy Review: Email address in logs: src\/actions\/copy\.ts\*\* \(1 finding\)$/);
    assert.equal(lines[2], '| Where | Data | Category | Sink | Rule |');
    assert.equal(lines[4], '| `games/src/actions/copy.ts:3` | `user.email` | Email address (`user.contact.email`) | `console.warn` (log) | `personal-data-logged` |');
    const category = await vscode.commands.executeCommand<string>('privacyReview.findings.copyMarkdown', await liveNode(mustFind(await snapshot(), 'Email address')));
    assert.ok(category.split('\n').length > 5 && category.includes('copy.ts:3'));
  });

  test('"changed only" shows findings on lines changed since a branch; the status bar and view say so', async function () {
    const extension = await api();
    const games = folder('games').uri.fsPath;
    const createdRepository = !fs.existsSync(path.join(games, '.git'));
    assert.ok(createdRepository, 'games must not be a repository of its own yet');
    try {
      writeFixture('games', 'src/changes/old.ts', 'export function old(user: { email: string }) {\n  console.log(user.email);\n}\n');
      git(games, 'init', '--quiet', '--initial-branch=main');
      git(games, 'add', '--all');
      git(games, 'commit', '--quiet', '--no-verify', '-m', 'base');
      git(games, 'checkout', '--quiet', '-b', 'feature');
      fs.appendFileSync(path.join(games, 'src/changes/old.ts'), 'export function added(user: { phone: string }) {\n  console.log(user.phone);\n}\n');
      writeFixture('games', 'src/changes/new.ts', 'export function fresh(req: { ip: string }) {\n  console.log(req.ip);\n}\n');

      const summary = await extension.scanChangesSince('main');
      assert.ok(summary && !summary.error, JSON.stringify(summary));
      assert.equal(summary.ref, 'main');
      const tree = await snapshot();
      const inGames = ids(tree).filter((id) => id.includes('/finding:') && id.includes('/games/'));
      assert.deepEqual(inGames.map((id) => id.replace(/^.*\/games\//, '').replace(/\/finding:.*$/, '')).sort(), ['src/changes/new.ts', 'src/changes/old.ts']);
      assert.ok(nodeAt(tree, 'Phone number', 'Logs', 'games/src/changes/old.ts'), 'the added function');
      assert.equal(nodeAt(tree, 'Email address', 'Logs', 'games/src/changes/old.ts'), undefined, 'the committed line is not a change');
      assert.ok(nodeAt(tree, 'IP address', 'Logs', 'games/src/changes/new.ts'), 'an untracked file is all new');
      assert.match(extension.statusBarText(), /^\$\(shield\) Privacy: \d+ of \d+ \(changed since main\)$/);
      assert.equal(extension.findingsTree.view.description, 'changed since main');

      assert.equal(await extension.setChangedOnly(false), undefined);
      const all = await snapshot();
      assert.ok(nodeAt(all, 'Email address', 'Logs', 'games/src/changes/old.ts'), 'all findings again');
      assert.ok(nodeAt(all, 'Email address', 'Logs', 'games/src/review/profile.ts'));
      assert.match(extension.statusBarText(), /^\$\(shield\) Privacy: \d+ findings$/);

      // The toggle compares with the same branch again.
      assert.equal(await extension.setChangedOnly(true), undefined);
      assert.equal(nodeAt(await snapshot(), 'Email address', 'Logs', 'games/src/review/profile.ts'), undefined);

      const unknown = await extension.scanChangesSince('no-such-branch');
      assert.match(unknown?.error ?? '', /unknown ref "no-such-branch"/);
    } finally {
      if (createdRepository) fs.rmSync(path.join(games, '.git'), { recursive: true, force: true });
    }
  });

  test('a folder that is not a git repository gets a clear error', async function () {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-review-no-git-'));
    try {
      await assert.rejects(changedLinesSince(plain, 'main'), /^Error: not a git repository$/);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
    if (insideGitRepository('shop') || insideGitRepository('games')) return this.skip(); // running on the repository itself
    const summary = await (await api()).scanChangesSince('main');
    assert.match(summary?.error ?? '', /"shop": not a git repository; "games": not a git repository/);
  });
});
