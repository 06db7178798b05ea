// In-process and pluggable caches created from their libraries — never a plain Map or an object
// merely called `cache`: `set` (and `mset`) of a client the file (or the file that exports it)
// creates from lru-cache, @isaacs/ttlcache, quick-lru, node-cache, keyv or cache-manager. Data:
// the key and the value. Expiry: a TTL passed to that `set`, else the client's default TTL; 0
// means "never expires" in all of them. Units differ:
//   lru-cache           new LRUCache({ ttl })  (v7+, ms), new LRU({ maxAge }) (v6, ms); set(k, v, { ttl }) / set(k, v, maxAge)
//   @isaacs/ttlcache    new TTLCache({ ttl }) ms; set(k, v, { ttl })
//   quick-lru           new QuickLRU({ maxAge }) ms; set(k, v, { maxAge })
//   node-cache          new NodeCache({ stdTTL }) seconds; set(k, v, ttl) seconds
//   keyv                new Keyv({ ttl }) / new Keyv(uri, { ttl }) ms; set(k, v, ttl) ms
//   cache-manager       caching('memory', { ttl }) (v5) and createCache({ ttl }) (v6): ms, set(k, v, ttl) ms;
//                       caching({ store, ttl }) (v4): seconds, set(k, v, { ttl }) seconds
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Retention } from '../types';
import { configuredExpiry, resolved } from './config/common';
import { numberValue, optionProperty, valueArgs } from './options';
import { receiverChain, type CreationCall } from './provenance';
import type { SinkContext, SinkRecognizer } from './types';

type Unit = 'ms' | 's';
interface CacheLibrary {
  label: string;
  /** Default TTL option names of the creation's options, and their unit. */
  defaults: readonly string[];
  unit: Unit;
  /** How `set` overrides it: a number in the third argument, or an option of an object there. */
  perCall: { kind: 'number' } | { kind: 'option'; names: readonly string[] };
}

const LIBRARIES = new Map<string, CacheLibrary>([
  ['lru-cache', { label: 'lru-cache', defaults: ['ttl', 'maxAge'], unit: 'ms', perCall: { kind: 'option', names: ['ttl'] } }],
  ['@isaacs/ttlcache', { label: '@isaacs/ttlcache', defaults: ['ttl'], unit: 'ms', perCall: { kind: 'option', names: ['ttl'] } }],
  ['quick-lru', { label: 'quick-lru', defaults: ['maxAge'], unit: 'ms', perCall: { kind: 'option', names: ['maxAge'] } }],
  ['node-cache', { label: 'node-cache', defaults: ['stdTTL'], unit: 's', perCall: { kind: 'number' } }],
  ['keyv', { label: 'Keyv', defaults: ['ttl'], unit: 'ms', perCall: { kind: 'number' } }],
  ['cache-manager', { label: 'cache-manager', defaults: ['ttl'], unit: 'ms', perCall: { kind: 'number' } }],
]);
const CACHE_WRITES = new Set(['set', 'mset']);

export const cacheClientsSink: SinkRecognizer = {
  id: 'cache-client',
  family: 'cache',
  kind: 'storage',
  matchCall(site, context) {
    if (!CACHE_WRITES.has(site.method)) return undefined;
    const chain = receiverChain(site, context);
    const library = chain?.module === undefined ? undefined : LIBRARIES.get(chain.module);
    const creation = chain?.calls?.[0];
    if (!chain || !library || !creation) return undefined;
    const args = site.call.arguments;
    const dataArgs = valueArgs(site.method === 'set' ? args.slice(0, 2) : args);
    if (dataArgs.length === 0) return undefined;
    const perCall = site.method === 'set' ? perCallExpiry(args[2], library, creation, context) : undefined;
    // A TTL of 0 passed to `set` means "never expires" for this entry, whatever the default.
    const expiry = perCall === null ? undefined : perCall ?? defaultExpiry(library, creation);
    return { kind: 'storage', family: 'cache', dataArgs, ...(expiry ? { expiry } : {}) };
  },
};

/** The TTL `set` passes: a retention, null for an explicit "never" (0), undefined when it passes none. */
function perCallExpiry(argument: TSESTree.Node | undefined, library: CacheLibrary, creation: CreationCall, context: SinkContext): Retention | null | undefined {
  const value = argument && resolved(argument, context);
  if (!argument || !value || value.type === 'ArrowFunctionExpression' || value.type === 'FunctionExpression') return undefined;
  const legacy = isCacheManagerV4(library, creation);
  const names = legacy ? ['ttl'] : library.perCall.kind === 'option' ? library.perCall.names : [];
  // An options object (`{ ttl }`), or a number (node-cache, Keyv, cache-manager v5, lru-cache v6's maxAge).
  const node = value.type === 'ObjectExpression' ? firstOption(value, names, context) : argument;
  if (!node) return undefined;
  return expiryOf(node, legacy ? 's' : library.unit, `${library.label} set ttl`, context) ?? null;
}

function defaultExpiry(library: CacheLibrary, creation: CreationCall): Retention | undefined {
  const args = creation.node.arguments;
  // `new Keyv(uri, { ttl })`, `caching('memory', { ttl })`: the options follow a store name or URI.
  const options = args.map((arg) => resolved(arg, creation.context)).find((arg) => arg?.type === 'ObjectExpression');
  const node = options && firstOption(options, library.defaults, creation.context);
  if (!node) return undefined;
  const unit = isCacheManagerV4(library, creation) ? 's' : library.unit;
  return expiryOf(node, unit, `${library.label} default ${optionName(options, library.defaults, creation.context)}`, creation.context);
}

/** cache-manager v4: `caching({ store: 'memory', ttl })`, one options object with the store in it; ttl in seconds. */
function isCacheManagerV4(library: CacheLibrary, creation: CreationCall): boolean {
  if (library.label !== 'cache-manager') return false;
  const first = resolved(creation.node.arguments[0], creation.context);
  return first?.type === 'ObjectExpression' && optionProperty(first, 'store', creation.context) !== undefined;
}

function firstOption(options: TSESTree.Node, names: readonly string[], context: SinkContext): TSESTree.Node | undefined {
  for (const name of names) {
    const found = optionProperty(options, name, context);
    if (found) return found;
  }
  return undefined;
}

function optionName(options: TSESTree.Node, names: readonly string[], context: SinkContext): string {
  return names.find((name) => optionProperty(options, name, context)) ?? names[0];
}

/** 0 (or less) means no expiry in every one of these libraries. */
function expiryOf(node: TSESTree.Node, unit: Unit, label: string, context: SinkContext): Retention | undefined {
  const amount = numberValue(node, context);
  if (amount !== undefined && amount <= 0) return undefined;
  const seconds = amount === undefined ? undefined : unit === 'ms' ? amount / 1000 : amount;
  return configuredExpiry(seconds, label, node, context);
}
