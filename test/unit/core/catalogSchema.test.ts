// The shipped JSON Schema is CATALOG_SCHEMA, covers every key of the catalog types, and agrees
// with the loader on what is valid.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { parseCatalog } from '../../../src/core/catalog/load';
import { CATALOG_SCHEMA } from '../../../src/core/catalog/schema';
import { POLICY_SINKS, RULE_SEVERITIES, type CatalogCategory, type CatalogFile, type CatalogPolicy } from '../../../src/core/catalog/types';
import { RULE_IDS } from '../../../src/core/findings';

/** out/test/unit/core → the repository root. */
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const SCHEMA_FILE = path.join(REPO_ROOT, 'privacy-catalog.schema.json');

// Typed samples: `Required<…>` makes a key added to the type without a value here a compile error,
// and the tests below make a key without a schema property (or the reverse) a test failure.
const sampleCategory: Required<CatalogCategory> = {
  id: 'loyalty_id',
  label: 'Loyalty card number',
  parent: 'device_id',
  names: ['loyaltyNumber'],
  fields: ['Customer.loyaltyNumber'],
};
const samplePolicy: Required<CatalogPolicy> = { category: 'loyalty_id', sink: 'log', retention: 'P30D', reason: 'support window' };
const sampleCatalog: Required<CatalogFile> = {
  $schema: './privacy-catalog.schema.json',
  version: 1,
  categories: [sampleCategory],
  policies: [samplePolicy],
  maxRetention: { loyalty_id: 'P90D' },
  sanitizers: ['scrubPii'],
  ignore: ['scripts/**'],
  severity: { 'personal-data-logged': 'error' },
};

/** Keys a type requires, as an exhaustive record so a new required key must be listed. */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
const requiredCatalogKeys: Record<RequiredKeys<CatalogFile>, true> = { version: true };
const requiredCategoryKeys: Record<RequiredKeys<CatalogCategory>, true> = { id: true };
const requiredPolicyKeys: Record<RequiredKeys<CatalogPolicy>, true> = { category: true, sink: true, retention: true };

type SchemaNode = {
  type?: string;
  properties?: Record<string, SchemaNode>;
  required?: readonly string[];
  items?: SchemaNode;
  enum?: readonly unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  additionalProperties?: boolean | SchemaNode;
  propertyNames?: SchemaNode;
  anyOf?: readonly SchemaNode[];
};
const schema = CATALOG_SCHEMA as unknown as SchemaNode;
const categorySchema = schema.properties!.categories.items!;
const policySchema = schema.properties!.policies.items!;
const sorted = (keys: Iterable<string>) => [...keys].sort();

describe('catalog JSON Schema', () => {
  describe('the shipped file', () => {
    it('privacy-catalog.schema.json equals CATALOG_SCHEMA (run node scripts/write-schema.mjs after a change)', () => {
      const shipped = fs.readFileSync(SCHEMA_FILE, 'utf8');
      assert.equal(shipped, `${JSON.stringify(CATALOG_SCHEMA, null, 2)}\n`);
    });
  });

  describe('covers every key of the types, and nothing else', () => {
    const cases: { name: string; typeKeys: string[]; schemaNode: SchemaNode; requiredKeys: string[] }[] = [
      { name: 'CatalogFile', typeKeys: Object.keys(sampleCatalog), schemaNode: schema, requiredKeys: Object.keys(requiredCatalogKeys) },
      { name: 'CatalogCategory', typeKeys: Object.keys(sampleCategory), schemaNode: categorySchema, requiredKeys: Object.keys(requiredCategoryKeys) },
      { name: 'CatalogPolicy', typeKeys: Object.keys(samplePolicy), schemaNode: policySchema, requiredKeys: Object.keys(requiredPolicyKeys) },
    ];
    for (const { name, typeKeys, schemaNode, requiredKeys } of cases) {
      it(`${name}: the schema's properties are exactly the type's keys`, () => {
        assert.deepEqual(sorted(Object.keys(schemaNode.properties ?? {})), sorted(typeKeys));
      });
      it(`${name}: the schema's "required" is exactly the type's non-optional keys`, () => {
        assert.deepEqual(sorted(schemaNode.required ?? []), sorted(requiredKeys));
      });
      it(`${name}: unknown keys are refused (additionalProperties: false)`, () => {
        assert.equal(schemaNode.additionalProperties, false);
      });
    }
  });

  describe('enumerations come from the same constants as the loader', () => {
    const cases: { name: string; actual: readonly unknown[] | undefined; expected: readonly unknown[] }[] = [
      { name: 'policy sink = POLICY_SINKS', actual: policySchema.properties!.sink.enum, expected: POLICY_SINKS },
      { name: 'severity level = RULE_SEVERITIES', actual: (schema.properties!.severity.additionalProperties as SchemaNode).enum, expected: RULE_SEVERITIES },
      { name: 'severity key = RULE_IDS', actual: schema.properties!.severity.propertyNames!.enum, expected: RULE_IDS },
    ];
    for (const { name, actual, expected } of cases) {
      it(name, () => assert.deepEqual(sorted((actual ?? []) as string[]), sorted(expected as string[])));
    }
  });

  describe('schema and loader agree on what is valid', () => {
    const base = { version: 1 };
    const cases: { name: string; catalog: unknown; valid: boolean }[] = [
      { name: 'the full sample (every key)', catalog: sampleCatalog, valid: true },
      { name: 'only a version', catalog: base, valid: true },
      { name: 'no version', catalog: {}, valid: false },
      { name: 'version 2', catalog: { version: 2 }, valid: false },
      { name: 'an unknown top-level key', catalog: { ...base, retention: {} }, valid: false },
      { name: 'an unknown key in a category', catalog: { ...base, categories: [{ id: 'x', aliases: [] }] }, valid: false },
      { name: 'an upper-case category id', catalog: { ...base, categories: [{ id: 'Loyalty' }] }, valid: false },
      { name: 'a field without a type', catalog: { ...base, categories: [{ id: 'x', fields: ['loyaltyNumber'] }] }, valid: false },
      { name: 'an empty name', catalog: { ...base, categories: [{ id: 'x', names: [''] }] }, valid: false },
      ...['P30D', 'PT12H', 'P1Y2M', 'session', 'indefinite', 'forbidden', 'undecided'].map((retention) => ({
        name: `policy retention ${retention}`,
        catalog: { ...base, policies: [{ category: 'email', sink: 'log', retention }] },
        valid: true,
      })),
      ...['30 days', 'P', 'PT', 'forever', ''].map((retention) => ({
        name: `policy retention "${retention}"`,
        catalog: { ...base, policies: [{ category: 'email', sink: 'log', retention }] },
        valid: false,
      })),
      { name: 'policy sink *', catalog: { ...base, policies: [{ category: 'email', sink: '*', retention: 'P1D' }] }, valid: true },
      { name: 'policy sink kafka', catalog: { ...base, policies: [{ category: 'email', sink: 'kafka', retention: 'P1D' }] }, valid: false },
      { name: 'a policy without retention', catalog: { ...base, policies: [{ category: 'email', sink: 'log' }] }, valid: false },
      { name: 'maxRetention P90D', catalog: { ...base, maxRetention: { email: 'P90D' } }, valid: true },
      { name: 'maxRetention indefinite', catalog: { ...base, maxRetention: { email: 'indefinite' } }, valid: true },
      { name: 'maxRetention session (not a length of time)', catalog: { ...base, maxRetention: { email: 'session' } }, valid: false },
      { name: 'maxRetention forever', catalog: { ...base, maxRetention: { email: 'forever' } }, valid: false },
      { name: 'severity off', catalog: { ...base, severity: { 'catalog-drift': 'off' } }, valid: true },
      { name: 'severity fatal', catalog: { ...base, severity: { 'catalog-drift': 'fatal' } }, valid: false },
      { name: 'severity for an unknown rule', catalog: { ...base, severity: { 'no-such-rule': 'off' } }, valid: false },
      { name: 'sanitizers not an array', catalog: { ...base, sanitizers: 'scrub' }, valid: false },
    ];
    it('the corpus catalog (catalog-shop) uses every key of every level, and both accept it', () => {
      const text = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/corpus/catalog-shop/privacy-catalog.json'), 'utf8');
      const catalog = parseJsonc(text, [], { allowTrailingComma: true }) as CatalogFile;
      assert.deepEqual(sorted(Object.keys(catalog)), sorted(Object.keys(sampleCatalog)));
      assert.deepEqual(sorted(new Set((catalog.categories ?? []).flatMap(Object.keys))), sorted(Object.keys(sampleCategory)));
      assert.deepEqual(sorted(new Set((catalog.policies ?? []).flatMap(Object.keys))), sorted(Object.keys(samplePolicy)));
      assert.deepEqual(schemaErrors(schema, catalog, ''), []);
      assert.ok(parseCatalog(text).ok);
    });
    for (const { name, catalog, valid } of cases) {
      it(`${name}: ${valid ? 'valid' : 'invalid'}`, () => {
        assert.deepEqual(schemaErrors(schema, catalog, '').length === 0, valid, `schema: ${schemaErrors(schema, catalog, '').join('; ')}`);
        const loaded = parseCatalog(JSON.stringify(catalog, null, 2));
        assert.equal(loaded.ok, valid, loaded.ok ? 'the loader accepted it' : loaded.problems.map((problem) => problem.message).join('; '));
      });
    }
  });
});

/** The draft-07 subset CATALOG_SCHEMA uses; enough to compare the schema with the loader. */
function schemaErrors(node: SchemaNode, value: unknown, where: string): string[] {
  const errors: string[] = [];
  const fail = (message: string) => errors.push(`${where || '/'}: ${message}`);
  if (node.const !== undefined && value !== node.const) fail(`must be ${JSON.stringify(node.const)}`);
  if (node.enum && !node.enum.includes(value)) fail(`must be one of ${node.enum.join(', ')}`);
  if (node.anyOf && node.anyOf.every((option) => schemaErrors(option, value, where).length > 0)) fail('matches no alternative');
  if (node.type === 'string' || node.pattern !== undefined || node.minLength !== undefined) {
    if (typeof value !== 'string') return [...errors, `${where}: must be a string`];
    if (node.pattern !== undefined && !new RegExp(node.pattern, 'u').test(value)) fail(`does not match ${node.pattern}`);
    if (node.minLength !== undefined && value.length < node.minLength) fail('too short');
  }
  if (node.type === 'array') {
    if (!Array.isArray(value)) return [...errors, `${where}: must be an array`];
    value.forEach((item, index) => errors.push(...schemaErrors(node.items ?? {}, item, `${where}/${index}`)));
  }
  if (node.type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [...errors, `${where}: must be an object`];
    const record = value as Record<string, unknown>;
    for (const key of node.required ?? []) if (!(key in record)) fail(`missing ${key}`);
    for (const [key, item] of Object.entries(record)) {
      if (node.propertyNames) errors.push(...schemaErrors(node.propertyNames, key, `${where}/${key} (name)`));
      const property = node.properties?.[key];
      if (property) errors.push(...schemaErrors(property, item, `${where}/${key}`));
      else if (node.additionalProperties === false) fail(`unknown key ${key}`);
      else if (typeof node.additionalProperties === 'object') errors.push(...schemaErrors(node.additionalProperties, item, `${where}/${key}`));
    }
  }
  return errors;
}
