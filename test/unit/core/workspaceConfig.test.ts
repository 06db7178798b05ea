// A logger or client configured in one file and used in others (also through re-exports): its
// redaction, rotation and TTL apply where it is used; process-wide configuration (Sentry.init,
// session middleware, log4js.configure) is read from the workspace files that import the library.
import { strict as assert } from 'node:assert';
import { WorkspaceIndex } from '../../../src/core';
import { workspaceFindingsOf, type ExpectedFinding } from './findingTable';

const log = (line: number, category: string) => ({ line, category, sink: 'log' });
const stored = (line: number, category: string) => ({ line, category, sink: 'storage' });
const mismatch = (line: number, category: string) => ({ line, category, sink: 'retention-mismatch' });

const findingsOf = workspaceFindingsOf;

function build(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex({ today: '2026-06-01' });
  for (const [file, text] of Object.entries(files)) index.setFile(file, text);
  return index;
}

const USER = `export interface User {\n  id: string;\n  email: string;\n  phone: string;\n}\n`;
const PINO_LOGGER = `import pino from 'pino';\nexport const logger = pino({\n  redact: ['user.email', '*.ip'],\n  transport: { target: 'pino-roll', options: { file: 'logs/app', frequency: 'daily', limit: { count: 29 } } },\n});\n`;

const cases: { name: string; files: Record<string, string>; expect: Record<string, ExpectedFinding[]> }[] = [
  {
    name: 'a pino logger with redact and pino-roll, created in lib/ and re-exported by a barrel',
    files: {
      'models/user.ts': USER,
      'lib/logger.ts': PINO_LOGGER,
      'lib/index.ts': `export * from './logger';\n`,
      'routes/a.ts': `import { logger } from '../lib';\nimport type { User } from '../models/user';\nexport function f(user: User, phone: string) {\n  logger.info({ user });\n  logger.info({ who: { ip: '1' } });\n  logger.child({ phone }).info('x');\n}\n`,
    },
    // Rotation keeps 30 days: every flow is covered; nothing declared disagrees.
    expect: { 'routes/a.ts': [] },
  },
  {
    name: 'the rotation against a @retention in the file that uses the logger: reported at its first sink there',
    files: {
      'models/user.ts': USER,
      'lib/logger.ts': PINO_LOGGER,
      'routes/a.ts': `import { logger } from '../lib/logger';\nimport type { User } from '../models/user';\n/** @retention P7D */\nexport function f(user: User) {\n  logger.info({ user });\n  logger.warn({ user });\n}\n`,
    },
    // user.email is redacted: only user.phone reaches the log, kept 30 days instead of 7.
    expect: { 'routes/a.ts': [mismatch(5, 'phone_number')], 'lib/logger.ts': [] },
  },
  {
    name: 'redaction without rotation: what the redaction leaves in is reported in the importing file',
    files: {
      'models/user.ts': USER,
      'lib/logger.ts': `import pino from 'pino';\nconst base = pino({ redact: ['user.email'] });\nexport const logger = base.child({ service: 'api' });\n`,
      'lib/index.ts': `export { logger as log } from './logger';\n`,
      'routes/a.ts': `import { log } from '../lib';\nimport type { User } from '../models/user';\nexport function f(user: User) {\n  log.info({ user });\n}\n`,
    },
    expect: { 'routes/a.ts': [log(4, 'phone_number')] },
  },
  {
    name: 'a winston logger with a scrubbing format and daily rotation, default-exported',
    files: {
      'logger.ts': `import winston from 'winston';\nimport DailyRotateFile from 'winston-daily-rotate-file';\nconst scrub = winston.format((info) => { delete info.email; return info; });\nconst logger = winston.createLogger({\n  format: winston.format.combine(scrub(), winston.format.json()),\n  transports: [new DailyRotateFile({ filename: 'app-%DATE%.log', maxFiles: 14 })],\n});\nexport default logger;\n`,
      'a.ts': `import logger from './logger';\n// @retention P7D\nexport function f(email: string, phone: string) { logger.info('signup', { email, phone }); }\n`,
    },
    // email is scrubbed; phone is kept 14 days by the rotation, longer than the 7 declared.
    expect: { 'a.ts': [mismatch(3, 'phone_number')] },
  },
  {
    name: 'Sentry.init in an instrument file no route imports',
    files: {
      'instrument.ts': `import * as Sentry from '@sentry/node';\nSentry.init({\n  dsn: process.env.SENTRY_DSN,\n  beforeSend(event) {\n    if (event.user) delete event.user.email;\n    return event;\n  },\n});\n`,
      'server.ts': `import './instrument';\nimport { router } from './routes';\n`,
      'routes.ts': `import * as Sentry from '@sentry/node';\nexport function onError(user: { id: string; email: string; phone: string }) {\n  Sentry.setUser({ id: user.id, email: user.email });\n  Sentry.setUser({ phone: user.phone });\n}\n`,
    },
    expect: { 'routes.ts': [log(4, 'phone_number')] },
  },
  {
    name: 'express-session configured in app.ts covers session writes in a route file',
    files: {
      'app.ts': `import express from 'express';\nimport session from 'express-session';\nimport RedisStore from 'connect-redis';\nconst app = express();\napp.use(session({ secret: 's', store: new RedisStore({ client, ttl: 60 * 60 * 24 * 30 }) }));\n`,
      'routes/login.ts': `/** @retention P7D */\nexport function login(req) {\n  req.session.email = req.body.email;\n}\nexport function profile(req) {\n  req.session.phone = req.body.phone;\n}\n`,
    },
    expect: { 'routes/login.ts': [mismatch(3, 'email')], 'app.ts': [] },
  },
  {
    name: 'log4js configured once at start-up',
    files: {
      'config/logging.ts': `import log4js from 'log4js';\nlog4js.configure({\n  appenders: { app: { type: 'dateFile', filename: 'app.log', numBackups: 6 } },\n  categories: { default: { appenders: ['app'], level: 'info' } },\n});\n`,
      'a.ts': `import log4js from 'log4js';\nconst logger = log4js.getLogger('a');\nexport function f(email: string) { logger.info(email); }\n`,
    },
    expect: { 'a.ts': [] },
  },
  {
    name: 'cache and Redis clients with TTLs, created in one file',
    files: {
      'clients.ts': `import { LRUCache } from 'lru-cache';\nimport Redis from 'ioredis';\nexport const lru = new LRUCache({ max: 500, ttl: 5 * 60_000 });\nexport const noTtl = new LRUCache({ max: 500 });\nconst redis = new Redis();\nexport function cacheSet(key: string, value: unknown) {\n  return redis.set(key, JSON.stringify(value), 'EX', 3600);\n}\n`,
      'a.ts': `import { lru, noTtl, cacheSet } from './clients';\nexport function f(req) {\n  lru.set('k', req.ip);\n  noTtl.set('k', req.ip);\n  cacheSet('visit', { ip: req.ip });\n}\n`,
    },
    expect: { 'a.ts': [stored(4, 'ip_address')] },
  },
];

describe('workspace index: configuration across files', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const index = build(testCase.files);
      for (const [file, expected] of Object.entries(testCase.expect)) assert.deepEqual(findingsOf(index, file), expected, file);
    });
  }

  it('editing the logger file updates its users', () => {
    const index = build({
      'lib/logger.ts': `import pino from 'pino';\nexport const logger = pino();\n`,
      'a.ts': `import { logger } from './lib/logger';\nexport function f(email: string) { logger.info({ email }); }\n`,
    });
    assert.deepEqual(findingsOf(index, 'a.ts'), [log(2, 'email')]);
    assert.ok(index.setFile('lib/logger.ts', `import pino from 'pino';\nexport const logger = pino({ redact: ['email'] });\n`).includes('a.ts'));
    assert.deepEqual(findingsOf(index, 'a.ts'), []);
  });

  it('editing the Sentry init file updates the files that capture', () => {
    const index = build({
      'instrument.ts': `import * as Sentry from '@sentry/node';\nSentry.init({ dsn });\n`,
      'a.ts': `import * as Sentry from '@sentry/node';\nexport function f(email: string) { Sentry.setUser({ email }); }\n`,
    });
    assert.deepEqual(findingsOf(index, 'a.ts'), [log(2, 'email')]);
    assert.ok(index.setFile('instrument.ts', `import * as Sentry from '@sentry/node';\nSentry.init({ dsn, beforeSend: (event) => { delete event.user; return event; } });\n`).includes('a.ts'));
    assert.deepEqual(findingsOf(index, 'a.ts'), []);
  });

  it('a file that starts configuring Sentry updates the files that capture', () => {
    const index = build({
      'instrument.ts': `import * as Sentry from '@sentry/node';\n`,
      'a.ts': `import * as Sentry from '@sentry/node';\nexport function f(email: string) { Sentry.setUser({ email }); }\n`,
    });
    assert.deepEqual(findingsOf(index, 'a.ts'), [log(2, 'email')]);
    assert.ok(index.setFile('instrument.ts', `import * as Sentry from '@sentry/node';\nSentry.init({ beforeSend: (event) => { delete event.user; return event; } });\n`).includes('a.ts'));
    assert.deepEqual(findingsOf(index, 'a.ts'), []);
  });

  it('the retention-mismatch message names the configuration file and line', () => {
    const index = build({
      'lib/logger.ts': PINO_LOGGER,
      'a.ts': `import { logger } from './lib/logger';\n/** @retention P7D */\nexport function f(phone: string) { logger.info({ phone }); }\n`,
    });
    const [finding] = index.analyze('a.ts').findings;
    assert.equal(finding.ruleId, 'retention-mismatch');
    assert.match(finding.message, /^pino-roll limit\.count 29 \('daily' files\) at lib\/logger\.ts:4 keeps Phone number for P30D, longer than the P7D declared by/);
    assert.equal(finding.expiry?.file, 'lib/logger.ts');
  });
});
