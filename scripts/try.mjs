#!/usr/bin/env node
// `npm run try`: starts the real VS Code that the integration tests use (code-server, installed by
// scripts/vscode-host/setup.sh) on 127.0.0.1 with this extension loaded in development mode on the
// example project, and prints the URL to open in a browser. Ctrl-C stops it.
//
//   node scripts/try.mjs [--port N] [--folder DIR] [--screenshots DIR]
//
// --screenshots DIR drives the page with headless chromium instead and saves the README's pictures
// (diagnostics, hover, quick fixes) into DIR, then exits.
import path from 'node:path';
import fs from 'node:fs';
import util from 'node:util';
import { startCodeServer, REPO_ROOT } from './vscode-host/server.mjs';
import { CHROMIUM_ARGS, loadPlaywright } from './vscode-host/run-tests.mjs';

const { values } = util.parseArgs({
  options: { port: { type: 'string' }, folder: { type: 'string' }, screenshots: { type: 'string' } },
});
const folder = path.resolve(values.folder ?? path.join(REPO_ROOT, 'examples/game-network'));
if (!fs.existsSync(path.join(REPO_ROOT, 'dist/extension.js'))) {
  console.error('dist/extension.js is missing: run `npm run build` first (npm run try does).');
  process.exit(2);
}
const server = await startCodeServer({ extensionDevelopmentPath: REPO_ROOT, port: values.port ? Number(values.port) : 0 });
const url = server.workbenchUrl({ folder, extensionDevelopmentPath: REPO_ROOT });

if (!values.screenshots) {
  console.log(`\nPrivacy Review is loaded in a real VS Code ${server.version} on ${path.relative(process.cwd(), folder) || folder}.`);
  console.log(`Open this URL in a browser on this machine:\n\n  ${url}\n`);
  console.log('Open src/api.ts or src/matchmaking.ts to see the diagnostics; Ctrl-C stops the server.');
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await server.exited;
} else {
  const out = path.resolve(values.screenshots);
  fs.mkdirSync(out, { recursive: true });
  const { chromium } = await loadPlaywright();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForTimeout(4000);
    await openFile(page, 'api.ts');
    await page.waitForSelector('.squiggly-warning', { timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M'); // the Problems panel
    await page.waitForTimeout(2000);
    await page.screenshot({ path: path.join(out, 'diagnostics.png') });
    await page.keyboard.press('Control+Shift+M');
    // Hover the sink call `logger.info(\`login ${req.ip}\`)`.
    const line = page.locator('.view-line', { hasText: 'login ${req.ip}' });
    await line.hover({ position: { x: 40, y: 8 } });
    await page.waitForSelector('.monaco-hover:not(.hidden)', { timeout: 15_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(out, 'hover.png') });
    await page.mouse.move(5, 700);
    await page.waitForTimeout(500);
    await line.click({ position: { x: 40, y: 8 } });
    await page.keyboard.press('Control+.');
    await page.waitForSelector('.action-widget', { timeout: 15_000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(out, 'quick-fix.png') });
    console.log(`screenshots written to ${out}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget', { timeout: 10_000 });
  await page.keyboard.type(name);
  await page.waitForTimeout(1200);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 15_000 });
}
