import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, cleanUp, writeFixture } from './helpers';
import { removeEmptyFixtureDirectories } from './reviewHelpers';

const HOSTILE_NAME = `<img src=x onerror=alert(1)> "quoted" 'single'.ts`;

/** The text of a data-map cell (tags dropped, spaces collapsed), e.g. "1 1 flow none declared". */
function cellText(html: string, category: string, sink: string): string {
  const at = html.indexOf(`data-category="${category}" data-sink="${sink}"`);
  assert.ok(at >= 0, `no cell ${category} × ${sink}`);
  const cell = html.slice(html.lastIndexOf('<td', at), html.indexOf('</td>', at));
  return cell.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The page's <section> for a workspace folder. */
function section(html: string, folderName: string): string {
  const start = html.indexOf(`<h2>${folderName}</h2>`);
  assert.ok(start >= 0, `no section for ${folderName}`);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

suite('data map', () => {
  suiteTeardown(() => removeEmptyFixtureDirectories('games', 'src/hostile'));
  teardown(cleanUp);

  test('the webview has a strict Content-Security-Policy and one nonce script', async () => {
    await (await api()).scanWorkspace();
    const html = await vscode.commands.executeCommand<string>('privacyReview.openDataMap');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'a CSP meta tag');
    const directives = csp.split(';').map((part) => part.trim());
    assert.equal(directives[0], "default-src 'none'");
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, 'a script nonce');
    const styleSource = directives.find((directive) => directive.startsWith('style-src '));
    assert.ok(styleSource && !styleSource.includes('unsafe') && !/\s\*(\s|$)/.test(styleSource), `styles only from the extension: ${styleSource}`);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, [`<script nonce="${nonce}">`]);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handlers');
    assert.doesNotMatch(html, /\sstyle\s*=/i, 'no inline styles (the CSP would block them)');
    assert.match(html, /<link rel="stylesheet" href="[^"]*media\/report\.css">/);
  });

  test('categories × sink kinds with counts, flows and the catalog retention', async () => {
    await (await api()).scanWorkspace();
    const html = await (await api()).dataMap.show();
    const shop = section(html, 'shop');
    // shop: the email finding in a log, clickable; IPs reach logs too, but the catalog declares P30D.
    assert.equal(cellText(shop, 'email', 'log'), '1 1 flow none declared');
    assert.match(shop, /<button type="button" class="cell"[^>]*data-category="email" data-sink="log"/);
    assert.equal(cellText(shop, 'ip_address', 'log'), '0 1 flow retention: P30D');
    assert.match(shop, /title="catalog policy \(ip_address, log\) at privacy-catalog\.json:\d+: fraud review window"/);
    const games = section(html, 'games');
    assert.match(cellText(games, 'phone_number', 'log'), /^0 1 flow /, 'the phone call-back log is covered by @retention in code');
    assert.match(cellText(games, 'phone_number', 'storage'), /^1 1 flow /);
  });

  test('all scanned text is escaped, and a finding opens the code beside the map', async () => {
    const extension = await api();
    const uri = writeFixture('games', `src/hostile/${HOSTILE_NAME}`, 'export function evil(user: { email: string }) {\n  console.log("<script>alert(1)</script>", user.email);\n}\n');
    await extension.scanWorkspace();
    const html = await extension.dataMap.show();
    assert.ok(!html.includes('<img'), 'a file name is never markup');
    assert.ok(!html.includes(`"quoted"`), 'quotes in names are escaped');
    const escapedName = 'src/hostile/&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &#39;single&#39;.ts:2:3';
    const button = new RegExp(`<button type="button" class="open location" data-index="(\\d+)" title="Open ${escapedName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">`).exec(html);
    assert.ok(button, 'the hostile file is listed, escaped');

    const editor = await extension.dataMap.receive({ type: 'open', index: Number(button[1]) });
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), uri.toString());
    assert.equal(editor.selection.start.line, 1);
    assert.equal(await extension.dataMap.receive({ type: 'open', index: 10_000 }), undefined);
    assert.equal(await extension.dataMap.receive({ type: 'open', index: '0' }), undefined);
    assert.equal(await extension.dataMap.receive({ type: 'run', command: 'workbench.action.closeAllEditors' }), undefined);
  });
});
