// Web Storage: `localStorage.setItem(k, v)`, `localStorage.token = v`, `localStorage[key] = v`,
// through `window.` / `globalThis.` / `self.` or an alias (`const store = window.localStorage`).
// `sessionStorage` is cleared when the tab's session ends: expiry 'session'. Only the globals
// count — a file that declares its own `localStorage` (a Map, a mock) is not writing to the browser.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeSegments } from './callSite';
import { valueArgs } from './options';
import { chainOf, receiverChain, type Provenance } from './provenance';
import type { SinkMatch, SinkRecognizer } from './types';

type StorageName = 'localStorage' | 'sessionStorage';
const STORAGES = new Set<string>(['localStorage', 'sessionStorage']);

export const webStorageSink: SinkRecognizer = {
  id: 'web-storage',
  family: 'web-storage',
  kind: 'storage',
  matchCall(site, context) {
    if (site.method !== 'setItem') return undefined;
    const storage = storageOf(receiverChain(site, context));
    return storage ? storageMatch(storage, valueArgs(site.call.arguments.slice(0, 2)), site.call) : undefined;
  },
  matchAssignment(assignment, context) {
    const target = assignment.left;
    if (target.type !== 'MemberExpression') return undefined;
    const storage = storageOf(chainOf(calleeSegments(target.object), context, target.object));
    if (!storage) return undefined;
    // `localStorage[`ip:${ip}`] = 1` keeps the key too; a plain name or literal key is not data.
    const computedKey = target.computed && target.property.type !== 'Literal' ? [target.property] : [];
    return storageMatch(storage, [...computedKey, assignment.right], assignment);
  },
};

function storageOf(chain: Provenance | undefined): StorageName | undefined {
  if (!chain || chain.module !== undefined || chain.declared || chain.steps.length > 0 || !STORAGES.has(chain.root)) return undefined;
  return chain.root as StorageName;
}

function storageMatch(storage: StorageName, dataArgs: TSESTree.Node[], node: TSESTree.Node): SinkMatch | undefined {
  if (dataArgs.length === 0) return undefined;
  const expiry = storage === 'sessionStorage' ? { value: 'session', declaredBy: 'sessionStorage', span: { start: node.loc.start, end: node.loc.end } } : undefined;
  return { kind: 'storage', family: 'web-storage', dataArgs, ...(expiry ? { expiry } : {}) };
}
