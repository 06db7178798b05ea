#!/usr/bin/env node
// Writes privacy-catalog.schema.json at the repo root from CATALOG_SCHEMA in
// src/core/catalog/schema.ts, so the shipped schema and the TypeScript source never differ.
//
//   node scripts/write-schema.mjs [--check]
//
// --check: write nothing; exit 1 when the file on disk differs from the generated text.
// The schema module is bundled in memory with esbuild, so no tsc run is needed first.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA_SOURCE = path.join(REPO_ROOT, 'src', 'core', 'catalog', 'schema.ts');
const SCHEMA_FILE = path.join(REPO_ROOT, 'privacy-catalog.schema.json');

async function loadSchema() {
  const bundle = await esbuild.build({
    entryPoints: [SCHEMA_SOURCE],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  const code = bundle.outputFiles[0].text;
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  if (!module.CATALOG_SCHEMA) throw new Error(`${path.relative(REPO_ROOT, SCHEMA_SOURCE)} exports no CATALOG_SCHEMA`);
  return module.CATALOG_SCHEMA;
}

/** The exact text of the shipped file: 2-space indent, trailing newline. */
export function schemaText(schema) {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const check = process.argv.includes('--check');
const text = schemaText(await loadSchema());
const relative = path.relative(process.cwd(), SCHEMA_FILE) || SCHEMA_FILE;
if (check) {
  const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
  if (current !== text) {
    process.stderr.write(`${relative} is out of date: run node scripts/write-schema.mjs\n`);
    process.exit(1);
  }
  process.stdout.write(`${relative} is up to date\n`);
} else {
  const temporary = `${SCHEMA_FILE}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, SCHEMA_FILE);
  process.stdout.write(`wrote ${relative}\n`);
}
