// A directory of 100,000 empty files: the scan finishes in reasonable time (measured and printed,
// not asserted: machines differ), the one real file keeps its finding, and the text summary stays
// readable (the first skipped files listed, the rest counted by reason).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatText, MAX_LISTED_SKIPPED } from '../../../src/report/text';
import { scanDirectory, type ScanResult } from '../../../src/scan/scan';
import { temporaryDirectory } from '../scan/cliHarness';

const EMPTY_FILES = 100_000;

describe('a directory with 100,000 empty files', function () {
  this.timeout(180_000);
  let result: ScanResult;
  const timings: Record<string, number> = {};

  before(() => {
    const root = temporaryDirectory('privacy-review-100k-');
    const started = performance.now();
    fs.mkdirSync(path.join(root, 'generated'));
    for (let index = 0; index < EMPTY_FILES; index++) fs.closeSync(fs.openSync(path.join(root, 'generated', `file${index}.ts`), 'w'));
    fs.writeFileSync(path.join(root, 'app.ts'), "console.log('from', req.ip);\n");
    timings.generateMs = performance.now() - started;
    const scanStarted = performance.now();
    result = scanDirectory(root);
    timings.scanMs = performance.now() - scanStarted;
    // Removing 100,000 files is part of the cost of this test, not of the scan: done here, timed apart.
    const removeStarted = performance.now();
    fs.rmSync(path.join(root, 'generated'), { recursive: true, force: true });
    timings.removeMs = performance.now() - removeStarted;
  });

  after(() => {
    console.log(`      100,000 empty files: generated in ${Math.round(timings.generateMs)} ms, scanned in ${Math.round(timings.scanMs)} ms, removed in ${Math.round(timings.removeMs)} ms`);
  });

  it('the one real file is scanned and keeps its finding', () => {
    assert.equal(result.filesScanned, 1);
    assert.deepEqual(result.findings.map((finding) => `${finding.file}:${finding.span.start.line} ${finding.category}`), ['app.ts:1 ip_address']);
  });

  it('every empty file is listed as skipped, "empty file"', () => {
    assert.equal(result.skipped.length, EMPTY_FILES);
    assert.ok(result.skipped.every((entry) => entry.reason === 'empty file'));
  });

  it('the text summary lists the first files and counts the rest by reason', () => {
    const text = formatText(result);
    const lines = text.split('\n');
    assert.ok(lines.length < MAX_LISTED_SKIPPED + 20, `${lines.length} lines`);
    assert.match(text, /^Skipped 100000 file\(s\)$/m);
    assert.match(text, new RegExp(`^ {2}… and ${EMPTY_FILES - MAX_LISTED_SKIPPED} more: ${EMPTY_FILES - MAX_LISTED_SKIPPED} empty file \\(--format json lists every one\\)$`, 'm'));
  });
});
