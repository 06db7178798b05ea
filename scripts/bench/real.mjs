#!/usr/bin/env node
// npm run bench:real [-- BENCH OPTIONS]  (the options of scripts/bench/run.mjs, without DIR)
//
// The bench on a real project instead of a generated one: Ghost's server (a Node.js CMS with
// members, newsletters and payments: ~1,700 JavaScript files, ~160k lines), fetched from the npm
// registry at a pinned version (npm checks the tarball against the registry's integrity hash).
// Its compiled admin client (core/built: minified bundles, which the scan skips as generated) is
// left out, so the floor parses the project's own source. The tree is kept under the system temp
// folder between runs; the bench edits one file for the warm run and restores it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'ghost';
const VERSION = '6.65.0';
/** Not source: the admin client, built and minified. */
const LEFT_OUT = ['core/built'];

const here = path.dirname(fileURLToPath(import.meta.url));
const tree = path.join(os.tmpdir(), 'privacy-review-real', `${PACKAGE}-${VERSION}`);
const complete = path.join(tree, '.privacy-review-fetched');

if (!fs.existsSync(complete)) fetchTree();
const bench = spawnSync(process.execPath, [path.join(here, 'run.mjs'), tree, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(bench.status ?? 1);

function fetchTree() {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-review-fetch-'));
  try {
    console.log(`fetching ${PACKAGE}@${VERSION} from the npm registry …`);
    run('npm', ['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', staging, '--silent']);
    const [tarball] = fs.readdirSync(staging).filter((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack left no tarball in ${staging}`);
    run('tar', ['-xzf', path.join(staging, tarball), '-C', staging]);
    for (const folder of LEFT_OUT) fs.rmSync(path.join(staging, 'package', folder), { recursive: true, force: true });
    fs.rmSync(tree, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(tree), { recursive: true });
    fs.renameSync(path.join(staging, 'package'), tree);
    fs.writeFileSync(complete, `${PACKAGE}@${VERSION} without ${LEFT_OUT.join(', ')}\n`);
    console.log(`${PACKAGE}@${VERSION} is in ${tree}`);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}
