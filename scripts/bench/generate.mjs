#!/usr/bin/env node
// A synthetic TypeScript/JavaScript monorepo of a chosen size, for the benchmark and the pre-check test.
//
//   node scripts/bench/generate.mjs OUT_DIR [--lines 200000] [--seed 7]
//
// Deterministic for a (lines, seed) pair. The mix is shaped like a product monorepo: packages of
// services (classes with an injected logger and repository), models (interfaces with personal and
// non-personal fields, some @pii/@retention), repositories (Prisma, TypeORM, Mongoose, Knex),
// Express/Nest routes (req.ip, headers, res.cookie), queue jobs (BullMQ, Redis with and without
// expiry), React components (props, state, analytics), utilities, configuration, and tests.
// Every file parses. Roughly a third of the files can hold a finding, as in a real product.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: small, fast, deterministic. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DOMAINS = ['billing', 'accounts', 'orders', 'catalog', 'shipping', 'support', 'identity', 'notifications', 'search', 'payments', 'loyalty', 'reviews', 'inventory', 'analytics', 'matchmaking', 'leaderboard', 'chat', 'media', 'admin', 'reporting'];
const ENTITIES = ['Customer', 'Player', 'Order', 'Invoice', 'Ticket', 'Session', 'Device', 'Address', 'Payment', 'Subscription', 'Review', 'Product', 'Shipment', 'Message', 'Account', 'Profile', 'Team', 'Match', 'Coupon', 'Refund'];
/** Personal-data fields by entity: only entities about people carry them, as in a real schema. */
const PERSON_FIELDS = {
  Customer: [['email', 'string'], ['firstName', 'string'], ['lastName', 'string'], ['phoneNumber', 'string'], ['dateOfBirth', 'Date']],
  Player: [['gamertag', 'string'], ['email', 'string'], ['lastLoginIp', 'string'], ['deviceId', 'string']],
  Account: [['username', 'string'], ['email', 'string'], ['lastLoginIp', 'string']],
  Profile: [['firstName', 'string'], ['lastName', 'string'], ['mobile', 'string'], ['latitude', 'number'], ['longitude', 'number']],
  Address: [['street', 'string'], ['postalCode', 'string'], ['billingAddress', 'string']],
  Payment: [['cardNumber', 'string'], ['iban', 'string']],
  Session: [['ipAddress', 'string'], ['deviceId', 'string']],
  Device: [['deviceId', 'string'], ['ipAddress', 'string']],
  Ticket: [['email', 'string'], ['phoneNumber', 'string']],
  Shipment: [['street', 'string'], ['postalCode', 'string']],
  Invoice: [['billingAddress', 'string']],
  Review: [['username', 'string']],
};
const PD_FIELDS = Object.values(PERSON_FIELDS).flat();
const PLAIN_FIELDS = [
  ['id', 'string'], ['createdAt', 'Date'], ['updatedAt', 'Date'], ['status', "'active' | 'suspended' | 'closed'"], ['total', 'number'],
  ['currency', 'string'], ['quantity', 'number'], ['title', 'string'], ['description', 'string'], ['tags', 'string[]'], ['version', 'number'],
  ['priority', 'number'], ['locale', 'string'], ['sku', 'string'], ['score', 'number'], ['rank', 'number'], ['isArchived', 'boolean'],
  ['region', 'string'], ['planId', 'string'], ['externalRef', 'string'], ['retryCount', 'number'], ['metadata', 'Record<string, unknown>'],
];
const VERBS = ['create', 'update', 'archive', 'sync', 'refresh', 'resolve', 'import', 'export', 'notify', 'reconcile', 'validate', 'schedule', 'merge', 'compute', 'load', 'publish'];
const UTIL_WORDS = ['chunk', 'debounce', 'clamp', 'groupBy', 'uniqueBy', 'formatCurrency', 'parseQuery', 'retry', 'sleep', 'pick', 'omit', 'deepMerge', 'slugify', 'range', 'zip', 'partition', 'sumBy', 'toTitleCase', 'compact', 'memoize'];

export function generate({ out, lines = 200_000, seed = 7 }) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pascal = (s) => s[0].toUpperCase() + s.slice(1);
  const camel = (s) => s[0].toLowerCase() + s.slice(1);

  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  let total = 0;
  let files = 0;
  const write = (relative, text) => {
    const file = path.join(out, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    total += text.split('\n').length;
    files++;
  };

  const fieldsFor = (entity) => {
    const fields = [['id', 'string']];
    const personal = PERSON_FIELDS[entity] ?? [];
    const pd = personal.length ? int(1, personal.length) : 0;
    const plain = int(3, 9);
    for (let i = 0; i < pd; i++) fields.push(pick(personal));
    for (let i = 0; i < plain; i++) fields.push(pick(PLAIN_FIELDS));
    const seen = new Set();
    return fields.filter(([name]) => (seen.has(name) ? false : (seen.add(name), true)));
  };

  // ---- file kinds -----------------------------------------------------------------------------

  const model = (entity) => {
    const parts = [`// ${entity}: the stored shape and its DTOs.\n`];
    const fields = fieldsFor(entity);
    parts.push(`export interface ${entity} {\n`);
    for (const [name, type] of fields) {
      if (chance(0.08)) parts.push(`  /** @retention P${int(1, 24)}M kept for ${pick(['support', 'fraud checks', 'billing disputes'])} */\n`);
      else if (chance(0.05)) parts.push(`  /** @pii none — an opaque reference */\n`);
      else if (chance(0.2)) parts.push(`  /** ${pascal(name)} as shown in the admin console. */\n`);
      parts.push(`  ${name}${chance(0.2) ? '?' : ''}: ${type};\n`);
    }
    parts.push('}\n\n');
    parts.push(`export type Create${entity}Input = Omit<${entity}, 'id' | 'createdAt' | 'updatedAt'>;\n`);
    parts.push(`export type Update${entity}Input = Partial<Create${entity}Input>;\n\n`);
    parts.push(`export enum ${entity}Event {\n${['Created', 'Updated', 'Deleted', 'Restored'].map((e) => `  ${e} = '${camel(entity)}.${e.toLowerCase()}',`).join('\n')}\n}\n\n`);
    for (let i = 0; i < int(1, 3); i++) {
      const sub = `${entity}${pick(['Summary', 'Row', 'Snapshot', 'View', 'Stats'])}${i}`;
      parts.push(`export interface ${sub} {\n`);
      for (const [name, type] of fieldsFor(entity).slice(0, int(3, 7))) parts.push(`  readonly ${name}: ${type};\n`);
      parts.push('}\n\n');
    }
    parts.push(`export const ${camel(entity)}Defaults: Partial<${entity}> = {\n  ${fields.filter(([, t]) => t === 'number').map(([n]) => `${n}: 0`).concat(['id: ""']).join(',\n  ')},\n};\n`);
    return parts.join('');
  };

  const loggerImport = () => pick([
    ["import pino from 'pino';\nconst log = pino({ level: 'info' });\n", 'log'],
    ["import winston from 'winston';\nconst logger = winston.createLogger({ transports: [new winston.transports.Console()] });\n", 'logger'],
    ["import { logger } from '../lib/logger';\n", 'logger'],
    ['', 'console'],
  ]);

  const service = (entity, domain) => {
    const [imports, loggerName] = loggerImport();
    const repo = `${camel(entity)}Repository`;
    const fields = fieldsFor(entity);
    const pdField = fields.find(([n]) => PD_FIELDS.some(([p]) => p === n))?.[0];
    const parts = [
      `// ${pascal(domain)}: ${entity} use cases.\n`,
      imports,
      `import type { ${entity}, Create${entity}Input } from '../models/${camel(entity)}';\n`,
      `import { ${pascal(repo)} } from '../repositories/${camel(entity)}.repository';\n`,
      `import { chunk, retry } from '@acme/utils';\n\n`,
      `export interface ${entity}ServiceOptions {\n  pageSize: number;\n  retries: number;\n}\n\n`,
      `export class ${entity}Service {\n  private readonly cache = new Map<string, ${entity}>();\n\n`,
      `  constructor(private readonly ${repo}: ${pascal(repo)}, private readonly options: ${entity}ServiceOptions = { pageSize: 50, retries: 3 }) {}\n\n`,
    ];
    const methods = int(3, 9);
    for (let i = 0; i < methods; i++) {
      const verb = pick(VERBS);
      const name = `${verb}${entity}${i ? i : ''}`;
      const body = [];
      if (chance(0.15)) body.push(`    /** @retention P30D diagnostic logs are rotated monthly */`);
      body.push(`    const started = Date.now();`);
      body.push(`    const existing = this.cache.get(input.id) ?? (await retry(() => this.${repo}.findById(input.id), this.options.retries));`);
      body.push(`    if (!existing) {\n      throw new Error(\`${entity} \${input.id} not found\`);\n    }`);
      for (let j = 0; j < int(2, 8); j++) {
        const [field] = pick(fields);
        const roll = random();
        if (roll < 0.3) body.push(`    const ${field}Changed${j} = existing.${field} !== input.${field};`);
        else if (roll < 0.5) body.push(`    for (const batch of chunk(Object.keys(input), this.options.pageSize)) {\n      if (batch.length > ${int(2, 20)}) break;\n    }`);
        else if (roll < 0.65) body.push(`    const ratio${j} = Math.round(((Date.now() - started) / ${int(10, 1000)}) * 100) / 100;`);
        else if (roll < 0.8) body.push(`    if (input.${field} === undefined) {\n      return existing;\n    }`);
        else body.push(`    const label${j} = [existing.id, '${verb}', String(input.${field} ?? '')].join(':');`);
      }
      if (loggerName === 'console' ? chance(0.35) : chance(0.7)) {
        const call = loggerName === 'console' ? 'console.info' : `${loggerName}.${pick(['info', 'warn', 'debug'])}`;
        if (pdField && chance(0.45)) body.push(`    ${call}({ id: existing.id, ${pdField}: input.${pdField} }, '${verb} ${camel(entity)}');`);
        else body.push(`    ${call}({ id: existing.id, durationMs: Date.now() - started }, '${verb} ${camel(entity)}');`);
      }
      body.push(`    const saved = await this.${repo}.save({ ...existing, ...input, updatedAt: new Date() });`);
      body.push(`    this.cache.set(saved.id, saved);\n    return saved;`);
      parts.push(`  async ${name}(input: Partial<${entity}> & { id: string }): Promise<${entity}> {\n${body.join('\n')}\n  }\n\n`);
    }
    parts.push(`  clear(): void {\n    this.cache.clear();\n  }\n}\n`);
    return parts.join('');
  };

  const repository = (entity) => {
    const flavour = pick(['prisma', 'typeorm', 'mongoose', 'knex']);
    const fields = fieldsFor(entity);
    const lower = camel(entity);
    const parts = [`// Persistence of ${entity} (${flavour}).\n`];
    if (flavour === 'prisma') parts.push(`import { PrismaClient } from '@prisma/client';\n\nconst prisma = new PrismaClient();\n\n`);
    if (flavour === 'typeorm') parts.push(`import { Repository } from 'typeorm';\n\n`);
    if (flavour === 'mongoose') parts.push(`import mongoose, { Schema } from 'mongoose';\n\nconst ${lower}Schema = new Schema({\n${fields.map(([n, t]) => `  ${n}: { type: ${t === 'number' ? 'Number' : t === 'Date' ? 'Date' : 'String'} },`).join('\n')}\n}${chance(0.3) ? ', { timestamps: true }' : ''});\nconst ${entity}Model = mongoose.model('${entity}', ${lower}Schema);\n\n`);
    if (flavour === 'knex') parts.push(`import knex from 'knex';\n\nconst db = knex({ client: 'pg' });\n\n`);
    parts.push(`export class ${entity}Repository {\n`);
    if (flavour === 'typeorm') parts.push(`  constructor(private readonly repo: Repository<${entity}Row>) {}\n\n`);
    parts.push(`  async findById(id: string): Promise<${entity}Row | undefined> {\n`);
    if (flavour === 'prisma') parts.push(`    return (await prisma.${lower}.findUnique({ where: { id } })) ?? undefined;\n`);
    else if (flavour === 'typeorm') parts.push(`    return (await this.repo.findOne({ where: { id } })) ?? undefined;\n`);
    else if (flavour === 'mongoose') parts.push(`    return ((await ${entity}Model.findById(id).lean()) as ${entity}Row | null) ?? undefined;\n`);
    else parts.push(`    return db('${lower}s').where({ id }).first();\n`);
    parts.push(`  }\n\n  async save(row: ${entity}Row): Promise<${entity}Row> {\n`);
    const data = `{ ${fields.slice(0, 4).map(([n]) => `${n}: row.${n}`).join(', ')} }`;
    if (flavour === 'prisma') parts.push(`    return prisma.${lower}.upsert({ where: { id: row.id }, create: ${data}, update: ${data} });\n`);
    else if (flavour === 'typeorm') parts.push(`    return this.repo.save(row);\n`);
    else if (flavour === 'mongoose') parts.push(`    await ${entity}Model.create(${data});\n    return row;\n`);
    else parts.push(`    await db('${lower}s').insert(${data}).onConflict('id').merge();\n    return row;\n`);
    parts.push(`  }\n\n  async page(offset: number, limit = 50): Promise<${entity}Row[]> {\n    const rows: ${entity}Row[] = [];\n    for (let i = offset; i < offset + limit; i++) {\n      const row = await this.findById(String(i));\n      if (row) rows.push(row);\n    }\n    return rows;\n  }\n}\n\n`);
    parts.push(`export interface ${entity}Row {\n${fields.map(([n, t]) => `  ${n}: ${t};`).join('\n')}\n}\n`);
    return parts.join('');
  };

  const route = (entity, domain) => {
    const lower = camel(entity);
    const parts = [
      `// HTTP routes for ${lower}s.\n`,
      `import { Router, type Request, type Response } from 'express';\n`,
      `import { logger } from '../lib/logger';\n`,
      `import { ${entity}Service } from '../services/${lower}.service';\n\n`,
      `export function ${lower}Routes(service: ${entity}Service): Router {\n  const router = Router();\n\n`,
    ];
    for (let i = 0; i < int(2, 6); i++) {
      const verb = pick(['get', 'post', 'put', 'delete']);
      const body = [];
      const roll = random();
      if (roll < 0.25) body.push(`    logger.info({ path: req.path, ip: req.ip }, 'request');`);
      else if (roll < 0.4) body.push(`    const forwarded = req.headers['x-forwarded-for'];\n    logger.debug('forwarded', forwarded);`);
      else if (roll < 0.5) body.push(`    res.cookie('${domain}_session', req.body.sessionId, { httpOnly: true, maxAge: ${int(1, 48)} * 3600 * 1000 });`);
      else body.push(`    logger.info('handling ${verb} ${lower}', { id: req.params.id });`);
      body.push(`    const result = await service.${pick(VERBS)}${entity}({ id: String(req.params.id), ...req.body });`);
      body.push(`    if (!result) {\n      res.status(404).json({ error: 'not found' });\n      return;\n    }`);
      body.push(`    res.status(${verb === 'post' ? 201 : 200}).json(result);`);
      parts.push(`  router.${verb}('/${lower}s/:id${i ? `/${pick(['items', 'history', 'notes', 'export'])}` : ''}', async (req: Request, res: Response) => {\n${body.join('\n')}\n  });\n\n`);
    }
    parts.push('  return router;\n}\n');
    return parts.join('');
  };

  const job = (entity) => {
    const lower = camel(entity);
    const withExpiry = chance(0.5);
    return [
      `// Background work for ${lower}s.\n`,
      `import { Queue, Worker } from 'bullmq';\nimport Redis from 'ioredis';\n\n`,
      `const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');\n`,
      `const queue = new Queue('${lower}-jobs', { connection: redis });\n\n`,
      `export async function enqueue${entity}Refresh(id: string, requestedBy: string): Promise<void> {\n`,
      `  await queue.add('refresh', { id, requestedBy }, { removeOnComplete: true, attempts: 3 });\n}\n\n`,
      `export async function remember${entity}(id: string, payload: string): Promise<void> {\n`,
      withExpiry ? `  await redis.set(\`${lower}:\${id}\`, payload, 'EX', 3600);\n` : `  await redis.set(\`${lower}:\${id}\`, payload);\n`,
      `}\n\n`,
      `export function start${entity}Worker(): Worker {\n  return new Worker('${lower}-jobs', async (job) => {\n    const { id } = job.data as { id: string };\n    const started = Date.now();\n    await new Promise((resolve) => setTimeout(resolve, 5));\n    return { id, tookMs: Date.now() - started };\n  }, { connection: redis });\n}\n`,
    ].join('');
  };

  const component = (entity) => {
    const lower = camel(entity);
    const fields = fieldsFor(entity).slice(0, int(3, 7));
    const parts = [
      `import React, { useEffect, useMemo, useState } from 'react';\n`,
      chance(0.3) ? `import { analytics } from '../lib/analytics';\n` : '',
      `\nexport interface ${entity}CardProps {\n${fields.map(([n, t]) => `  ${n}${chance(0.3) ? '?' : ''}: ${t};`).join('\n')}\n  onSelect?: (id: string) => void;\n}\n\n`,
      `export function ${entity}Card(props: ${entity}CardProps) {\n  const [expanded, setExpanded] = useState(false);\n  const [count, setCount] = useState(0);\n`,
      `  const label = useMemo(() => [${fields.slice(0, 2).map(([n]) => `String(props.${n} ?? '')`).join(', ')}].join(' '), [props]);\n`,
      `  useEffect(() => {\n    const timer = setTimeout(() => setCount((c) => c + 1), ${int(100, 2000)});\n    return () => clearTimeout(timer);\n  }, [expanded]);\n`,
    ];
    if (parts[1]) parts.push(`  const select = () => {\n    analytics.track('${lower}_selected', { id: props.id });\n    props.onSelect?.(props.id);\n  };\n`);
    else parts.push(`  const select = () => props.onSelect?.(props.id);\n`);
    parts.push(`  return (\n    <div className="${lower}-card" onClick={select}>\n      <h3>{label}</h3>\n`);
    for (const [n] of fields) parts.push(`      {expanded && <span className="field-${n}">{String(props.${n} ?? '')}</span>}\n`);
    parts.push(`      <button onClick={() => setExpanded(!expanded)}>{expanded ? 'Less' : 'More'} ({count})</button>\n    </div>\n  );\n}\n`);
    return parts.join('');
  };

  const util = () => {
    const parts = ['// Small helpers shared across packages.\n\n'];
    for (let i = 0; i < int(4, 12); i++) {
      const name = `${pick(UTIL_WORDS)}${i}`;
      const roll = random();
      if (roll < 0.25) parts.push(`export function ${name}<T>(items: readonly T[], size: number): T[][] {\n  const out: T[][] = [];\n  for (let index = 0; index < items.length; index += size) {\n    out.push(items.slice(index, index + size));\n  }\n  return out;\n}\n\n`);
      else if (roll < 0.5) parts.push(`export function ${name}(value: number, min = ${int(0, 10)}, max = ${int(11, 1000)}): number {\n  if (Number.isNaN(value)) return min;\n  return Math.min(max, Math.max(min, value));\n}\n\n`);
      else if (roll < 0.7) parts.push(`export async function ${name}<T>(fn: () => Promise<T>, attempts = ${int(2, 5)}): Promise<T> {\n  let lastError: unknown;\n  for (let attempt = 0; attempt < attempts; attempt++) {\n    try {\n      return await fn();\n    } catch (error) {\n      lastError = error;\n      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * ${int(10, 100)}));\n    }\n  }\n  throw lastError;\n}\n\n`);
      else if (roll < 0.85) parts.push(`export const ${name} = (text: string): string =>\n  text\n    .normalize('NFKD')\n    .replace(/[\\u0300-\\u036f]/g, '')\n    .toLowerCase()\n    .replace(/[^a-z0-9]+/g, '-')\n    .replace(/(^-|-$)/g, '');\n\n`);
      else parts.push(`export function ${name}<K extends string, V>(entries: Array<[K, V]>): Record<K, V[]> {\n  const grouped = {} as Record<K, V[]>;\n  for (const [key, value] of entries) {\n    (grouped[key] ??= []).push(value);\n  }\n  return grouped;\n}\n\n`);
    }
    return parts.join('');
  };

  const config = (domain) => {
    const parts = [`// Configuration of ${domain}.\n\nexport const ${camel(pascal(domain))}Config = {\n`];
    for (let i = 0; i < int(8, 30); i++) parts.push(`  ${pick(['timeout', 'retries', 'pageSize', 'batch', 'ttl', 'concurrency', 'maxItems'])}${i}: ${int(1, 10000)},\n`);
    parts.push(`  endpoints: {\n${[...Array(int(2, 8)).keys()].map((i) => `    svc${i}: 'https://${domain}-${i}.internal.example/v${int(1, 3)}',`).join('\n')}\n  },\n} as const;\n\n`);
    parts.push(`export type ${pascal(domain)}Config = typeof ${camel(pascal(domain))}Config;\n\nexport const FEATURE_FLAGS: Record<string, boolean> = {\n${[...Array(int(3, 12)).keys()].map((i) => `  ${domain}Feature${i}: ${chance(0.5)},`).join('\n')}\n};\n`);
    return parts.join('');
  };

  const test = (entity) => {
    const lower = camel(entity);
    const parts = [`import { strict as assert } from 'node:assert';\nimport { ${entity}Service } from '../src/services/${lower}.service';\n\n`];
    parts.push(PERSON_FIELDS[entity] ? `const fixture = {\n  id: 'f-1',\n  email: 'ada@example.com',\n  firstName: 'Ada',\n  createdAt: new Date(0),\n};\n\n` : `const fixture = {\n  id: 'f-1',\n  status: 'active',\n  total: 42,\n  createdAt: new Date(0),\n};\n\n`);
    parts.push(`describe('${entity}Service', () => {\n`);
    for (let i = 0; i < int(3, 10); i++) {
      parts.push(`  it('${pick(VERBS)}s a ${lower} (${i})', async () => {\n    const saved: unknown[] = [];\n    const repo = { findById: async () => fixture, save: async (row: unknown) => (saved.push(row), row) };\n    const service = new ${entity}Service(repo as never);\n    const result = await service.${pick(VERBS)}${entity}({ id: 'f-1' });\n    assert.equal(saved.length, ${int(0, 2)});\n    assert.ok(result);\n  });\n\n`);
    }
    parts.push('});\n');
    return parts.join('');
  };

  const legacyJs = (entity) => {
    const lower = camel(entity);
    return [
      `'use strict';\n// Legacy ${lower} export job (CommonJS).\nconst fs = require('fs');\nconst path = require('path');\n\n`,
      `function toCsvRow(row) {\n  return [row.id, row.status, row.total].map((value) => JSON.stringify(value ?? '')).join(',');\n}\n\n`,
      `async function export${entity}s(rows, directory) {\n  const lines = rows.map(toCsvRow);\n  const target = path.join(directory, '${lower}s.csv');\n  fs.writeFileSync(target, lines.join('\\n'));\n  return target;\n}\n\n`,
      `module.exports = { export${entity}s, toCsvRow };\n`,
    ].join('');
  };

  const hook = (entity) => {
    const lower = camel(entity);
    return [
      `import { useCallback, useEffect, useState } from 'react';\nimport type { ${entity} } from '../models/${lower}';\n\n`,
      `export function use${entity}(id: string | undefined) {\n  const [data, setData] = useState<${entity} | undefined>();\n  const [loading, setLoading] = useState(false);\n  const [failure, setFailure] = useState<Error | undefined>();\n\n`,
      `  const reload = useCallback(async () => {\n    if (!id) return;\n    setLoading(true);\n    try {\n      const response = await fetch(\`/api/${lower}s/\${encodeURIComponent(id)}\`);\n      if (!response.ok) throw new Error(\`HTTP \${response.status}\`);\n      setData((await response.json()) as ${entity});\n    } catch (caught) {\n      setFailure(caught as Error);\n    } finally {\n      setLoading(false);\n    }\n  }, [id]);\n\n`,
      `  useEffect(() => {\n    void reload();\n  }, [reload]);\n\n  return { data, loading, failure, reload };\n}\n`,
    ].join('');
  };

  const story = (entity) => {
    const fields = fieldsFor(entity).slice(0, 4);
    const value = ([n, t]) => (t === 'number' ? String(int(1, 99)) : t === 'Date' ? 'new Date(0)' : t === 'boolean' ? 'false' : t.endsWith('[]') ? '[]' : t.startsWith('Record') ? '{}' : `'${n}-sample'`);
    return [
      `import type { Meta, StoryObj } from '@storybook/react';\nimport { ${entity}Card } from './${entity}Card';\n\n`,
      `const meta: Meta<typeof ${entity}Card> = {\n  title: 'Cards/${entity}',\n  component: ${entity}Card,\n};\nexport default meta;\n\ntype Story = StoryObj<typeof ${entity}Card>;\n\n`,
      ...['Default', 'Expanded', 'Empty'].map((name) => `export const ${name}: Story = {\n  args: {\n${fields.map((f) => `    ${f[0]}: ${value(f)},`).join('\n')}\n  },\n};\n\n`),
    ].join('');
  };

  const messages = (domain) => {
    const keys = ['title', 'subtitle', 'save', 'cancel', 'emailLabel', 'nameLabel', 'empty', 'error', 'retry', 'confirm', 'phoneLabel', 'addressLabel', 'search', 'filters', 'loading'];
    return `// UI strings of ${domain}.\nexport const messages = {\n${keys.filter(() => chance(0.7)).map((key) => `  ${key}: '${pascal(domain)} ${key.replace(/([A-Z])/g, ' $1').toLowerCase()}',`).join('\n')}\n} as const;\n\nexport type MessageKey = keyof typeof messages;\n`;
  };

  const apiTypes = (entity) => {
    const fields = fieldsFor(entity);
    return `// Generated from the OpenAPI document. Do not edit.\n\nexport interface ${entity}Dto {\n${fields.map(([n, t]) => `  ${n}${chance(0.3) ? '?' : ''}: ${t === 'Date' ? 'string' : t};`).join('\n')}\n}\n\nexport interface ${entity}ListDto {\n  items: ${entity}Dto[];\n  nextCursor?: string;\n  total: number;\n}\n\nexport type ${entity}Sort = ${fields.slice(0, 3).map(([n]) => `'${n}'`).join(' | ')};\n`;
  };

  const loggerLib = () => `import pino from 'pino';\n\nexport const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', redact: ['password'] });\n`;
  const analyticsLib = () => `import Analytics from '@segment/analytics-node';\n\nexport const analytics = new Analytics({ writeKey: process.env.SEGMENT_KEY ?? '' });\n`;

  let packageIndex = 0;
  while (total < lines) {
    const domain = DOMAINS[packageIndex % DOMAINS.length];
    const pkg = `packages/${domain}${packageIndex >= DOMAINS.length ? `-${Math.floor(packageIndex / DOMAINS.length)}` : ''}`;
    packageIndex++;
    write(`${pkg}/package.json`, JSON.stringify({ name: `@acme/${path.basename(pkg)}`, version: '1.0.0', private: true }, null, 2) + '\n');
    write(`${pkg}/src/lib/logger.ts`, loggerLib());
    write(`${pkg}/src/lib/analytics.ts`, analyticsLib());
    const entities = [...ENTITIES].sort(() => random() - 0.5).slice(0, int(4, 9));
    for (const entity of entities) {
      const lower = camel(entity);
      write(`${pkg}/src/models/${lower}.ts`, model(entity));
      write(`${pkg}/src/services/${lower}.service.ts`, service(entity, domain));
      write(`${pkg}/src/repositories/${lower}.repository.ts`, repository(entity));
      if (chance(0.6)) write(`${pkg}/src/routes/${lower}.routes.ts`, route(entity, domain));
      if (chance(0.35)) write(`${pkg}/src/jobs/${lower}.job.ts`, job(entity));
      for (let c = 0; c < int(1, 3); c++) write(`${pkg}/src/components/${entity}Card${c || ''}.tsx`, component(entity));
      if (chance(0.8)) write(`${pkg}/test/${lower}.service.test.ts`, test(entity));
      if (chance(0.5)) write(`${pkg}/src/hooks/use${entity}.ts`, hook(entity));
      if (chance(0.4)) write(`${pkg}/src/components/${entity}Card.stories.tsx`, story(entity));
      if (chance(0.5)) write(`${pkg}/src/api/${lower}.dto.ts`, apiTypes(entity));
      if (chance(0.15)) write(`${pkg}/scripts/export-${lower}s.js`, legacyJs(entity));
    }
    for (let u = 0; u < int(2, 6); u++) write(`${pkg}/src/utils/${pick(UTIL_WORDS)}-${u}.ts`, util());
    write(`${pkg}/src/config.ts`, config(domain));
    write(`${pkg}/src/i18n/en.ts`, messages(domain));
  }
  return { files, lines: total };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const out = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
  const flag = (name, fallback) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? Number(args[index + 1]) : fallback;
  };
  if (!out) {
    console.error('usage: node scripts/bench/generate.mjs OUT_DIR [--lines 200000] [--seed 7]');
    process.exit(2);
  }
  const result = generate({ out, lines: flag('lines', 200_000), seed: flag('seed', 7) });
  console.log(`wrote ${result.files} files, ${result.lines} lines to ${out}`);
}
