#!/usr/bin/env node
// Runs an extension's mocha integration suite inside a real VS Code (code-server,
// installed by setup.sh) driven by Debian's chromium through playwright-core.
//
//   node scripts/vscode-host/run-tests.mjs --extension <dir> --tests <suite index.js> \
//        --workspace <folder | file.code-workspace> [--timeout 300] [--screenshot out.png] \
//        [--copy-workspace] [--user-data-dir dir] [--logs dir] [--workspace-trust] [--verbose]
//
// Exit code: the extension host's exit code (0 = all tests passed), 1 on timeout or
// harness failure. See README.md beside this file.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startCodeServer, toolPaths, checkTools } from './server.mjs';

// The flags from REAL-VSCODE-TESTS.md: no sandbox as root, no GPU, and no traffic
// to Google's hosts (this machine's closed network refuses it, noisily).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

// The workbench's own log (info level and up) reaches codeAutomationLog through the
// same channel as the extension host's console (mocha's report), with the same
// type. These are the workbench lines seen here that say nothing about the
// extension under test; they are dropped unless --verbose.
const NOISE = [
  /^Resolving connection token|^Resolved connection token/,
  /^Creating a socket \(renderer-/,
  /^\[reconnection-grace-time\]/,
  /^\[(AgentHost|ChatModelSelection|AccountPolicyGate|Service Worker)[\]:]/,
  /^Updating additional builtin extensions cache/,
  /Timed out waiting for authentication provider/,
  /No signed-in session resolved for resource/,
  /vsda/i,
  /service ?worker/i,
  /marketplace|gallery|open-vsx|update\.code\.visualstudio|vscode-unpkg|vscode-cdn|vscodeexperiments|default\.exp-tas/i,
  /getaddrinfo (ENOTFOUND|EAI_AGAIN)|ERR_NAME_NOT_RESOLVED|ERR_CONNECTION_REFUSED|ERR_INTERNET_DISCONNECTED|net::ERR_/,
  /Failed to load resource/i,
];
const isNoise = (s) => NOISE.some((re) => re.test(s));

export function loadPlaywright(paths = toolPaths()) {
  const require = createRequire(path.join(paths.playwrightCore, 'package.json'));
  return require(paths.playwrightCore);
}

/** Sum of memory (PSS, else RSS) of this process and all its descendants, in bytes. */
function treeMemory(rootPid = process.pid) {
  const children = new Map();
  let pids;
  try {
    pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(pid));
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    stack.push(...(children.get(pid) || []));
    try {
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const m = /^Pss:\s+(\d+) kB/m.exec(rollup);
      if (m) {
        total += Number(m[1]) * 1024;
        continue;
      }
    } catch {
      /* fall back to RSS */
    }
    try {
      const statm = fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
      total += Number(statm[1]) * 4096;
    } catch {
      /* gone */
    }
  }
  return total;
}

function fmtArgs(args) {
  if (!Array.isArray(args)) args = [args];
  // The extension host forwards console calls unformatted (mocha: '  %d passing (%s)', 3, '3s').
  return util.format(...args);
}

/**
 * Run a suite. Resolves to { exitCode, timedOut, counts: {passing, failing, pending}, durations: {serverStartMs, totalMs}, peakMemoryBytes }.
 * Never calls process.exit.
 *
 * @param {object} o
 * @param {string} o.extensionDevelopmentPath  folder with the extension's package.json
 * @param {string} o.extensionTestsPath        compiled suite index (.js exporting run())
 * @param {string} [o.workspace]               folder, or a .code-workspace file (multi-root)
 * @param {boolean} [o.copyWorkspace]          run on a temp copy of the workspace (removed afterwards)
 * @param {boolean} [o.allowNoTests]           don't fail when mocha reports 0 passing and 0 failing
 * @param {number} [o.timeoutMs]               overall limit, default 300000
 * @param {string} [o.screenshot]              always write a screenshot here at the end
 * @param {string} [o.failureScreenshot]       write a screenshot here when the run fails (default: .vscode-host/last-failure.png)
 * @param {string} [o.userDataDir]
 * @param {string} [o.logsDir]                 write the workbench's log files here at the end
 * @param {boolean} [o.workspaceTrust]         keep Workspace Trust on (default off)
 * @param {boolean} [o.verbose]                also print code-server output and browser noise
 * @param {(s: string) => void} [o.out]        where test output goes (default stdout)
 */
export async function runVsCodeTests(o) {
  const out = o.out || ((s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'));
  const info = (s) => out(`[vscode-host] ${s}`);
  const timeoutMs = o.timeoutMs ?? 300_000;
  const extensionDevelopmentPath = path.resolve(o.extensionDevelopmentPath);
  const extensionTestsPath = path.resolve(o.extensionTestsPath);
  if (!fs.existsSync(path.join(extensionDevelopmentPath, 'package.json'))) {
    throw new Error(`--extension: no package.json in ${extensionDevelopmentPath}`);
  }
  if (!fs.existsSync(extensionTestsPath)) throw new Error(`--tests: ${extensionTestsPath} does not exist`);
  let folder, workspace, workspaceCopy;
  if (o.workspace) {
    let w = path.resolve(o.workspace);
    if (!fs.existsSync(w)) throw new Error(`--workspace: ${w} does not exist`);
    if (o.copyWorkspace) {
      // Tests then write into a throwaway copy, never into the repo's fixtures. For a
      // .code-workspace file the folder holding it is copied (its folders must lie inside).
      const isFile = w.endsWith('.code-workspace');
      const src = isFile ? path.dirname(w) : w;
      workspaceCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-host-ws-'));
      const dest = path.join(workspaceCopy, path.basename(src));
      fs.cpSync(src, dest, { recursive: true });
      w = isFile ? path.join(dest, path.basename(w)) : dest;
    }
    if (w.endsWith('.code-workspace')) workspace = w;
    else folder = w;
  }
  const paths = toolPaths(o.toolsDir);
  checkTools(paths);
  const { chromium } = loadPlaywright(paths);

  const t0 = Date.now();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeMemory())), 1000);
  let server, browser, page;
  let timedOut = false;
  let exitCode = 1;
  let workbenchLogs = [];
  const counts = {};
  let timer;
  const result = { exitCode: 1, timedOut: false, durations: {}, peakMemoryBytes: 0 };
  try {
    server = await startCodeServer({
      toolsDir: o.toolsDir,
      userDataDir: o.userDataDir,
      workspaceTrust: o.workspaceTrust,
      extensionDevelopmentPath,
      onLog: o.verbose ? (l) => out(`[code-server] ${l}`) : undefined,
    });
    result.durations.serverStartMs = Date.now() - t0;
    info(`${server.version || 'code-server'} answering at ${server.baseUrl} after ${result.durations.serverStartMs} ms`);

    browser = await chromium.launch({ executablePath: paths.chromium, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();

    let finish;
    const finished = new Promise((r) => (finish = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = fmtArgs(args);
      if (!o.verbose && isNoise(text)) return;
      // mocha's spec summary ('  14 passing (19s)', '  1 failing', '  2 pending')
      const m = /^\s*(\d+) (passing|failing|pending)\b/.exec(text);
      if (m) counts[m[2]] = Number(m[1]);
      out(text);
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      if (Array.isArray(logs)) workbenchLogs = logs;
      const n = Number(code);
      finish(Number.isInteger(n) ? n : 1);
    });
    page.on('pageerror', (e) => {
      if (o.verbose || !isNoise(String(e))) out(`[browser pageerror] ${e?.stack || e}`);
    });
    if (o.verbose) page.on('console', (m) => out(`[browser ${m.type()}] ${m.text()}`));

    const serverDied = server.exited.then((c) => {
      throw new Error(`code-server exited (${c}) during the run\n--- code-server output ---\n${server.logs()}`);
    });
    const timeout = new Promise((r) => {
      timer = setTimeout(() => {
        timedOut = true;
        r('timeout');
      }, Math.max(0, timeoutMs - (Date.now() - t0)));
    });

    const url = server.workbenchUrl({ folder, workspace, extensionDevelopmentPath, extensionTestsPath });
    if (o.verbose) info(`opening ${url}`);
    await Promise.race([page.goto(url, { waitUntil: 'domcontentloaded', timeout: 0 }), serverDied, timeout]);

    const r = await Promise.race([finished, serverDied, timeout]);
    if (r === 'timeout') {
      info(`TIMEOUT: the suite did not finish within ${Math.round(timeoutMs / 1000)} s (extension host never reported an exit code)`);
      exitCode = 1;
    } else {
      exitCode = r;
      if (exitCode === 0 && counts.passing === 0 && !counts.failing && !o.allowNoTests) {
        info('FAILED: mocha reported 0 passing tests (no test ran); pass --allow-no-tests to accept that');
        exitCode = 1;
      }
    }
  } catch (e) {
    info(`ERROR: ${e?.stack || e}`);
    if (server && !String(e).includes('code-server output')) out(`--- code-server output ---\n${server.logs()}`);
    exitCode = 1;
  } finally {
    clearTimeout(timer);
    const failed = exitCode !== 0;
    const shots = [];
    if (o.screenshot) shots.push(path.resolve(o.screenshot));
    if (failed) {
      const f = path.resolve(o.failureScreenshot || path.join(paths.toolsDir, 'last-failure.png'));
      if (!shots.includes(f)) shots.push(f);
    }
    if (page && shots.length) {
      for (const f of shots) {
        try {
          fs.mkdirSync(path.dirname(f), { recursive: true });
          await page.screenshot({ path: f, timeout: 15_000 });
          info(`screenshot: ${f}`);
        } catch (e) {
          info(`could not take screenshot ${f}: ${e?.message || e}`);
        }
      }
    }
    if (o.logsDir && workbenchLogs.length) {
      for (const l of workbenchLogs) {
        const f = path.join(path.resolve(o.logsDir), l.relativePath);
        fs.mkdirSync(path.dirname(f), { recursive: true });
        fs.writeFileSync(f, l.contents);
      }
      info(`workbench logs: ${path.resolve(o.logsDir)}`);
    }
    if (failed && server && o.verbose !== true && process.env.VSCODE_HOST_SERVER_LOG_ON_FAILURE === '1') {
      out(`--- code-server output ---\n${server.logs()}`);
    }
    try {
      await browser?.close();
    } catch {
      /* ignore */
    }
    await server?.stop();
    clearInterval(sampler);
    if (workspaceCopy) fs.rmSync(workspaceCopy, { recursive: true, force: true, maxRetries: 3 });
  }
  result.counts = counts;
  result.exitCode = exitCode;
  result.timedOut = timedOut;
  result.durations.totalMs = Date.now() - t0;
  result.peakMemoryBytes = peak;
  info(
    `${exitCode === 0 ? 'PASSED' : 'FAILED'} (exit code ${exitCode}${timedOut ? ', timed out' : ''}) in ` +
      `${(result.durations.totalMs / 1000).toFixed(1)} s, peak memory ${(peak / 2 ** 30).toFixed(2)} GiB`,
  );
  if (counts.passing !== undefined || counts.failing !== undefined) {
    // The plain closing line CI reads: 'N passed, N failed' alone on a line.
    out(`integration: ${counts.passing || 0} passed, ${counts.failing || 0} failed${counts.pending ? `, ${counts.pending} skipped` : ''}`);
  }
  return result;
}

function parseArgs(argv) {
  const o = {};
  const need = (i, name) => {
    if (i >= argv.length || argv[i].startsWith('--')) throw new Error(`${name} needs a value`);
    return argv[i];
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const val = () => (inline !== undefined ? inline : need(++i, flag));
    switch (flag) {
      case '--extension': o.extensionDevelopmentPath = val(); break;
      case '--tests': o.extensionTestsPath = val(); break;
      case '--workspace': o.workspace = val(); break;
      case '--timeout': o.timeoutMs = Number(val()) * 1000; break;
      case '--screenshot': o.screenshot = val(); break;
      case '--failure-screenshot': o.failureScreenshot = val(); break;
      case '--user-data-dir': o.userDataDir = val(); break;
      case '--logs': o.logsDir = val(); break;
      case '--workspace-trust': o.workspaceTrust = true; break;
      case '--copy-workspace': o.copyWorkspace = true; break;
      case '--allow-no-tests': o.allowNoTests = true; break;
      case '--verbose': case '-v': o.verbose = true; break;
      case '--help': case '-h': o.help = true; break;
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  return o;
}

const USAGE = `usage: node scripts/vscode-host/run-tests.mjs --extension <dir> --tests <suite index.js> [--workspace <folder|file.code-workspace>]
       [--timeout <seconds, default 300>] [--screenshot <out.png>] [--failure-screenshot <png, default .vscode-host/last-failure.png>]
       [--copy-workspace] [--allow-no-tests] [--user-data-dir <dir>] [--logs <dir>] [--workspace-trust] [--verbose]`;

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
    if (o.help) {
      console.log(USAGE);
      process.exit(0);
    }
    if (!o.extensionDevelopmentPath || !o.extensionTestsPath) throw new Error('--extension and --tests are required');
    if (o.timeoutMs !== undefined && !(o.timeoutMs > 0)) throw new Error('--timeout must be a positive number of seconds');
  } catch (e) {
    console.error(`${e.message}\n${USAGE}`);
    process.exit(2);
  }
  let stopping = false;
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      console.error(`[vscode-host] ${sig}: stopping`);
      process.exit(130); // server.mjs kills code-server's process group on exit
    });
  }
  runVsCodeTests(o).then(
    (r) => process.exit(r.exitCode),
    (e) => {
      console.error(`[vscode-host] ${e?.message || e}`);
      process.exit(1);
    },
  );
}
