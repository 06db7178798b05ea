// Discovery's default excludes test a suffix before minimatch; the result must be what minimatch
// alone gives, on names built to sit at the edges of the suffixes.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Minimatch } from 'minimatch';
import { DEFAULT_EXCLUDE_GLOBS, discoverFiles } from '../../../src/scan/discover';

describe('discovery: default excludes', () => {
  // path, whether discovery keeps it
  const cases: [string, boolean][] = [
    ['src/app.ts', true],
    ['src/types.d.ts', false],
    ['src/.d.ts', false],
    ['src/d.ts', true],
    ['src/types.d.tsx', true],
    ['vendor/lib.min.js', false],
    ['vendor/lib.min.mjs', false],
    ['vendor/min.js', true],
    ['vendor/lib.minjs.js', true],
    ['vendor/app.bundle.js', false],
    ['vendor/app.bundle.ts', true],
    ['odd.min.js/inside.ts', false],
    ['odd.d.ts/inside.ts', false],
    ['deep/a/b/c.min.js', false],
  ];
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-review-discover-'));
    for (const [file] of cases) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), 'export {};\n');
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  for (const [file, kept] of cases) {
    it(`${file}: ${kept ? 'kept' : 'excluded'}`, () => {
      assert.equal(discoverFiles(root).files.includes(file), kept);
      // minimatch alone agrees (on the file, or on a folder of its path for the folder cases).
      const globs = DEFAULT_EXCLUDE_GLOBS.map((glob) => new Minimatch(glob, { dot: true }));
      const segments = file.split('/');
      const prefixes = segments.map((_, index) => segments.slice(0, index + 1).join('/'));
      const excludedByMinimatch = prefixes.some((prefix) => globs.some((glob) => glob.match(prefix) || glob.match(`${prefix}/`)));
      assert.equal(!excludedByMinimatch, kept);
    });
  }
});
