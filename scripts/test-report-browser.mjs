#!/usr/bin/env node
// Opens the HTML report in headless Chromium (Debian's chromium, driven by the playwright-core that
// scripts/vscode-host/setup.sh installs) and checks what only a browser can: the data map renders,
// a cell click filters the findings list, the inline script runs under the page's own CSP, and
// hostile file names and code are shown as text — no script of theirs runs, nothing is fetched.
//
//   node scripts/test-report-browser.mjs [--keep] [--screenshot out.png]
//
// Builds dist/cli.js when it is missing. Prints one "N passed, N failed" line; exit 1 on a failure.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, loadPlaywright } from './vscode-host/run-tests.mjs';
import { REPO_ROOT, toolPaths } from './vscode-host/server.mjs';

const keep = process.argv.includes('--keep');
const screenshotIndex = process.argv.indexOf('--screenshot');
const screenshot = screenshotIndex > 0 ? process.argv[screenshotIndex + 1] : undefined;

const HOSTILE_DIR = '<script>alert(1)<'; // with the file name below: "<script>alert(1)</script>.ts"
const HOSTILE_FILE = `src/${HOSTILE_DIR}/script>.ts`;
const HOSTILE_PATH = 'src/<script>alert(1)</script>.ts';
const QUOTED_FILE = `src/it's "quoted" & <img src=x onerror="window.__pwned=3">.ts`;
const HOSTILE_CODE = "console.log('</style><script>window.__pwned=2</script>', \"\\\"><img src=x onerror=alert(4)>\", req.ip);";
const PROJECT = {
  [HOSTILE_FILE]: `export function handler(req) {\n  ${HOSTILE_CODE}\n}\n`,
  [QUOTED_FILE]: "export function signup(user) {\n  localStorage.setItem('email', user.email);\n  console.info('signup', user.email);\n}\n",
  'src/analytics.ts': "export function track(analytics, user) {\n  analytics.identify(user.id, { email: user.email, phone: user.phone });\n}\n",
  'src/server.ts': "export function serve(req, logger) {\n  logger.info('request', req.ip);\n  logger.info('again', req.ip);\n}\n",
};

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`  ✔ ${name}`);
  } catch (error) {
    failed++;
    console.log(`  ✖ ${name}\n      ${String(error?.message ?? error).split('\n').join('\n      ')}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function buildCliIfMissing() {
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) execFileSync(process.execPath, [path.join(REPO_ROOT, 'esbuild.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  return cli;
}

function writeReport(cli) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-review-html-'));
  for (const [file, text] of Object.entries(PROJECT)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  const report = path.join(root, 'report.html');
  try {
    execFileSync(process.execPath, [cli, 'scan', root, '--format', 'html', '--output', report], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if (error.status !== 1) throw new Error(`the CLI failed (exit ${error.status}): ${error.stderr}`);
  }
  return { root, report };
}

async function main() {
  const paths = toolPaths();
  for (const [name, file] of [['playwright-core', path.join(paths.playwrightCore, 'package.json')], ['chromium', paths.chromium]]) {
    if (!fs.existsSync(file)) {
      console.error(`${name} is missing (${file}); run: bash scripts/vscode-host/setup.sh`);
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
  }
  const { root, report } = writeReport(buildCliIfMissing());
  const { chromium } = loadPlaywright(paths);
  const browser = await chromium.launch({ executablePath: paths.chromium, headless: true, args: CHROMIUM_ARGS });
  const dialogs = [];
  const consoleErrors = [];
  const requests = [];
  try {
    const page = await browser.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    const reportUrl = pathToFileURL(report).href;
    page.on('request', (request) => {
      if (request.url() !== reportUrl) requests.push(request.url());
    });
    await page.goto(reportUrl, { waitUntil: 'load' });
    await page.waitForTimeout(200);
    console.log(`HTML report in headless Chromium (${path.relative(os.tmpdir(), report)})`);

    await check('the inline script ran: its CSP hash matches and nothing blocked it', async () => {
      assert((await page.getAttribute('html', 'data-ready')) === 'true', 'html[data-ready] not set: the report script did not run');
      const violations = consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text));
      assert(violations.length === 0, `CSP violations:\n${violations.join('\n')}`);
    });

    await check('the data map renders: categories down the side, three sink kinds across', async () => {
      const headers = await page.$$eval('table.data-map thead th', (cells) => cells.map((cell) => cell.textContent.trim()));
      assert(JSON.stringify(headers) === JSON.stringify(['Personal data', 'Logs', 'Storage', 'Third parties']), `headers: ${JSON.stringify(headers)}`);
      const rows = await page.$$eval('table.data-map tbody tr', (trs) => trs.map((tr) => ({ label: tr.querySelector('th').textContent, cells: tr.querySelectorAll('td').length })));
      const labels = rows.map((row) => row.label).join(' | ');
      for (const label of ['IP address', 'Email address', 'Phone number']) assert(labels.includes(label), `no row for ${label}: ${labels}`);
      assert(rows.every((row) => row.cells === 3), 'every row has a cell per sink kind');
      const cell = await page.textContent('button.cell[data-category="ip_address"][data-sink="log"]');
      assert(/^3\b/.test(cell.trim()), `IP address × logs should count 3 findings: "${cell}"`);
      assert(cell.includes('none declared'), `the cell shows the declared retention: "${cell}"`);
      assert(await page.isVisible('table.data-map'), 'the table is visible');
    });

    await check('a cell click shows only that cell\'s findings; a second click shows all again', async () => {
      const total = await page.$$eval('#findings-list > li', (items) => items.length);
      await page.click('button.cell[data-category="email"][data-sink="storage"]');
      const visible = await page.$$eval('#findings-list > li:not([hidden])', (items) => items.map((item) => `${item.dataset.category}/${item.dataset.sink}`));
      assert(visible.length === 1 && visible[0] === 'email/storage', `visible after click: ${JSON.stringify(visible)}`);
      assert((await page.getAttribute('button.cell[data-category="email"][data-sink="storage"]', 'aria-pressed')) === 'true', 'the clicked cell is pressed');
      assert((await page.textContent('#filter-status')).startsWith(`Showing 1 of ${total} findings`), `status: ${await page.textContent('#filter-status')}`);
      assert(await page.isVisible('#show-all'), '"Show all" appears');
      await page.click('button.cell[data-category="ip_address"][data-sink="log"]');
      const ipLogs = await page.$$eval('#findings-list > li:not([hidden])', (items) => items.map((item) => `${item.dataset.category}/${item.dataset.sink}`));
      assert(ipLogs.length === 3 && ipLogs.every((entry) => entry === 'ip_address/log'), `visible after the second cell: ${JSON.stringify(ipLogs)}`);
      await page.click('button.cell[data-category="ip_address"][data-sink="log"]');
      assert((await page.$$eval('#findings-list > li:not([hidden])', (items) => items.length)) === total, 'clicking the pressed cell again shows all');
      await page.click('button.cell[data-category="email"][data-sink="log"]');
      await page.click('#show-all');
      assert((await page.$$eval('#findings-list > li:not([hidden])', (items) => items.length)) === total, '"Show all" shows all');
      assert(!(await page.isVisible('#show-all')), '"Show all" hides itself');
    });

    await check('hostile file names are shown as text', async () => {
      const locations = await page.$$eval('.finding .location', (nodes) => nodes.map((node) => node.textContent));
      assert(locations.some((text) => text.startsWith(`${HOSTILE_PATH}:2:`)), `no location reads ${HOSTILE_PATH}: ${JSON.stringify(locations)}`);
      assert(locations.some((text) => text.startsWith(`${QUOTED_FILE}:2:`)), `no location reads ${QUOTED_FILE}: ${JSON.stringify(locations)}`);
    });

    await check('hostile code in excerpts is shown as text', async () => {
      const excerpts = await page.$$eval('pre.excerpt', (nodes) => nodes.map((node) => node.textContent));
      assert(excerpts.some((text) => text.includes(HOSTILE_CODE)), `no excerpt holds the code verbatim:\n${excerpts.join('\n---\n')}`);
    });

    await check('no script of theirs ran: no dialog, no extra element, no request', async () => {
      assert(dialogs.length === 0, `dialogs opened: ${JSON.stringify(dialogs)}`);
      assert((await page.evaluate(() => window.__pwned)) === undefined, 'window.__pwned was set');
      const counts = await page.evaluate(() => ({ scripts: document.scripts.length, images: document.images.length, styles: document.querySelectorAll('style').length }));
      assert(counts.scripts === 1 && counts.images === 0 && counts.styles === 1, `elements: ${JSON.stringify(counts)}`);
      assert(requests.length === 0, `requests: ${JSON.stringify(requests)}`);
    });

    await check('no console errors', async () => {
      assert(consoleErrors.length === 0, consoleErrors.join('\n'));
    });

    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  } finally {
    await browser.close();
    if (!keep) fs.rmSync(root, { recursive: true, force: true });
    else console.log(`kept ${root}`);
  }
}

try {
  await main();
} catch (error) {
  failed++;
  console.error(`harness: ${error?.stack ?? error}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
