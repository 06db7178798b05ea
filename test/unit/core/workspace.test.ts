import { strict as assert } from 'node:assert';
import { WorkspaceIndex, type WorkspaceOptions } from '../../../src/core';
import { workspaceFindingsOf, type ExpectedFinding } from './findingTable';

interface WorkspaceCase {
  name: string;
  files: Record<string, string>;
  options?: WorkspaceOptions;
  /** Findings per file, for the files named here (others are not checked). */
  expect: Record<string, ExpectedFinding[]>;
}

const log = (line: number, category: string) => ({ line, category, sink: 'log' });
const stored = (line: number, category: string) => ({ line, category, sink: 'storage' });

const findingsOf = workspaceFindingsOf;

function build(files: Record<string, string>, options: WorkspaceOptions = {}): WorkspaceIndex {
  const index = new WorkspaceIndex({ today: '2026-06-01', ...options });
  for (const [file, text] of Object.entries(files)) index.setFile(file, text);
  return index;
}

const USER = `export interface User {\n  id: string;\n  email: string;\n  phone: string;\n}\n`;

const cases: WorkspaceCase[] = [
  {
    name: 'a type declared in models/ makes a logged value personal in another file',
    files: { 'models/user.ts': USER, 'services/signup.ts': `import { User } from '../models/user';\nexport function signup(user: User) {\n  console.log(user);\n  console.log(user.id);\n}\n` },
    expect: { 'services/signup.ts': [log(3, 'email'), log(3, 'phone_number')] },
  },
  {
    name: 'import type, through a barrel with export *',
    files: {
      'models/user.ts': USER,
      'models/index.ts': `export * from './user';\n`,
      'a.ts': `import type { User } from './models';\nexport const f = (u: User) => console.info(u.phone);\n`,
    },
    expect: { 'a.ts': [log(2, 'phone_number')] },
  },
  {
    name: 'a named re-export and a default export',
    files: {
      'models/user.ts': `export default interface Account { email: string }\n`,
      'models/index.ts': `export { default as Account } from './user';\n`,
      'a.ts': `import { Account } from './models/index.js';\nexport function f(a: Account) { console.log(a); }\n`,
    },
    expect: { 'a.ts': [log(2, 'email')] },
  },
  {
    name: 'a wrapper in lib/ is reported at the call that passes personal data in',
    files: {
      'lib/audit.ts': `import { logger } from './logger';\nexport function audit(event: unknown) {\n  logger.info('audit', event);\n}\n`,
      'lib/logger.ts': `export const logger = console;\n`,
      'routes/login.ts': `import { audit } from '../lib/audit';\nexport function login(req) {\n  audit({ action: 'login', ip: req.ip });\n  audit({ action: 'logout' });\n}\n`,
    },
    expect: { 'lib/audit.ts': [], 'routes/login.ts': [log(3, 'ip_address')] },
  },
  {
    name: 'a namespace import of the wrapper module',
    files: {
      'lib/audit.ts': `export function record(e) { console.warn(e); }\n`,
      'a.ts': `import * as audit from './lib/audit';\naudit.record(user.email);\n`,
    },
    expect: { 'a.ts': [log(2, 'email')] },
  },
  {
    name: 'CommonJS require of a wrapper',
    files: {
      'lib/audit.js': `function record(e) { console.warn(e); }\nmodule.exports = { record };\n`,
      'a.js': `const { record } = require('./lib/audit');\nrecord(req.ip);\n`,
    },
    expect: { 'a.js': [log(2, 'ip_address')] },
  },
  {
    name: 'a tsconfig path alias',
    files: { 'src/models/user.ts': USER, 'src/a.ts': `import { User } from '@models/user';\nexport function f(u: User) { console.log(u.email); }\n` },
    options: { pathMapping: { baseUrl: 'src', paths: { '@models/*': ['models/*'] } } },
    expect: { 'src/a.ts': [log(2, 'email')] },
  },
  {
    name: 'extends and Pick across files',
    files: {
      'base.ts': `export interface Contact { phone: string; email: string; id: string }\n`,
      'player.ts': `import { Contact } from './base';\nexport interface Player extends Pick<Contact, 'phone' | 'id'> { gamertag: string }\n`,
      'a.ts': `import { Player } from './player';\nexport function f(p: Player) { console.log(p); }\n`,
    },
    expect: { 'a.ts': [log(2, 'phone_number'), log(2, 'username')] },
  },
  {
    name: 'a retention declared on the member in the model file covers every use',
    files: {
      'models/user.ts': `export interface User {\n  /** @retention P30D */\n  email: string;\n}\n`,
      'a.ts': `import { User } from './models/user';\nexport function f(u: User) { console.log(u.email); }\n`,
    },
    expect: { 'a.ts': [] },
  },
  {
    name: 'a function whose declared return type is personal, in another file',
    files: {
      'models/user.ts': USER,
      'repo.ts': `import { User } from './models/user';\nexport function loadUser(id: string): Promise<User> { return db.get(id); }\n`,
      'a.ts': `import { loadUser } from './repo';\nexport async function f(id: string) {\n  const user = await loadUser(id);\n  await prisma.audit.create({ data: { who: user } });\n}\n`,
    },
    expect: { 'a.ts': [stored(4, 'email'), stored(4, 'phone_number')] },
  },
  {
    name: 'a method of an injected service declared in another file',
    files: {
      'audit.service.ts': `export class AuditService {\n  record(entry: object) {\n    console.log(entry);\n  }\n}\n`,
      'users.controller.ts': `import { AuditService } from './audit.service';\nexport class UsersController {\n  constructor(private readonly audit: AuditService) {}\n  create(body) {\n    this.audit.record({ email: body.email });\n  }\n}\n`,
    },
    expect: { 'users.controller.ts': [log(5, 'email')], 'audit.service.ts': [] },
  },
  {
    name: 'a logger and a Redis client created in one file are sinks where they are imported',
    files: {
      'lib/clients.ts': `import pino from 'pino';\nimport Redis from 'ioredis';\nexport const out = pino({ level: 'info' });\nexport const store = new Redis();\n`,
      'lib/index.ts': `export { out, store } from './clients';\n`,
      'a.ts': `import { out, store } from './lib';\nexport async function f(email: string) {\n  out.info(email);\n  await store.set('k', email);\n  await store.set('k2', email, 'EX', 60);\n}\n`,
    },
    expect: { 'a.ts': [log(3, 'email'), stored(4, 'email')] },
  },
  {
    name: 'an import cycle ends',
    files: {
      'a.ts': `import { b } from './b';\nexport function a(x) { b(x); }\n`,
      'b.ts': `import { a } from './a';\nexport function b(x) { console.log(x); a(x); }\n`,
      'c.ts': `import { a } from './a';\na(req.ip);\n`,
    },
    expect: { 'c.ts': [log(2, 'ip_address')] },
  },
  {
    name: 'an import of something outside the tree is simply unknown',
    files: { 'a.ts': `import { User } from '@acme/models';\nimport { audit } from 'left-pad';\nexport function f(u: User) { audit(u); console.log(u.id); }\n` },
    expect: { 'a.ts': [] },
  },
];

describe('workspace index: across files', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const index = build(testCase.files, testCase.options);
      for (const [file, expected] of Object.entries(testCase.expect)) assert.deepEqual(findingsOf(index, file), expected, file);
    });
  }
});

describe('workspace index: incremental', () => {
  it('editing a type file updates findings in a file that imports it, and only its dependents are invalidated', () => {
    const index = build({
      'models/user.ts': `export interface User { id: string; createdAt: string }\n`,
      'a.ts': `import { User } from './models/user';\nexport function f(u: User) { console.log(u); }\n`,
      'b.ts': `export const unrelated = 1;\n`,
    });
    assert.deepEqual(findingsOf(index, 'a.ts'), []);
    findingsOf(index, 'b.ts');
    const invalidated = index.setFile('models/user.ts', `export interface User { id: string; createdAt: string; email: string }\n`);
    assert.deepEqual(invalidated.sort(), ['a.ts', 'models/user.ts']);
    assert.deepEqual(findingsOf(index, 'a.ts'), [log(2, 'email')]);
  });

  it('editing a wrapper updates its callers', () => {
    const index = build({
      'lib/audit.ts': `export function audit(e) { return e; }\n`,
      'a.ts': `import { audit } from './lib/audit';\naudit(req.ip);\n`,
    });
    assert.deepEqual(findingsOf(index, 'a.ts'), []);
    assert.deepEqual(index.setFile('lib/audit.ts', `export function audit(e) { console.log(e); }\n`).sort(), ['a.ts', 'lib/audit.ts']);
    assert.deepEqual(findingsOf(index, 'a.ts'), [log(2, 'ip_address')]);
  });

  it('setting the same text again invalidates nothing; removing a file makes its importers forget it', () => {
    const index = build({ 'models/user.ts': USER, 'a.ts': `import { User } from './models/user';\nexport function f(u: User) { console.log(u.email); }\n` });
    assert.deepEqual(findingsOf(index, 'a.ts'), [log(2, 'email')]);
    assert.deepEqual(index.setFile('models/user.ts', USER), []);
    assert.ok(index.removeFile('models/user.ts').includes('a.ts'));
    assert.deepEqual(findingsOf(index, 'a.ts'), [log(2, 'email')], 'the name u.email still reads as an email');
  });
});
