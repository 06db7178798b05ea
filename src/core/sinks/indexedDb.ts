// IndexedDB: `store.put(value, key?)` / `store.add(…)` on an object store — `tx.objectStore('x')`,
// inline or kept in a variable; the idb library's `db.put('store', value, key?)` on `openDB(…)`,
// its `tx.store.put(value)`; and idb-keyval's `set(key, value)` / `setMany(entries)`.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { moduleIs } from './librarySink';
import { valueArgs } from './options';
import { calleeChain, hasStepRun, receiverChain } from './provenance';
import type { SinkCallSite, SinkContext, SinkRecognizer } from './types';

const STORE_WRITES = new Set(['put', 'add']);
const KEYVAL_WRITES = new Set(['set', 'setMany']);
const isIdb = moduleIs('idb');

export const indexedDbSink: SinkRecognizer = {
  id: 'indexeddb',
  family: 'indexeddb',
  kind: 'storage',
  matchCall(site, context) {
    const dataArgs = STORE_WRITES.has(site.method) ? storeWrite(site, context) : KEYVAL_WRITES.has(site.method) ? keyvalWrite(site, context) : undefined;
    return dataArgs && dataArgs.length > 0 ? { kind: 'storage', family: 'indexeddb', dataArgs } : undefined;
  },
};

function storeWrite(site: SinkCallSite, context: SinkContext): TSESTree.Node[] | undefined {
  const chain = receiverChain(site, context);
  if (!chain) return undefined;
  const args = site.call.arguments;
  if (hasStepRun(chain.steps, ['objectStore', '()'])) return valueArgs(args);
  if (chain.module === undefined || !isIdb(chain.module)) return undefined;
  // idb: the database itself names the store first; a transaction's `store` does not.
  if (chain.steps.includes('store')) return valueArgs(args);
  return hasStepRun(chain.steps, ['openDB', '()']) || chain.steps.includes('IDBPDatabase') ? valueArgs(args.slice(1)) : undefined;
}

function keyvalWrite(site: SinkCallSite, context: SinkContext): TSESTree.Node[] | undefined {
  const chain = calleeChain(site, context);
  if (chain?.module !== 'idb-keyval' || chain.steps.length !== 1) return undefined;
  return valueArgs(site.method === 'set' ? site.call.arguments.slice(0, 2) : site.call.arguments.slice(0, 1));
}
