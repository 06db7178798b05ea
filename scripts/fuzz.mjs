#!/usr/bin/env node
// A longer fuzz run than `npm test` does: the same properties (test/unit/hardening/fuzzProperties.ts),
// more cases, a random seed unless one is given. Needs the compiled tests (npm run compile-tests).
//
//   npm run fuzz -- --runs 5000 [--seed N] [--only source|project|catalog] [--per-file-ms 10000]
//
// A failure prints the seed and the shrunk counterexample; rerun with --seed to reproduce it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'out', 'test', 'unit', 'hardening', 'fuzzProperties.js');

let values;
try {
  ({ values } = parseArgs({
    options: {
      runs: { type: 'string', default: '1000' },
      seed: { type: 'string' },
      only: { type: 'string' },
      'per-file-ms': { type: 'string', default: '10000' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  console.error(`fuzz: ${error.message}`);
  process.exit(2);
}
if (values.help) {
  console.log('usage: node scripts/fuzz.mjs [--runs N] [--seed N] [--only source|project|catalog] [--per-file-ms N]');
  process.exit(0);
}
const runs = Number(values.runs);
const perFileMs = Number(values['per-file-ms']);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || !(perFileMs > 0)) {
  console.error('fuzz: --runs and --seed must be whole numbers, --per-file-ms a positive number');
  process.exit(2);
}
if (!existsSync(compiled)) {
  console.error(`fuzz: ${path.relative(process.cwd(), compiled)} is missing; run npm run compile-tests first`);
  process.exit(2);
}

const { mutatedFileProperty, mutatedProjectProperty, catalogProperty } = createRequire(import.meta.url)(compiled);
const selected = { source: [mutatedFileProperty], project: [mutatedProjectProperty], catalog: [catalogProperty] }[values.only] ?? [mutatedFileProperty, mutatedProjectProperty, catalogProperty];
if (values.only && !['source', 'project', 'catalog'].includes(values.only)) {
  console.error('fuzz: --only must be source, project or catalog');
  process.exit(2);
}

console.log(`fuzz: ${runs} cases per property, seed ${seed}, per-file bound ${perFileMs} ms`);
let failed = 0;
for (const property of selected) {
  const started = performance.now();
  try {
    // The project property analyses a whole project per case: a tenth of the cases.
    property.run({ runs: property === mutatedProjectProperty ? Math.max(1, Math.round(runs / 10)) : runs, seed, perFileMs });
    console.log(`  ✔ ${property.name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed++;
    console.log(`  ✖ ${property.name}\n${String(error?.message ?? error).replace(/^/gm, '    ')}`);
  }
}
console.log(failed ? `fuzz: ${failed} propert${failed === 1 ? 'y' : 'ies'} failed (seed ${seed})` : 'fuzz: no failures');
process.exit(failed ? 1 : 0);
