// Nothing in a scanned workspace can make Privacy Review run code, load a module or talk to the
// network: a review of src/ as a test, so a change that adds one of these has to say why here.
//   - no eval, no new Function / Function(…), no vm, no dynamic require or import() (the one
//     require() loads typescript-estree lazily, by its literal name);
//   - child processes only in the git helpers, only `git` with an argument array, never a shell;
//   - worker threads only from the extension's own bundled scripts (__dirname), never a workspace path;
//   - no network: no http/https/net/tls/dgram/dns/http2 modules, no fetch, XMLHttpRequest, WebSocket
//     or sendBeacon — in src/ and in the shipped bundles (which include every dependency).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** out/test/unit/hardening → the repository root. */
const REPO_ROOT = path.resolve(__dirname, '../../../..');

interface SourceFile {
  file: string;
  /** The text with comments and string contents blanked (same length), so a word in prose is not code. */
  code: string;
  text: string;
}

/** Blanks comments and the insides of string and template literals, keeping offsets and quotes. */
export function codeOnly(text: string): string {
  let result = '';
  let index = 0;
  const blank = (from: number, to: number) => text.slice(from, to).replace(/[^\n]/g, ' ');
  while (index < text.length) {
    const char = text[index];
    const next = text[index + 1];
    if (char === '/' && next === '/') {
      const end = text.indexOf('\n', index);
      const stop = end < 0 ? text.length : end;
      result += blank(index, stop);
      index = stop;
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', index + 2);
      const stop = end < 0 ? text.length : end + 2;
      result += blank(index, stop);
      index = stop;
    } else if (char === '"' || char === "'" || char === '`') {
      let end = index + 1;
      while (end < text.length && text[end] !== char) end += text[end] === '\\' ? 2 : 1;
      result += char + blank(index + 1, Math.min(end, text.length)) + (end < text.length ? char : '');
      index = end + 1;
    } else {
      result += char;
      index++;
    }
  }
  return result;
}

function sources(directory: string): SourceFile[] {
  const found: SourceFile[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|js|mjs|cjs)$/.test(entry.name)) {
        const text = fs.readFileSync(full, 'utf8');
        found.push({ file: path.relative(REPO_ROOT, full).split(path.sep).join('/'), text, code: codeOnly(text) });
      }
    }
  };
  walk(directory);
  return found;
}

/** Each match of `pattern` in code (outside comments and strings), as "file:line: text". */
function offenders(files: SourceFile[], pattern: RegExp, allowed: (file: SourceFile, line: string) => boolean = () => false): string[] {
  const found: string[] = [];
  for (const file of files) {
    for (const match of file.code.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))) {
      const lineNumber = file.code.slice(0, match.index).split('\n').length;
      const line = file.text.split('\n')[lineNumber - 1].trim();
      if (!allowed(file, line)) found.push(`${file.file}:${lineNumber}: ${line}`);
    }
  }
  return found;
}

/** Where child processes may start, and why. */
const CHILD_PROCESS_FILES: Record<string, string> = {
  'src/scan/changedSince.ts': 'the CLI\'s --changed-since asks git for the changed lines',
  'src/extension/gitChanges.ts': 'Scan Changes Since… asks git, asynchronously',
};
const NETWORK_MODULES = ['http', 'https', 'net', 'tls', 'dgram', 'dns', 'http2', 'undici', 'ws', 'node-fetch', 'axios', 'got'];
/** What the bundles may require at run time (dependencies included), and why none of it reaches the network. */
const BUNDLE_REQUIRES: Record<string, string> = {
  ...Object.fromEntries(['fs', 'path', 'os', 'crypto', 'util', 'url', 'tty', 'perf_hooks', 'worker_threads', 'assert', 'events', 'stream', 'buffer', 'module', 'process'].map((name) => [name, 'a local Node built-in'])),
  child_process: 'git, from the two helpers above (TypeScript\'s own use is for tsc --watch, never called)',
  inspector: "TypeScript's CPU profiler, only under tsc's --generateCpuProfile, never called",
  v8: 'the analysis worker turns on --expose-gc for its memory figures',
  vm: "the analysis worker reads gc with vm.runInNewContext('gc'), a constant; the CLI launcher compiles its own bundle (both checked above)",
  'source-map-support': "TypeScript's debug mode, in a try/catch; resolved from the extension's folder, never the workspace",
  vscode: 'the editor API (extension only)',
};

describe('nothing in the workspace can run code, load modules or reach the network', () => {
  const files = sources(path.join(REPO_ROOT, 'src'));

  it('the comment and string blanking keeps code and drops prose', () => {
    assert.equal(codeOnly("eval('x') // eval(y)\nconst s = 'eval(z)';"), `eval(' ')${' '.repeat(11)}\nconst s = '       ';`);
  });
  it('src/ has sources to review', () => assert.ok(files.length > 50, `${files.length} files`));

  const rules: { name: string; pattern: RegExp; allowed?: (file: SourceFile, line: string) => boolean }[] = [
    { name: 'no eval', pattern: /\beval\s*\(/ },
    { name: 'no new Function or Function(…)', pattern: /\bnew\s+Function\b|(?<![.\w$])Function\s*\(/ },
    {
      // The analysis worker reads V8's gc function with vm.runInNewContext('gc') (after --expose-gc): a constant, never workspace text.
      // The bin compiles our own CLI bundle (a path from __dirname) with a code cache: src/cli/launch.ts.
      name: "no vm module, except vm.runInNewContext('gc') and the launcher's compile of its own bundle",
      pattern: /['"](?:node:)?vm['"]/,
      allowed: (file) =>
        file.file === 'src/cli/launch.ts'
          ? /const BUNDLE = path\.join\(__dirname, 'cli-main\.js'\);/.test(file.text) && [...file.text.matchAll(/\bnew vm\.Script\(([^,]*),/g)].every((call) => call[1] === 'Module.wrap(source)')
          : [...file.text.matchAll(/\bvm\.(\w+)\s*\(([^)]*)\)/g)].every((call) => call[1] === 'runInNewContext' && call[2].trim() === "'gc'"),
    },
    {
      // src/core/estree.ts loads typescript-estree on first use (a run that parses nothing skips TypeScript's start-up): a literal name, bundled like an import.
      name: 'no require(), except `require.main === module` and the lazy load of typescript-estree',
      pattern: /\brequire\s*(?:\(|\.(?!main\s*===\s*module))/,
      allowed: (file, line) => file.file === 'src/core/estree.ts' && /\brequire\('@typescript-eslint\/typescript-estree'\)/.test(line),
    },
    { name: 'no dynamic import()', pattern: /\bimport\s*\(/ },
    { name: 'no process.binding or dlopen', pattern: /\bprocess\s*\.\s*(?:binding|dlopen)\b/ },
    {
      name: `child processes only in ${Object.keys(CHILD_PROCESS_FILES).join(' and ')}`,
      pattern: /['"](?:node:)?child_process['"]/,
      allowed: (file) => file.file in CHILD_PROCESS_FILES,
    },
    { name: 'never a shell: no exec, execSync or shell: true', pattern: /(?<![.\w$])(?:exec|execSync)\s*\(|\bshell\s*:\s*true/ },
    {
      name: "execFile/execFileSync/spawn only run 'git', with an argument array",
      pattern: /\b(?:execFile|execFileSync|spawn|spawnSync|fork)\s*\(/,
      allowed: (file, line) => file.file in CHILD_PROCESS_FILES && /\b(?:execFile|execFileSync)\s*\(\s*$|\b(?:execFile|execFileSync)\s*\(\s*'git'\s*,\s*\[/.test(line),
    },
    {
      name: 'worker threads only from the extension\'s own scripts (a path built from __dirname)',
      pattern: /\bnew\s+Worker\s*\(/,
      allowed: (file) => /path\.join\(\s*__dirname\s*,\s*'[\w.]+\.js'\s*\)/.test(file.text),
    },
    { name: 'no network modules', pattern: new RegExp(`['"](?:node:)?(?:${NETWORK_MODULES.join('|')})(?:/[\\w/]*)?['"]`) },
    { name: 'no fetch, XMLHttpRequest, WebSocket or sendBeacon', pattern: /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bsendBeacon\b/ },
  ];
  for (const { name, pattern, allowed } of rules) {
    it(name, () => assert.deepEqual(offenders(files, pattern, allowed), []));
  }

  it('the git helpers pass git its arguments as an array whose first element is literal', () => {
    for (const file of Object.keys(CHILD_PROCESS_FILES)) {
      const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
      assert.match(text, /\b(?:execFile|execFileSync)\s*\(\s*'git'\s*,\s*\[/, `${file}: git with an argument array`);
    }
  });

  for (const bundle of ['dist/cli.js', 'dist/cli-main.js', 'dist/extension.js', 'dist/worker.js', 'dist/analysisWorker.js']) {
    it(`${bundle} (with every dependency) requires no network module`, function () {
      const file = path.join(REPO_ROOT, bundle);
      if (!fs.existsSync(file)) this.skip(); // `npm test` builds first; a bare mocha run may not have
      const required = new Set([...fs.readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]*)"\)/g)].map((match) => match[1].replace(/^node:/, '')));
      const unexpected = [...required].filter((name) => name !== '' && !(name in BUNDLE_REQUIRES));
      assert.deepEqual(unexpected, [], `${bundle} requires ${unexpected.join(', ')}: if none reaches the network, add it to BUNDLE_REQUIRES with the reason`);
      assert.deepEqual([...required].filter((name) => NETWORK_MODULES.includes(name)), []);
    });
  }
});
