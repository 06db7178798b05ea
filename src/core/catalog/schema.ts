// The catalog's JSON Schema (draft-07), shipped as privacy-catalog.schema.json and wired into
// VS Code. A unit test checks it covers every key of CatalogFile and that the shipped file is equal.
import { RULE_IDS } from '../findings';
import { BUILTIN_CATEGORY_IDS } from '../types';

const durationPattern = 'P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?';
const retentionPattern = `^(${durationPattern}|session|indefinite)$`;
/** A maximum is a length of time: `session` is not one (the loader refuses it too). */
const maxRetentionPattern = `^(${durationPattern}|indefinite)$`;

export const CATALOG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://privacy-review.dev/schemas/privacy-catalog.schema.json',
  title: 'Privacy Review data catalog',
  description: 'Declares which personal data the product handles, how long each kind may be kept, and where it must never go.',
  type: 'object',
  required: ['version'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'The schema this file follows.' },
    version: { const: 1, description: 'Catalog format version. Always 1.' },
    categories: {
      type: 'array',
      description: 'Custom categories, and refinements of built-in ones (extra names or fields).',
      items: {
        type: 'object',
        required: ['id'],
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
            pattern: '^[a-z][a-z0-9_.-]*$',
            description: 'Category id: a built-in one to refine it, or a new one.',
            examples: [...BUILTIN_CATEGORY_IDS, 'loyalty_id'],
          },
          label: { type: 'string', description: 'Human-readable name shown in reports.', examples: ['Loyalty card number'] },
          parent: {
            type: 'string',
            description: 'The category this one refines; it inherits the parent\'s policies.',
            examples: [...BUILTIN_CATEGORY_IDS],
          },
          names: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description: 'Identifier spellings that name this data (matched word by word, any case style).',
            examples: [['loyaltyNumber', 'memberNo']],
          },
          fields: {
            type: 'array',
            items: { type: 'string', pattern: '^[A-Za-z_$][\\w$]*\\.[A-Za-z_$][\\w$]*$' },
            description: 'Type.member references whose values are this data.',
            examples: [['Customer.loyaltyNumber']],
          },
        },
      },
    },
    policies: {
      type: 'array',
      description: 'Retention per (category, sink kind). A category inherits its ancestors\' policies.',
      items: {
        type: 'object',
        required: ['category', 'sink', 'retention'],
        additionalProperties: false,
        properties: {
          category: { type: 'string', description: 'A built-in or catalog category id.', examples: [...BUILTIN_CATEGORY_IDS] },
          sink: { enum: ['log', 'storage', 'third-party', '*'], description: 'Where the data goes; * for every sink kind.' },
          retention: {
            type: 'string',
            anyOf: [{ pattern: retentionPattern }, { enum: ['forbidden', 'undecided'] }],
            description:
              'ISO-8601 duration (P30D, P1Y, PT12H), session, indefinite, forbidden (any flow is an error), or undecided (written by `catalog init`; declares nothing until decided).',
            examples: ['P30D', 'P90D', 'P1Y', 'session', 'indefinite', 'forbidden'],
          },
          reason: { type: 'string', description: 'Why this retention: the legal basis or business need.', examples: ['Fraud investigation window'] },
        },
      },
    },
    maxRetention: {
      type: 'object',
      description: 'Longest retention allowed per category; longer @retention values or policies are reported.',
      propertyNames: { pattern: '^[a-z][a-z0-9_.-]*$' },
      additionalProperties: { type: 'string', pattern: maxRetentionPattern },
      examples: [{ ip_address: 'P90D' }],
    },
    sanitizers: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Extra function names whose result carries no personal data.',
      examples: [['scrubPii', 'toPublicProfile']],
    },
    ignore: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Globs (minimatch) of files not to scan, relative to the catalog.',
      examples: [['scripts/**', '**/*.test.ts']],
    },
    severity: {
      type: 'object',
      description: 'Severity per rule id, or off.',
      propertyNames: { enum: [...RULE_IDS] },
      additionalProperties: { enum: ['error', 'warning', 'info', 'off'] },
      examples: [{ 'personal-data-logged': 'error' }],
    },
  },
} as const;
