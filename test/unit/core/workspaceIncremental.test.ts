// The workspace index after edits: only the edited file and what truly read it are analysed again,
// a new file costs only the files whose imports looked for it, and an analysed file keeps no syntax
// tree unless importers' sinks read it (a logger or client created from a library).
import { strict as assert } from 'node:assert';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { WorkspaceIndex, type WorkspaceOptions } from '../../../src/core';

function build(files: Record<string, string>, options: WorkspaceOptions = {}): WorkspaceIndex {
  const index = new WorkspaceIndex({ today: '2026-06-01', ...options });
  for (const [file, text] of Object.entries(files)) index.setFile(file, text);
  return index;
}

function analyseAll(index: WorkspaceIndex, files: Record<string, string>): void {
  for (const file of Object.keys(files)) assert.equal(index.analyze(file).parseError, undefined, file);
}

const categories = (index: WorkspaceIndex, file: string) => index.analyze(file).findings.map((finding) => `${finding.span.start.line}:${finding.category}`);

describe('workspace index: what an edit invalidates', () => {
  it('a new file invalidates only the files whose imports looked for it, not every analysed file', () => {
    const files = {
      'a.ts': `import { User } from './models/user';\nexport function f(u: User) { console.log(u); }\n`,
      'c.ts': `export function g(email: string) { console.log(email); }\n`,
      'd.ts': `import { g } from './c';\ng('x');\n`,
    };
    const index = build(files);
    analyseAll(index, files);
    assert.deepEqual(categories(index, 'a.ts'), [], 'User is unknown so far');
    const invalidated = index.setFile('models/user.ts', `export interface User { id: string; email: string }\n`);
    assert.deepEqual(invalidated.sort(), ['a.ts', 'models/user.ts']);
    assert.ok(index.isAnalysed('c.ts') && index.isAnalysed('d.ts'), 'unrelated analyses are kept');
    assert.deepEqual(categories(index, 'a.ts'), ['2:email']);
  });

  it('a new file that an import now finds first (user.ts before user/index.ts) re-resolves that import', () => {
    const files = {
      'user/index.ts': `export interface User { id: string }\n`,
      'a.ts': `import { User } from './user';\nexport function f(u: User) { console.log(u); }\n`,
    };
    const index = build(files);
    analyseAll(index, files);
    assert.deepEqual(categories(index, 'a.ts'), []);
    assert.deepEqual(index.setFile('user.ts', `export interface User { id: string; phone: string }\n`).sort(), ['a.ts', 'user.ts']);
    assert.deepEqual(categories(index, 'a.ts'), ['2:phone_number']);
  });

  it('a file found through a .js specifier or a folder index counts as looked for', () => {
    const files = {
      'a.ts': `import { User } from './models/user.js';\nexport function f(u: User) { console.log(u); }\n`,
      'b.ts': `import { Device } from './device';\nexport function h(d: Device) { console.log(d); }\n`,
    };
    const index = build(files);
    analyseAll(index, files);
    assert.deepEqual(index.setFile('models/user.ts', `export interface User { email: string }\n`).sort(), ['a.ts', 'models/user.ts']);
    assert.deepEqual(index.setFile('device/index.ts', `export interface Device { ipAddress: string }\n`).sort(), ['b.ts', 'device/index.ts']);
    assert.deepEqual(categories(index, 'a.ts'), ['2:email']);
    assert.deepEqual(categories(index, 'b.ts'), ['2:ip_address']);
  });

  it('adding many files to an analysed tree stays linear: none of them invalidates the others', () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < 300; n++) files[`lib/f${n}.ts`] = `import { helper } from './helper';\nexport function f${n}(x: string) { return helper(x); }\n`;
    files['lib/helper.ts'] = `export function helper(x: string) { return x; }\n`;
    const index = build(files);
    analyseAll(index, files);
    for (let n = 0; n < 300; n++) assert.deepEqual(index.setFile(`new/g${n}.ts`, `export const g${n} = ${n};\n`), [`new/g${n}.ts`]);
    assert.ok(index.isAnalysed('lib/f0.ts') && index.isAnalysed('lib/f299.ts'));
  });

  it('an import that was removed no longer ties the files together', () => {
    const index = build({
      'lib/audit.ts': `export function audit(e) { return e; }\n`,
      'a.ts': `import { audit } from './lib/audit';\naudit(1);\n`,
    });
    index.analyze('a.ts');
    index.setFile('a.ts', `export const nothing = 1;\n`);
    index.analyze('a.ts');
    assert.deepEqual(index.setFile('lib/audit.ts', `export function audit(e) { console.log(e); }\n`), ['lib/audit.ts']);
    assert.ok(index.isAnalysed('a.ts'));
  });

  it('removing a file invalidates the files that read it, and only those', () => {
    const files = {
      'models/user.ts': `export interface User { email: string }\n`,
      'a.ts': `import { User } from './models/user';\nexport function f(u: User) { console.log(u); }\n`,
      'b.ts': `export function b(x: number) { return x; }\n`,
    };
    const index = build(files);
    analyseAll(index, files);
    assert.deepEqual(index.removeFile('models/user.ts'), ['a.ts']);
    assert.ok(index.isAnalysed('b.ts'));
    assert.deepEqual(categories(index, 'a.ts'), []);
    assert.deepEqual(index.removeFile('no/such/file.ts'), []);
  });
});

describe('workspace index: memory', () => {
  const gc = (() => {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  })();

  it('an analysed file keeps no syntax tree, walker or type shapes: what importers need is computed eagerly', async () => {
    const trees = new Map<string, WeakRef<TSESTree.Program>>();
    const files = {
      'models/user.ts': `export interface User { id: string; email: string }\nexport class Account { constructor(public phone: string) {}\n  save(data) { console.log(data); return data; }\n}\n`,
      'lib/audit.ts': `export function audit(event) { console.info(event); return { event }; }\n`,
      'a.ts': `import { User, Account } from './models/user';\nimport { audit } from './lib/audit';\nexport function f(u: User, account: Account, req) {\n  audit({ ip: req.ip });\n  account.save(u);\n  console.log(u);\n}\n`,
    };
    const index = build(files, { onSyntaxTree: (file, program) => trees.set(file, new WeakRef(program)) });
    analyseAll(index, files);
    const expected = categories(index, 'a.ts');
    assert.deepEqual(expected, ['4:ip_address', '5:email', '6:email']);
    // A WeakRef keeps its target until the job that made it ends; a few rounds rule out timing.
    for (let round = 0; round < 5 && [...trees.values()].some((tree) => tree.deref()); round++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      gc();
    }
    for (const [file, tree] of trees) assert.equal(tree.deref(), undefined, `${file}'s syntax tree is still reachable`);
    assert.deepEqual(index.stats(), { files: 3, analysed: 3, keptTrees: 0, configurations: 0 });
    // Importers analysed again read only the compact exports, with the same results.
    index.setFile('a.ts', `${files['a.ts']}\n`);
    assert.deepEqual(categories(index, 'a.ts'), expected);
  });

  it('a file that creates a logger from a library keeps its tree for the sinks that use the logger', () => {
    const files = {
      'lib/logger.ts': `import pino from 'pino';\nexport const logger = pino({ redact: ['email'] });\n`,
      'a.ts': `import { logger } from './lib/logger';\nexport function f(email: string, phone: string) { logger.info({ email, phone }); }\n`,
    };
    const index = build(files);
    analyseAll(index, files);
    assert.deepEqual(categories(index, 'a.ts'), ['2:phone_number'], 'the redaction configured in lib/logger.ts applies');
    assert.equal(index.stats().keptTrees, 1);
  });
});
