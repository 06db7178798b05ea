// What a logger's or a store's own configuration does to findings: redacted paths leave the
// value (and only those paths), rotation and client TTLs declare retention, and a technical
// retention longer than the declared one is a `retention-mismatch` at the configuration.
import { strict as assert } from 'node:assert';
import { createAnalyzer } from '../../../src/core';
import { createEngineCatalog } from '../../../src/core/catalog/engineCatalog';
import { parseCatalog } from '../../../src/core/catalog/load';
import type { CatalogFile } from '../../../src/core/catalog/types';
import { runFindingTable } from './findingTable';

const log = (line: number, category: string) => ({ line, category, sink: 'log' });
const stored = (line: number, category: string) => ({ line, category, sink: 'storage' });
const mismatch = (line: number, category: string) => ({ line, category, sink: 'retention-mismatch' });

const USER = `interface User { id: string; email: string; phone: string }\n`;
const PINO = `import pino from 'pino';\n${USER}`;
const WINSTON = `import winston, { format, transports } from 'winston';\nimport DailyRotateFile from 'winston-daily-rotate-file';\n`;
const SENTRY = `import * as Sentry from '@sentry/node';\n${USER}`;
const REDIS = `import Redis from 'ioredis';\nconst redis = new Redis();\n`;

const withCatalog = (file: Omit<CatalogFile, 'version'>) => {
  const loaded = parseCatalog(JSON.stringify({ version: 1, ...file }));
  if (!loaded.ok) throw new Error('test catalog is invalid');
  return { catalog: createEngineCatalog(loaded.catalog) };
};

runFindingTable('configured redaction removes exactly its paths', [
  { name: 'pino: user.email is redacted, user.phone is still logged', code: `${PINO}const log = pino({ redact: ['user.email'] });\nexport function f(user: User) { log.info({ user }, 'login'); }`, expect: [log(4, 'phone_number')] },
  { name: 'pino: the whole user', code: `${PINO}const log = pino({ redact: ['user'] });\nexport function f(user: User) { log.info({ user }); }`, expect: [] },
  { name: 'pino: *.phone under any top-level key', code: `${PINO}const log = pino({ redact: ['*.phone'] });\nexport function f(user: User) { log.info({ account: user }); }`, expect: [log(4, 'email')] },
  { name: 'pino: *.phone is not a top-level phone', code: `${PINO}const log = pino({ redact: ['*.phone'] });\nexport function f(phone: string) { log.info({ phone }); }`, expect: [log(4, 'phone_number')] },
  { name: 'pino: users[*].email in an array', code: `${PINO}const log = pino({ redact: ['users[*].email'] });\nexport function f(users: User[]) { log.info({ users }); }`, expect: [log(4, 'phone_number')] },
  { name: 'pino: a message string is not the merging object', code: `${PINO}const log = pino({ redact: ['email'] });\nexport function f(email: string) { log.info('login %s', email); }`, expect: [log(4, 'email')] },
  { name: 'pino: interpolation arguments are not redacted', code: `${PINO}const log = pino({ redact: ['email'] });\nexport function f(email: string) { log.info({ ok: true }, 'login %s', email); }`, expect: [log(4, 'email')] },
  { name: 'pino: a child inherits the redaction', code: `${PINO}const log = pino({ redact: ['user.email'] }).child({ svc: 'x' });\nexport function f(user: User) { log.warn({ user }); }`, expect: [log(4, 'phone_number')] },
  {
    name: 'pino: through a wrapper, at the call site',
    code: `${PINO}const log = pino({ redact: ['who.email'] });\nfunction audit(entry: unknown) {\n  log.info({ who: entry });\n}\nexport function f(user: User) { audit(user); }`,
    expect: [log(7, 'phone_number')],
  },
  {
    name: 'pino: through two wrappers, each path where it lands',
    code: `${PINO}const log = pino({ redact: ['email', 'user.phone'] });\nfunction audit(e: unknown) { log.info(e); }\nfunction auditUser(x: unknown) { audit({ user: x }); }\nexport function f(email: string, phone: string) { auditUser({ phone, email }); }`,
    expect: [log(6, 'email')],
  },
  {
    name: 'winston: a format that deletes email and masks phone',
    code: `${WINSTON}const scrub = format((info) => { delete info.email; info.phone = '***'; return info; });\nconst logger = winston.createLogger({ format: format.combine(scrub(), format.json()) });\nexport function f(email: string, phone: string, req) { logger.info('signup', { email, phone, ip: req.ip }); }`,
    expect: [log(5, 'ip_address')],
  },
  { name: 'winston: the message text is not a field', code: `${WINSTON}const scrub = format((info) => { delete info.email; return info; });\nconst logger = winston.createLogger({ format: scrub() });\nexport function f(email: string) { logger.info(\`signup \${email}\`); }`, expect: [log(5, 'email')] },
  {
    name: 'Sentry: beforeSend deletes event.user.email',
    code: `${SENTRY}Sentry.init({ beforeSend(event) { delete event.user?.email; return event; } });\nexport function f(user: User) { Sentry.setUser({ id: user.id, email: user.email, phone: user.phone }); }`,
    expect: [log(4, 'phone_number')],
  },
  {
    name: 'Sentry: beforeSend keeps only the user id',
    code: `${SENTRY}Sentry.init({ beforeSend(event) { event.user = { id: event.user?.id }; return event; } });\nexport function f(user: User) {\n  Sentry.setUser(user);\n  Sentry.captureException(new Error('x'), { user: { email: user.email }, extra: { phone: user.phone } });\n}`,
    expect: [log(6, 'phone_number')],
  },
  { name: 'Sentry: beforeSend removes extra', code: `${SENTRY}Sentry.init({ beforeSend: (event) => { delete event.extra; return event; } });\nexport function f(user: User) { Sentry.setExtra('contact', user.email); }`, expect: [] },
  { name: 'Sentry: beforeBreadcrumb strips data', code: `${SENTRY}Sentry.init({ beforeBreadcrumb(crumb) { delete crumb.data; return crumb; } });\nexport function f(user: User) { Sentry.addBreadcrumb({ message: 'login', data: { email: user.email } }); }`, expect: [] },
]);

runFindingTable('rotation and client TTLs declare retention', [
  { name: 'winston-daily-rotate-file maxFiles 14d', code: `${WINSTON}const logger = winston.createLogger({ transports: [new transports.Console(), new DailyRotateFile({ maxFiles: '14d' })] });\nexport function f(email: string) { logger.info(email); }`, expect: [] },
  { name: 'a winston logger that only writes to the console', code: `${WINSTON}const logger = winston.createLogger({ transports: [new transports.Console()] });\nexport function f(email: string) { logger.info(email); }`, expect: [log(4, 'email')] },
  { name: 'an LRU with a default ttl', code: `import { LRUCache } from 'lru-cache';\nconst cache = new LRUCache({ max: 100, ttl: 60_000 });\nexport function f(email: string) { cache.set('k', email); }`, expect: [] },
  { name: 'an LRU without one', code: `import { LRUCache } from 'lru-cache';\nconst cache = new LRUCache({ max: 100 });\nexport function f(email: string) { cache.set('k', email); }`, expect: [stored(3, 'email')] },
  { name: 'a plain Map is no store', code: `const cache = new Map();\nexport function f(email: string) { cache.set('k', email); }`, expect: [] },
  {
    name: 'a Redis wrapper that always sets EX covers its callers',
    code: `${REDIS}function cacheSet(key: string, value: unknown) {\n  return redis.set(key, JSON.stringify(value), 'EX', 60);\n}\nexport function f(req) { cacheSet('visit', { ip: req.ip }); }`,
    expect: [],
  },
  {
    name: 'a Redis wrapper without EX is reported at its callers',
    code: `${REDIS}function cacheSet(key: string, value: unknown) {\n  return redis.set(key, JSON.stringify(value));\n}\nexport function f(req) { cacheSet('visit', { ip: req.ip }); }`,
    expect: [stored(6, 'ip_address')],
  },
  { name: 'a session with cookie.maxAge', code: `import session from 'express-session';\napp.use(session({ secret, cookie: { maxAge: 3_600_000 } }));\nexport function f(req) { req.session.email = req.body.email; }`, expect: [] },
  { name: 'a session write without any configuration', code: `export function f(req) { req.session.email = req.body.email; }`, expect: [stored(1, 'email')] },
  { name: 'a DynamoDB item with a TTL attribute', code: `import { PutCommand } from '@aws-sdk/lib-dynamodb';\nexport async function f(email: string) {\n  await db.send(new PutCommand({ TableName: 't', Item: { email, ttl: Math.floor(Date.now() / 1000) + 86400 } }));\n}`, expect: [] },
  { name: 'a DynamoDB item without one', code: `import { PutCommand } from '@aws-sdk/lib-dynamodb';\nexport async function f(email: string) {\n  await db.send(new PutCommand({ TableName: 't', Item: { email } }));\n}`, expect: [stored(3, 'email')] },
]);

const ROTATE_30D = `${WINSTON}const logger = winston.createLogger({\n  transports: [new DailyRotateFile({ maxFiles: '30d' })],\n});\n`;

runFindingTable('retention-mismatch: technical longer than declared', [
  { name: '@retention P14D on the function, rotation keeps 30 days', code: `${ROTATE_30D}/** @retention P14D */\nexport function f(email: string, phone: string) {\n  logger.info(email);\n  logger.info(phone);\n}`, expect: [mismatch(4, 'email')] },
  { name: 'declared longer than the rotation: no mismatch', code: `${ROTATE_30D}/** @retention P60D */\nexport function f(email: string) { logger.info(email); }`, expect: [] },
  { name: 'one per (configuration, declaration)', code: `${ROTATE_30D}/** @retention P14D */\nexport function f(email: string) { logger.info(email); }\n/** @retention P7D */\nexport function g(email: string) { logger.info(email); logger.warn(email); }`, expect: [mismatch(4, 'email'), mismatch(4, 'email')] },
  { name: 'a comment above the sink against Redis EX, at the EX', code: `${REDIS}export function f(email: string) {\n  // @retention P7D\n  redis.set('k', email, 'EX', 60 * 60 * 24 * 365);\n}`, expect: [mismatch(5, 'email')] },
  { name: 'a declared member against a cookie maxAge', code: `interface Contact {\n  /** @retention P1D */\n  email: string;\n}\nexport function f(res, c: Contact) { res.cookie('e', c.email, { maxAge: 30 * 86400 * 1000 }); }`, expect: [mismatch(5, 'email')] },
  { name: 'an expiry of unknown length is not compared', code: `${WINSTON}const logger = winston.createLogger({ transports: [new DailyRotateFile({ maxFiles: process.env.KEEP })] });\n/** @retention P14D */\nexport function f(email: string) { logger.info(email); }`, expect: [] },
]);

runFindingTable(
  'retention-mismatch against the catalog',
  [
    { name: 'a catalog policy P14D for email in logs, rotation 30 days', code: `${ROTATE_30D}export function f(email: string, req) {\n  logger.info(email);\n  logger.info(req.ip);\n}`, expect: [mismatch(4, 'email')] },
    { name: 'maxRetention P30D for phones, a Redis TTL of a year', code: `${REDIS}export function f(phone: string) { redis.set('k', phone, 'EX', 365 * 86400); }`, expect: [mismatch(3, 'phone_number')] },
    { name: 'within the maximum', code: `${REDIS}export function f(phone: string) { redis.set('k', phone, 'EX', 86400); }`, expect: [] },
  ],
  withCatalog({ policies: [{ category: 'email', sink: 'log', retention: 'P14D' }, { category: 'ip_address', sink: 'log', retention: 'P90D' }], maxRetention: { phone_number: 'P30D' } }),
);

describe('retention-mismatch: what the finding says', () => {
  it('names both sides, points at the sink, and carries both for the hover', () => {
    const code = `${ROTATE_30D}/** @retention P14D support */\nexport function f(email: string) {\n  logger.info(email);\n}`;
    const [finding] = createAnalyzer({ today: '2026-06-01' }).analyze(code, 'src/support.ts').findings;
    assert.equal(finding.ruleId, 'retention-mismatch');
    assert.equal(finding.message, "winston-daily-rotate-file maxFiles '30d' at src/support.ts:4 keeps Email address for P30D, longer than the P14D declared by @retention P14D on f.");
    assert.equal(finding.expiry?.value, 'P30D');
    assert.equal(finding.retention?.value, 'P14D');
    assert.deepEqual(finding.related.map((related) => related.span.start.line), [8]);
  });

  it('a finding for a field the redaction leaves in says which redaction applied', () => {
    const code = `${PINO}const log = pino({ redact: ['user.email'] });\nexport function f(user: User) { log.info({ user }); }`;
    const [finding] = createAnalyzer({ today: '2026-06-01' }).analyze(code, 'src/a.ts').findings;
    assert.deepEqual(finding.redactedBy, [{ declaredBy: 'pino redact at src/a.ts:3', paths: ['user.email'] }]);
  });

  it('a suppression above the configuration line silences it', () => {
    const code = `${WINSTON}const logger = winston.createLogger({\n  // privacy-review-disable-next-line retention-mismatch -- legal hold until=2027-01-01\n  transports: [new DailyRotateFile({ maxFiles: '30d' })],\n});\n/** @retention P14D */\nexport function f(email: string) { logger.info(email); }`;
    assert.deepEqual(createAnalyzer({ today: '2026-06-01' }).analyze(code, 'a.ts').findings, []);
  });
});
