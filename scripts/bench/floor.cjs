// The floor: a fresh process that reads and parses every file the scan would read, with the same
// typescript-estree options as src/core/parse.ts (comments off: the engine reads them itself, and only
// where a tag may be), and nothing else. Prints { files, lines, ms }.
//   node scripts/bench/floor.cjs FILE_LIST.json
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const started = performance.now();
const { parse } = require('@typescript-eslint/typescript-estree');
const { root, files } = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let lines = 0;
let failed = 0;
for (const file of files) {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  lines += text.split('\n').length;
  try {
    parse(text, { filePath: file, loc: true, range: true, comment: false, tokens: false, jsDocParsingMode: 'none', loggerFn: false, errorOnUnknownASTType: false });
  } catch {
    failed++;
  }
}
process.stdout.write(JSON.stringify({ files: files.length, lines, failed, ms: performance.now() - started }) + '\n');
